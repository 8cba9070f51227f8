import OpikCore

/// `opik spans score`: feedback scores on spans.
enum SpansScore {
    static let spec: CommandSpec = CommandSpec(
        "score",
        summary: "Add, upload and delete feedback scores; list score names",
        discussion: """
            Feedback scores are named numbers on a span, such as accuracy=0.92, with an \
            optional reason and category. Each author has one value per name: adding a score \
            again replaces it. A span's scores show with the span: 'opik spans get ID', or \
            'opik spans list --fields id,feedback_scores'.
            """,
        subcommands: [ScoreAdd.spec, ScoreUpload.spec, ScoreDelete.spec, ScoreNames.spec])
}
