import OpikCore

/// `opik spans comment`, `opik traces comment`: comments on records.
enum CommentGroup {
    static func spec(_ group: EntityCommands) -> CommandSpec {
        let one = group.entity.name
        return CommandSpec(
            "comment",
            summary: "Add, list, show, change and delete comments",
            discussion: """
                Comments are free text attached to a \(one). The server makes each comment's id; \
                showing a comment needs its \(one) id too, changing or deleting it only the comment id.
                """,
            subcommands: [
                CommentAdd.spec(group), CommentList.spec(group), CommentGet.spec(group), CommentUpdate.spec(group),
                CommentDelete.spec(group),
            ])
    }
}
