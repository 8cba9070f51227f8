#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OpikCore

/// Which records a `list` or `stats` asks for: project, filters, search text, time bounds
/// and the entity's own narrowing options (a span's trace and type, a trace's thread),
/// checked locally before anything is sent.
struct Selection {
    static let filter = OptionSpec(
        "filter", short: "f", value: "EXPR",
        help: "Filter in the Opik query language, e.g. 'name contains \"retriev\"'; repeatable, all must hold. See 'opik help filters'.",
        repeatable: true)
    static let search = OptionSpec("search", value: "TEXT", help: "Free-text search (server-side).")
    static let since = OptionSpec("since", value: "WHEN", help: "Records that started at or after WHEN: RFC 3339, or relative (30s, 15m, 24h, 7d).")
    static let until = OptionSpec("until", value: "WHEN", help: "Records that started at or before WHEN: RFC 3339, or relative.")

    /// The options every entity's selection has; `EntityCommands.selectionOptions` come after
    /// `--project-id`.
    static func options(for group: EntityCommands) -> [OptionSpec] {
        let capitalized = group.entity.pluralTitle
        return [ProjectLookup.idOption] + group.selectionOptions + [
            filter,
            search.help("Free-text search over \(group.searchFields) (server-side)."),
            since.help("\(capitalized) that started at or after WHEN: RFC 3339, or relative (30s, 15m, 24h, 7d)."),
            until.help("\(capitalized) that started at or before WHEN: RFC 3339, or relative."),
        ]
    }

    let entity: Entity
    var projectName: String?
    var projectId: String?
    /// Members the entity's own options add, sent both as query items and in the stream body.
    var members: [(String, String)] = []
    var filters: [JSONValue] = []
    var search: String?

    init(_ invocation: Invocation, group: EntityCommands, session: Session, now: Date) throws {
        entity = group.entity
        if let id = invocation.value(ProjectLookup.idOption) {
            try Selection.checkUUID(id, option: "--project-id")
            projectId = id
        } else {
            projectName = session.projectName
        }
        search = invocation.value(Self.search)
        for expression in invocation.values(Self.filter) {
            do {
                filters += try FilterLanguage.parse(expression, for: entity).map(\.json)
            } catch {
                throw OpikError.pointed(
                    .usage("invalid --filter '\(expression)': \(error)", hint: "see 'opik help filters'"), pointer: error.pointer)
            }
        }
        do {
            filters += try TimeParser.startTimeFilters(
                since: invocation.value(Self.since), until: invocation.value(Self.until), now: now
            ).map(\.json)
        } catch {
            throw OpikError.usage(error.description)
        }
        try group.narrow(invocation, &self)
    }

    static func checkUUID(_ text: String, option: String) throws {
        guard UUIDv7.isValid(text) else {
            throw OpikError.usage("invalid \(option) '\(text)': expected a UUID such as 0190b5d2-7c1e-7a3b-8f00-5b9a1c2d3e4f")
        }
    }

    /// Operand `index` (the parser has checked it is there), checked as a UUID and named
    /// `name` (`SPAN_ID`, `COMMENT_ID`) in the message.
    static func uuidOperand(_ invocation: Invocation, _ index: Int, name: String) throws -> String {
        let text = invocation.operands[index]
        try checkUUID(text, option: name)
        return text
    }

    /// Whether a filter names `field`.
    func filters(on field: String) -> Bool {
        filters.contains { $0["field"]?.stringValue == field }
    }

    /// Query items for the list and stats endpoints.
    var queryItems: [(String, String)] {
        var items: [(String, String)] = []
        if let projectId { items.append(("project_id", projectId)) }
        if let projectName { items.append(("project_name", projectName)) }
        items += members
        if !filters.isEmpty { items.append(("filters", JSONWriter.compact(.array(filters)))) }
        if let search { items.append(("search", search)) }
        return items
    }

    /// Members of the search stream's body.
    var searchBody: [(String, JSONValue)] {
        var body: [(String, JSONValue)] = []
        if let projectId { body.append(("project_id", .string(projectId))) }
        if let projectName { body.append(("project_name", .string(projectName))) }
        body += members.map { ($0.0, .string($0.1)) }
        if !filters.isEmpty { body.append(("filters", .array(filters))) }
        return body
    }

    /// Names the project in messages.
    var projectDescription: String {
        projectId.map { "project id \($0)" } ?? "project '\(projectName ?? "")'"
    }
}
