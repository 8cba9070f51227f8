#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OpikCore

/// `opik spans list`, `opik traces list`: records of one project, as a table, JSON, NDJSON or CSV.
enum ListCommand {
    static let defaultLimit = 50
    static let sort = OptionSpec("sort", value: "FIELD[:asc|desc]", help: "Server-side order, e.g. start_time:desc, duration, feedback_scores.accuracy:desc.")
    static let limit = OptionSpec("limit", short: "n", value: "N", help: "How many to list.", default: String(defaultLimit))
    static let all = OptionSpec("all", help: "Every match, streamed.")
    static let page = OptionSpec("page", value: "N", help: "One page of --limit records; the table footer shows the page count and total.")
    static let truncate = OptionSpec("truncate", help: "Let the server shorten large input and output (they may then arrive as strings).")
    static let after = OptionSpec("after", value: "ID", help: "Continue after this id (exclusive): resumes an interrupted --all export.")
    static let noHeader = OptionSpec("no-header", help: "With --format csv, leave out the header row: the command that resumes a CSV export adds it.")
    static let follow = OptionSpec("follow", help: "After the current matches, keep printing new records as they arrive, until Ctrl-C.")

    static func spec(_ group: EntityCommands) -> CommandSpec {
        let (one, many) = (group.entity.name, group.entity.plural)
        return group.leaf(
            "list",
            summary: "List \(many) of a project",
            discussion: """
                Lists \(many) of one project, newest first (the server has no cross-project listing). \
                Without --sort, --search or --page the \(many) come from the search stream, page \
                after page by id, so --all streams with flat memory and the first lines appear \
                before the last page is fetched. --sort, --search and --page use the paged list \
                endpoint instead. An --all export that stops early prints the command that \
                resumes it with --after: relative --since and --until become the instants the \
                export used, and a CSV export continues without a second header (--no-header).

                What the server sends is checked: never more than --limit \(many) are printed, a \
                server that sends a \(one) again instead of paging stops --all with status \(ExitStatus.failure.code), and \
                so does a streamed \(one) over 64 MiB or any other response over 256 MiB \
                (decompressed).
                """,
            options: Selection.options(for: group) + [
                sort.completing(.sortField(many)),
                limit.help("How many \(many)."),
                all.help("Every matching \(one), streamed."),
                page.help("One page of --limit \(many); the table footer shows the page count and total."),
                truncate,
                after.help("Continue after this \(one) id (exclusive): resumes an interrupted --all export."),
                noHeader,
                follow.help("After the current matches, keep printing new \(many) as they arrive, until Ctrl-C."),
                Explain.option,
            ],
            run: run)
    }

    /// How the records are fetched.
    struct Plan {
        var limit: Int?
        var page: Int?
        var sorting: JSONValue?
        var usesPages: Bool
        var after: String?
        var follow: Bool
    }

    static func plan(_ invocation: Invocation, selection: Selection) throws -> Plan {
        let entity = selection.entity
        let all = invocation.flag(Self.all)
        var limit: Int? = defaultLimit
        if let n = try invocation.wholeNumber(Self.limit, in: 1...Int.max) {
            if all { throw OpikError.usage("--limit and --all cannot be combined", hint: "use one of them") }
            limit = n
        }
        if all { limit = nil }
        var page: Int?
        if let n = try invocation.wholeNumber(Self.page, in: 1...Int.max) {
            if all { throw OpikError.usage("--page and --all cannot be combined", hint: "--page shows one page of --limit \(entity.plural)") }
            page = n
        }
        let sorting = try invocation.value(Self.sort).map { text in
            // The message already names --sort and the value.
            do { return try SortSpec.parse(text, for: entity) } catch { throw OpikError.from(error) }
        }
        let after = invocation.value(Self.after)
        if let after { try Selection.checkUUID(after, option: "--after") }
        let usesPages = page != nil || sorting != nil || selection.search != nil
        if usesPages, after != nil {
            throw OpikError.usage("--after cannot be combined with --sort, --search or --page", hint: "--after continues the id-ordered stream")
        }
        let follow = invocation.flag(Self.follow)
        if follow, usesPages {
            throw OpikError.usage("--follow cannot be combined with --sort, --search or --page", hint: "--follow watches the id-ordered stream")
        }
        return Plan(limit: limit, page: page, sorting: sorting, usesPages: usesPages, after: after, follow: follow)
    }

