import OpikCore

enum SpansScore {
    static let spec: CommandSpec = CommandSpec("score", summary: "Add, upload, delete and list feedback scores",
                                               subcommands: [ScoreUpload.spec])
}
