import OpikCore

enum SpansUpdate {
    static let spec: CommandSpec = CommandSpec("update", summary: "Change fields of spans")
}