    static func run(_ invocation: Invocation, group: EntityCommands, context: inout Context) throws -> ExitStatus {
        let entity = group.entity
        let session = try Session(invocation, context: context, fieldsOf: entity.fields)
        // One instant for the selection and for the resume command, which freezes relative times.
        let now = context.now()
        let selection = try Selection(invocation, group: group, session: session, now: now)
        let plan = try plan(invocation, selection: selection)
        let exclude = FieldSelection.serverExclude(format: session.format, fields: session.fields, entity: entity)
        let truncate = invocation.flag(Self.truncate)
        let writer = Renderer.makeWriter(
            format: session.format, fields: session.fields, stdout: context.stdout,
            isTerminal: context.isStdoutTerminal, useColor: session.useColor,
            width: context.terminalWidth, now: context.now(), streaming: plan.follow, entity: entity)

        if plan.usesPages {
            let pages = PagedList(selection: selection, plan: plan, exclude: exclude, truncate: truncate)
            if invocation.flag(Explain.option) { return try Explain.print(pages.request(client: session.client, page: plan.page ?? 1), context: context) }
            if !(session.format == .csv && invocation.flag(noHeader)) { try writer.begin() }
            let summary = try pages.run(client: session.client, writer: writer)
            try writer.end(footer: context.isStdoutTerminal ? pages.pageFooter(summary) : nil)
            if plan.page == nil {
                footer(shown: summary.shown, total: summary.total, more: summary.total.map { $0 > summary.shown } ?? false,
                       plan: plan, entity: entity, session: session, context: context)
            } else if summary.shown == 0 {
                footer(shown: 0, total: nil, more: false, plan: plan, entity: entity, session: session, context: context)
            }
            return .success
        }

        var body = selection.searchBody
        body.append(("truncate", .bool(truncate)))
        if !exclude.isEmpty { body.append(("exclude", .array(exclude.map { .string($0) }))) }
        // The search stream carries no total, and counting would cost the server a second
        // query; one record more than shown is the cheap way to know that more match.
        let peeksBeyond = context.isStdoutTerminal && !plan.follow && plan.limit != nil
        var search = SearchStream(entity, body: body, limit: plan.limit.map { peeksBeyond ? $0 + 1 : $0 }, after: plan.after)
        // NDJSON of whole records is the server's own lines: pass them through untouched.
        let passThrough = session.format == .ndjson && session.fields == nil && !plan.follow
        search.parsesRecords = !passThrough
        if invocation.flag(Explain.option) {
            return try Explain.print(search.request(client: session.client, cursor: plan.after, size: min(plan.limit ?? search.pageSize, search.pageSize)), context: context)
        }
        // The CSV header is all `begin` writes; a resumed export appends to output that has it.
        if !(session.format == .csv && invocation.flag(noHeader)) { try writer.begin() }
        var lastId: String?
        var newestId: String?
        var count = 0
        var shown = 0
        var more = false
        do {
            let stdout = context.stdout
            count = try search.run(client: session.client, lastId: &lastId, onRecord: { span, line in
                if let limit = plan.limit, shown >= limit {
                    more = true
                    return
                }
                shown += 1
                if passThrough {
                    try stdout.write(bytes: line)
                    try stdout.write("\n")
                    return
                }
                if plan.follow, let id = span["id"]?.stringValue, newestId.map({ id > $0 }) ?? true { newestId = id }
                try writer.write(span)
            }, onChunkEnd: { if passThrough { try stdout.flush() } else { try writer.flushIfNeeded() } })
            if plan.follow {
                // The header shows now, even when nothing matches yet.
                try writer.flushIfNeeded()
                try Follow.run(search: search, client: session.client, from: newestId, writer: writer, context: context)
            }
        } catch let error as OpikError where plan.limit == nil || plan.follow {
            try? writer.end(footer: nil)
            if case .interrupted = error, plan.follow { return .success }
            throw resumeHint(error, invocation: invocation, lastId: lastId ?? plan.after, now: now)
        }
        try writer.end(footer: nil)
        // (On a terminal, an empty export says "no spans match" instead.)
        if plan.limit == nil, !session.isQuiet, context.isStderrTerminal, count > 0 || !context.isStdoutTerminal {
            session.notices.info(Plural.count(count, entity.name))
        }
        footer(shown: shown, total: nil, more: more, plan: plan, entity: entity, session: session, context: context)
        return .success
    }

    /// Tells a person at a terminal, on stderr, that nothing matched, or that more records match
    /// than -n showed (`50 of 1,203 spans — use -n or --all`). Nothing in a pipe or with -q.
    static func footer(shown: Int, total: Int?, more: Bool, plan: Plan, entity: Entity, session: Session, context: Context) {
        guard context.isStdoutTerminal, !plan.follow else { return }
        if shown == 0 {
            session.notices.info("no \(entity.plural) match")
        } else if more, plan.limit != nil {
            let what = total.map { "\(Plural.grouped(shown)) of \(Plural.groupedCount($0, entity.name))" }
                ?? "\(Plural.groupedCount(shown, entity.name)) shown, more match"
            session.notices.info("\(what) — use -n or --all")
        }
    }

    /// Adds to an export's error the command that continues where it stopped.
    static func resumeHint(_ error: OpikError, invocation: Invocation, lastId: String?, now: Date) -> OpikError {
        guard let lastId else { return error }
        let command = ResumeCommand.render(invocation, after: lastId, now: now)
        if case let .interrupted(summary) = error {
            return .interrupted(summary: [summary, "to continue: \(command)"].compactMap { $0 }.joined(separator: "; "))
        }
        return .hinted(error, hint: "to continue: \(command)")
    }
}
