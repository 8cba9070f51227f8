import OpikCore

enum SpansUpdate {
    static let spec = CommandSpec("update", summary: "Change fields of spans")
}
