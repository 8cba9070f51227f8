import OpikCore

/// `opik spans comment`: comments on spans.
enum SpansComment {
    static let spec: CommandSpec = CommandSpec(
        "comment",
        summary: "Add, list, show, change and delete comments",
        discussion: """
            Comments are free text attached to a span. The server makes each comment's id; \
            showing a comment needs its span id too, changing or deleting it only the comment id.
            """,
        subcommands: [CommentAdd.spec, CommentList.spec, CommentGet.spec, CommentUpdate.spec, CommentDelete.spec])
}
