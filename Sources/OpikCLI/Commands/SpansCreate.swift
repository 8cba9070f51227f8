import OpikCore

enum SpansCreate {
    static let spec = CommandSpec("create", summary: "Create spans from flags or a file")
}
