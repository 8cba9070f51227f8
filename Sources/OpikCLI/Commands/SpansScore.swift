import OpikCore

/// `opik spans score`: feedback scores on spans.
enum SpansScore {
    static let spec: CommandSpec = CommandSpec(
        "score",
        summary: "Add, upload, delete and list feedback scores",
        discussion: """
            Feedback scores are named numbers on a span, such as accuracy=0.92, with an \
            optional reason and category. Each author has one value per name: adding a score \
            again replaces it.
            """,
        subcommands: [ScoreAdd.spec, ScoreUpload.spec, ScoreDelete.spec, ScoreNames.spec])
}
