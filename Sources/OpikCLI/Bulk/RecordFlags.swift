#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OpikCore

/// The record fields that `create` takes as flags, read into the members of a record body in
/// the API's field names. Each entity takes the flags of its row in `table`; each value is
/// checked here, naming the flag in the message.
struct RecordFlags {
    /// Every field flag, with the entities (by name) that take it; the help is given the
    /// entity's name.
    private static let table: [(entities: Set<String>, spec: @Sendable (String) -> OptionSpec)] = [
        (["span", "trace"], { OptionSpec("name", value: "NAME", help: "\($0.prefix(1).uppercased() + $0.dropFirst()) name.") }),
        (["span"], { _ in OptionSpec("type", value: "TYPE", help: "Span type (default \(defaultType)).", choices: Entity.span.values(of: "type")) }),
        (["span"], { _ in OptionSpec("trace-id", value: "UUID", help: "Trace the span belongs to (a new one is made, created and reported when absent).") }),
        (["span"], { _ in OptionSpec("parent-span-id", value: "UUID", help: "Parent span.") }),
        (["span", "trace"], { _ in OptionSpec("start-time", value: "WHEN", help: "Start: RFC 3339, or relative such as 5m (default now).") }),
        (["span", "trace"], { _ in OptionSpec("end-time", value: "WHEN", help: "End: RFC 3339, or relative.") }),
        (["span", "trace"], { _ in OptionSpec("input", value: "VALUE", help: "Input: JSON text, @FILE, or - for standard input.", completion: .file) }),
        (["span", "trace"], { _ in OptionSpec("output", value: "VALUE", help: "Output: JSON text, @FILE, or - for standard input.", completion: .file) }),
        (["span", "trace"], { _ in OptionSpec("metadata", value: "VALUE", help: "Metadata: JSON text, @FILE, or - for standard input.", completion: .file) }),
        (["span", "trace"], { _ in OptionSpec("tags", value: "LIST", help: "Comma-separated tags.") }),
        (["trace"], { _ in OptionSpec("thread-id", value: "ID", help: "Thread (conversation) the trace belongs to.") }),
        (["span"], { _ in OptionSpec("model", value: "NAME", help: "Model name, e.g. gpt-4o.") }),
        (["span"], { _ in OptionSpec("provider", value: "NAME", help: "Model provider, e.g. openai.") }),
        (["span"], { _ in OptionSpec("usage", value: "KEY=N,...", help: "Token counts, e.g. prompt_tokens=10,completion_tokens=5.") }),
        (["span"], { _ in OptionSpec("cost", value: "USD", help: "Total estimated cost in USD (kept exactly as written).") }),
        (["span", "trace"], { _ in OptionSpec("environment", value: "NAME", help: "Environment, e.g. production.") }),
        (["span", "trace"], { OptionSpec("error-type", value: "TYPE", help: "Exception type of an error the \($0) ended with.") }),
        (["span", "trace"], { OptionSpec("error-message", value: "TEXT", help: "Message of the error the \($0) ended with.") }),
    ]

    /// The field flags of `entity`'s `create`, in the order help lists them.
    static func options(for entity: Entity) -> [OptionSpec] {
        table.filter { $0.entities.contains(entity.name) }.map { $0.spec(entity.name) }
    }

    /// The type sent without --type, as the help says: the server would store none.
    static let defaultType = "general"

    /// Members in the order they are sent, without `id`, `trace_id` and `start_time`.
    var members: [(String, JSONValue)] = []
    var start: Date
    var traceId: String?

    /// Reads the flags of `entity`; the invocation holds no others, as the parser allows
    /// only the command's own.
    init(_ invocation: Invocation, entity: Entity, context: Context) throws {
        let now = context.now()
        start = try invocation.value("start-time").map { try FieldValues.time($0, option: "--start-time", now: now) } ?? now
        if let id = invocation.value("trace-id") {
            try Selection.checkUUID(id, option: "--trace-id")
            traceId = id.lowercased()
        }
        if let id = invocation.value("parent-span-id") {
            try Selection.checkUUID(id, option: "--parent-span-id")
            members.append(("parent_span_id", .string(id.lowercased())))
        }
        if let name = invocation.value("name") { members.append(("name", .string(name))) }
        if !entity.values(of: "type").isEmpty { members.append(("type", .string(invocation.value("type") ?? Self.defaultType))) }
        if let text = invocation.value("end-time") {
            let end = try FieldValues.time(text, option: "--end-time", now: now)
            guard end >= start else {
                throw OpikError.usage("invalid --end-time '\(text)': it is before the start time (\(TimeParser.format(start)))")
            }
            members.append(("end_time", .string(TimeParser.format(end))))
        }
        try FieldValues.checkOneStdinReader(invocation)
        for name in ["input", "output", "metadata"] {
            if let text = invocation.value(name) { members.append((name, try FieldValues.json(text, option: name, context: context))) }
        }
        if let text = invocation.value("tags") {
            let tags = text.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            members.append(("tags", .array(tags.map { .string($0) })))
        }
        if let thread = invocation.value("thread-id") { members.append(("thread_id", .string(thread))) }
        for name in ["model", "provider"] {
            if let value = invocation.value(name) { members.append((name, .string(value))) }
        }
        if let text = invocation.value("usage") { members.append(("usage", try FieldValues.usage(text))) }
        if let text = invocation.value("cost") { members.append(("total_estimated_cost", try FieldValues.cost(text))) }
        if let text = invocation.value("environment") { members.append(("environment", try FieldValues.environment(text, of: entity))) }
        let errorType = invocation.value("error-type")
        let errorMessage = invocation.value("error-message")
        if errorType != nil || errorMessage != nil {
            var info: [(String, JSONValue)] = [("exception_type", .string(errorType ?? "Error"))]
            if let errorMessage { info.append(("message", .string(errorMessage))) }
            members.append(("error_info", .object(info)))
        }
    }
}
