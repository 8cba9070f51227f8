import OpikCore

enum SpansComment {
    static let spec: CommandSpec = CommandSpec("comment", summary: "Add, list, show, change and delete comments")
}
