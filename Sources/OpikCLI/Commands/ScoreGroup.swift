import OpikCore

/// `opik spans score`, `opik traces score`: feedback scores on records.
enum ScoreGroup {
    static func spec(_ group: EntityCommands) -> CommandSpec {
        let (one, many) = (group.entity.name, group.entity.plural)
        return CommandSpec(
            "score",
            summary: "Add, upload and delete feedback scores; list score names",
            discussion: """
                Feedback scores are named numbers on a \(one), such as accuracy=0.92, with an \
                optional reason and category. Each author has one value per name: adding a score \
                again replaces it. A \(one)'s scores show with the \(one): 'opik \(many) get ID', or \
                'opik \(many) list --fields id,feedback_scores'.
                """,
            subcommands: [ScoreAdd.spec(group), ScoreUpload.spec(group), ScoreDelete.spec(group), ScoreNames.spec(group)])
    }
}
