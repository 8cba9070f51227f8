import OpikCore

/// `opik traces delete ID...|-` and `opik traces delete --filter EXPR`: deletes traces with
/// everything that belongs to them, through `TraceDeletion` like `spans delete --trace`.
enum TracesDelete {
    static func spec(_ group: EntityCommands) -> CommandSpec {
        CommandSpec(
            "delete",
            summary: "Delete traces with all their spans, scores and comments",
            discussion: """
                The traces are given by id (- reads ids from standard input, at most \(IdList.maxIds)) \
                or, with --filter, are every trace of the project (-p or --project-id) that \
                matches all the filters, found through the trace search stream as 'opik traces \
                list -f' finds them (hidden traces only when a filter names visibility_mode); \
                ids and --filter do not go together.

                \(TraceDeletion.discussion)
                """,
            arguments: [ArgumentSpec("ID", help: "Trace id; - reads ids from standard input.", optional: true, variadic: true)],
            options: [
                OptionSpec("filter", short: "f", value: "EXPR",
                           help: "Delete the traces of the project that match EXPR instead of given ids; repeatable, all must hold. See 'opik help filters'.",
                           repeatable: true),
            ] + TraceDeletion.options,
            examples: group.examples("delete"),
            run: { invocation, context in
                guard !invocation.operands.isEmpty || !invocation.values("filter").isEmpty else {
                    throw OpikError.usage("no trace id given", hint: "give trace ids, - to read them from standard input, or --filter EXPR")
                }
                return try TraceDeletion.run(invocation, context: &context)
            })
    }
}
