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
    /// The type sent without --type, as the help says: the server would store none.
    static let defaultType = "general"
    static let type = RecordOptions.type.help("Span type.").defaulting(to: defaultType)
    static let errorType = OptionSpec("error-type", value: "TYPE", help: "Exception type of an error the record ended with.")
    static let errorMessage = OptionSpec("error-message", value: "TEXT", help: "Message of the error the record ended with.")

    /// Every field flag, with the entities (by name) that take it; the help is given the
    /// entity's name.
    private static let table: [(entities: Set<String>, spec: @Sendable (Entity) -> OptionSpec)] = [
        (["span", "trace"], { RecordOptions.name.help("\($0.title) name.") }),
        (["span"], { _ in type }),
        (["span"], { _ in RecordOptions.traceId.help("Trace the span belongs to (a new one is made, created and reported when absent).") }),
        (["span"], { _ in RecordOptions.parentSpanId }),
        (["span", "trace"], { _ in RecordOptions.startTime.help("Start: RFC 3339, or relative such as 5m (default now).") }),
        (["span", "trace"], { _ in RecordOptions.endTime }),
        (["span", "trace"], { _ in RecordOptions.input }),
        (["span", "trace"], { _ in RecordOptions.output }),
        (["span", "trace"], { _ in RecordOptions.metadata }),
        (["span", "trace"], { _ in RecordOptions.tags }),
        (["trace"], { _ in RecordOptions.threadId }),
        (["span"], { _ in RecordOptions.model.help("Model name, e.g. gpt-4o.") }),
        (["span"], { _ in RecordOptions.provider.help("Model provider, e.g. openai.") }),
        (["span"], { _ in RecordOptions.usage.help("Token counts, e.g. prompt_tokens=10,completion_tokens=5.") }),
        (["span"], { _ in RecordOptions.cost.help("Total estimated cost in USD (kept exactly as written).") }),
        (["span", "trace"], { _ in RecordOptions.environment.help("Environment, e.g. production.") }),
        (["span", "trace"], { errorType.help("Exception type of an error the \($0.name) ended with.") }),
        (["span", "trace"], { errorMessage.help("Message of the error the \($0.name) ended with.") }),
    ]

    /// The field flags of `entity`'s `create`, in the order help lists them.
    static func options(for entity: Entity) -> [OptionSpec] {
        table.filter { $0.entities.contains(entity.name) }.map { $0.spec(entity) }
    }

    /// Members in the order they are sent, without `id`, `trace_id` and `start_time`.
    var members: [(String, JSONValue)] = []
    var start: Date
    var traceId: String?

    /// Reads the flags of `entity`; the invocation holds no others, as the parser allows
    /// only the command's own.
    init(_ invocation: Invocation, entity: Entity, context: Context) throws {
        let now = context.now()
        start = try invocation.value(RecordOptions.startTime).map { try FieldValues.time($0, option: "--start-time", now: now) } ?? now
        if let id = invocation.value(RecordOptions.traceId) {
            try Selection.checkUUID(id, option: "--trace-id")
            traceId = id.lowercased()
        }
        if let id = invocation.value(RecordOptions.parentSpanId) {
            try Selection.checkUUID(id, option: "--parent-span-id")
            members.append(("parent_span_id", .string(id.lowercased())))
        }
        if let name = invocation.value(RecordOptions.name) { members.append(("name", .string(name))) }
        if !entity.values(of: "type").isEmpty, let type = invocation.valueOrDefault(Self.type) { members.append(("type", .string(type))) }
        if let text = invocation.value(RecordOptions.endTime) {
            let end = try FieldValues.time(text, option: "--end-time", now: now)
            guard end >= start else {
                throw OpikError.usage("invalid --end-time '\(text)': it is before the start time (\(TimeParser.format(start)))")
            }
            members.append(("end_time", .string(TimeParser.format(end))))
        }
        try FieldValues.checkOneStdinReader(invocation)
        for option in RecordOptions.jsonFields {
            if let text = invocation.value(option) { members.append((option.long, try FieldValues.json(text, option: option.long, context: context))) }
        }
        if let text = invocation.value(RecordOptions.tags) {
            members.append(("tags", .array(try FieldValues.tags(text).map { .string($0) })))
        }
        if let thread = invocation.value(RecordOptions.threadId) { members.append(("thread_id", .string(thread))) }
        for option in [RecordOptions.model, RecordOptions.provider] {
            if let value = invocation.value(option) { members.append((option.long, .string(value))) }
        }
        if let text = invocation.value(RecordOptions.usage) { members.append(("usage", try FieldValues.usage(text))) }
        if let text = invocation.value(RecordOptions.cost) { members.append(("total_estimated_cost", try FieldValues.cost(text))) }
        if let text = invocation.value(RecordOptions.environment) { members.append(("environment", try FieldValues.environment(text, of: entity))) }
        let errorType = invocation.value(Self.errorType)
        let errorMessage = invocation.value(Self.errorMessage)
        if errorType != nil || errorMessage != nil {
            var info: [(String, JSONValue)] = [("exception_type", .string(errorType ?? "Error"))]
            if let errorMessage { info.append(("message", .string(errorMessage))) }
            members.append(("error_info", .object(info)))
        }
    }
}
