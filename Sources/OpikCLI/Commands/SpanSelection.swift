#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OpikCore

/// Which spans a `list` or `stats` asks for: project, trace, type, filters, search text and
/// time bounds, checked locally before anything is sent.
struct SpanSelection {
    static let options: [OptionSpec] = [
        OptionSpec("project-id", value: "UUID", help: "Project by id instead of name."),
        OptionSpec("trace-id", value: "UUID", help: "Only spans of this trace."),
        OptionSpec("type", value: "TYPE", help: "Only spans of this type.", choices: Entity.span.values(of: "type")),
        OptionSpec("filter", short: "f", value: "EXPR",
                   help: "Filter in the Opik query language, e.g. 'name contains \"retriev\"'; repeatable, all must hold. See 'opik help filters'.",
                   repeatable: true),
        OptionSpec("search", value: "TEXT", help: "Free-text search over id, name, input, output, metadata, tags, model (server-side)."),
        OptionSpec("since", value: "WHEN", help: "Spans that started at or after WHEN: RFC 3339, or relative (30s, 15m, 24h, 7d)."),
        OptionSpec("until", value: "WHEN", help: "Spans that started at or before WHEN: RFC 3339, or relative."),
    ]

    var projectName: String?
    var projectId: String?
    var traceId: String?
    var type: String?
    var filters: [JSONValue] = []
    var search: String?

    init(_ invocation: Invocation, session: Session, now: Date) throws {
        if let id = invocation.value("project-id") {
            try SpanSelection.checkUUID(id, option: "--project-id")
            projectId = id
        } else {
            projectName = session.projectName
        }
        if let id = invocation.value("trace-id") {
            try SpanSelection.checkUUID(id, option: "--trace-id")
            traceId = id
        }
        type = invocation.value("type")
        search = invocation.value("search")
        for expression in invocation.values("filter") {
            do {
                filters += try FilterLanguage.parse(expression, for: .span).map(\.json)
            } catch {
                throw OpikError.pointed(
                    .usage("invalid --filter '\(expression)': \(error)", hint: "see 'opik help filters'"), pointer: error.pointer)
            }
        }
        do {
            filters += try TimeParser.startTimeFilters(
                since: invocation.value("since"), until: invocation.value("until"), now: now
            ).map(\.json)
        } catch {
            throw OpikError.usage(error.description)
        }
    }

    static func checkUUID(_ text: String, option: String) throws {
        guard UUIDv7.isValid(text) else {
            throw OpikError.usage("invalid \(option) '\(text)': expected a UUID such as 0190b5d2-7c1e-7a3b-8f00-5b9a1c2d3e4f")
        }
    }

    /// Query items for `GET /spans` and `GET /spans/stats`.
    var queryItems: [(String, String)] {
        var items: [(String, String)] = []
        if let projectId { items.append(("project_id", projectId)) }
        if let projectName { items.append(("project_name", projectName)) }
        if let traceId { items.append(("trace_id", traceId)) }
        if let type { items.append(("type", type)) }
        if !filters.isEmpty { items.append(("filters", JSONWriter.compact(.array(filters)))) }
        if let search { items.append(("search", search)) }
        return items
    }

    /// Members of the `POST /spans/search` body.
    var searchBody: [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        if let projectId { members.append(("project_id", .string(projectId))) }
        if let projectName { members.append(("project_name", .string(projectName))) }
        if let traceId { members.append(("trace_id", .string(traceId))) }
        if let type { members.append(("type", .string(type))) }
        if !filters.isEmpty { members.append(("filters", .array(filters))) }
        return members
    }

    /// Names the project in messages.
    var projectDescription: String {
        projectId.map { "project id \($0)" } ?? "project '\(projectName ?? "")'"
    }
}
