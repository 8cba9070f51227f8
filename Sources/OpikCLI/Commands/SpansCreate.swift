import OpikCore

enum SpansCreate {
    static let spec: CommandSpec = CommandSpec("create", summary: "Create spans from flags or a file")
}
