#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OpikCore

/// The span fields that `spans create` takes as flags, read into the members of a span body
/// in the API's field names. Each value is checked here, naming the flag in the message.
struct SpanFlags {
    static let options: [OptionSpec] = [
        OptionSpec("name", value: "NAME", help: "Span name."),
        OptionSpec("type", value: "TYPE", help: "Span type (default \(defaultType)).", choices: Entity.span.values(of: "type")),
        OptionSpec("trace-id", value: "UUID", help: "Trace the span belongs to (a new one is made and reported when absent)."),
        OptionSpec("parent-span-id", value: "UUID", help: "Parent span."),
        OptionSpec("start-time", value: "WHEN", help: "Start: RFC 3339, or relative such as 5m (default now)."),
        OptionSpec("end-time", value: "WHEN", help: "End: RFC 3339, or relative."),
        OptionSpec("input", value: "VALUE", help: "Input: JSON text, @FILE, or - for standard input.", completion: .file),
        OptionSpec("output", value: "VALUE", help: "Output: JSON text, @FILE, or - for standard input.", completion: .file),
        OptionSpec("metadata", value: "VALUE", help: "Metadata: JSON text, @FILE, or - for standard input.", completion: .file),
        OptionSpec("tags", value: "LIST", help: "Comma-separated tags."),
        OptionSpec("model", value: "NAME", help: "Model name, e.g. gpt-4o."),
        OptionSpec("provider", value: "NAME", help: "Model provider, e.g. openai."),
        OptionSpec("usage", value: "KEY=N,...", help: "Token counts, e.g. prompt_tokens=10,completion_tokens=5."),
        OptionSpec("cost", value: "USD", help: "Total estimated cost in USD (kept exactly as written)."),
        OptionSpec("environment", value: "NAME", help: "Environment, e.g. production."),
        OptionSpec("error-type", value: "TYPE", help: "Exception type of an error the span ended with."),
        OptionSpec("error-message", value: "TEXT", help: "Message of the error the span ended with."),
    ]

    /// The type sent without --type, as the help says: the server would store none.
    static let defaultType = "general"

    /// Members in the order they are sent, without `id`, `trace_id` and `start_time`.
    var members: [(String, JSONValue)] = []
    var start: Date
    var traceId: String?

    init(_ invocation: Invocation, context: Context) throws {
        let now = context.now()
        start = try invocation.value("start-time").map { try SpanFieldValues.time($0, option: "--start-time", now: now) } ?? now
        if let id = invocation.value("trace-id") {
            try Selection.checkUUID(id, option: "--trace-id")
            traceId = id.lowercased()
        }
        if let id = invocation.value("parent-span-id") {
            try Selection.checkUUID(id, option: "--parent-span-id")
            members.append(("parent_span_id", .string(id.lowercased())))
        }
        if let name = invocation.value("name") { members.append(("name", .string(name))) }
        members.append(("type", .string(invocation.value("type") ?? Self.defaultType)))
        if let text = invocation.value("end-time") {
            let end = try SpanFieldValues.time(text, option: "--end-time", now: now)
            guard end >= start else {
                throw OpikError.usage("invalid --end-time '\(text)': it is before the start time (\(TimeParser.format(start)))")
            }
            members.append(("end_time", .string(TimeParser.format(end))))
        }
        try SpanFieldValues.checkOneStdinReader(invocation)
        for name in ["input", "output", "metadata"] {
            if let text = invocation.value(name) { members.append((name, try SpanFieldValues.json(text, option: name, context: context))) }
        }
        if let text = invocation.value("tags") {
            let tags = text.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            members.append(("tags", .array(tags.map { .string($0) })))
        }
        for name in ["model", "provider"] {
            if let value = invocation.value(name) { members.append((name, .string(value))) }
        }
        if let text = invocation.value("usage") { members.append(("usage", try SpanFieldValues.usage(text))) }
        if let text = invocation.value("cost") { members.append(("total_estimated_cost", try SpanFieldValues.cost(text))) }
        if let text = invocation.value("environment") { members.append(("environment", try SpanFieldValues.environment(text))) }
        let errorType = invocation.value("error-type")
        let errorMessage = invocation.value("error-message")
        if errorType != nil || errorMessage != nil {
            var info: [(String, JSONValue)] = [("exception_type", .string(errorType ?? "Error"))]
            if let errorMessage { info.append(("message", .string(errorMessage))) }
            members.append(("error_info", .object(info)))
        }
    }
}
