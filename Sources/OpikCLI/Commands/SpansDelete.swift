import OpikCore

enum SpansDelete {
    static let spec: CommandSpec = CommandSpec("delete", summary: "Delete spans (by deleting their traces)")
}
