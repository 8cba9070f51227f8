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
        OptionSpec("type", value: "TYPE", help: "Span type (default general).", choices: SpanVocabulary.types),
        OptionSpec("trace-id", value: "UUID", help: "Trace the span belongs to (a new one is made and reported when absent)."),
        OptionSpec("parent-span-id", value: "UUID", help: "Parent span."),
        OptionSpec("start-time", value: "WHEN", help: "Start: RFC 3339, or relative such as 5m (default now)."),
        OptionSpec("end-time", value: "WHEN", help: "End: RFC 3339, or relative."),
        OptionSpec("input", value: "VALUE", help: "Input: JSON text, @FILE, or - for standard input."),
        OptionSpec("output", value: "VALUE", help: "Output: JSON text, @FILE, or - for standard input."),
        OptionSpec("metadata", value: "VALUE", help: "Metadata: JSON text, @FILE, or - for standard input."),
        OptionSpec("tags", value: "LIST", help: "Comma-separated tags."),
        OptionSpec("model", value: "NAME", help: "Model name, e.g. gpt-4o."),
        OptionSpec("provider", value: "NAME", help: "Model provider, e.g. openai."),
        OptionSpec("usage", value: "KEY=N,...", help: "Token counts, e.g. prompt_tokens=10,completion_tokens=5."),
        OptionSpec("cost", value: "USD", help: "Total estimated cost in USD (kept exactly as written)."),
        OptionSpec("environment", value: "NAME", help: "Environment, e.g. production."),
        OptionSpec("error-type", value: "TYPE", help: "Exception type of an error the span ended with."),
        OptionSpec("error-message", value: "TEXT", help: "Message of the error the span ended with."),
    ]

    /// Members in the order they are sent, without `id`, `trace_id` and `start_time`.
    var members: [(String, JSONValue)] = []
    var start: Date
    var traceId: String?

    init(_ invocation: Invocation, context: Context) throws {
        let now = context.now()
        start = try invocation.value("start-time").map { try Self.time($0, option: "--start-time", now: now) } ?? now
        if let id = invocation.value("trace-id") {
            try SpanSelection.checkUUID(id, option: "--trace-id")
            traceId = id.lowercased()
        }
        if let id = invocation.value("parent-span-id") {
            try SpanSelection.checkUUID(id, option: "--parent-span-id")
            members.append(("parent_span_id", .string(id.lowercased())))
        }
        for (option, field) in [("name", "name"), ("type", "type")] {
            if let value = invocation.value(option) { members.append((field, .string(value))) }
        }
        if let text = invocation.value("end-time") {
            let end = try Self.time(text, option: "--end-time", now: now)
            guard end >= start else {
                throw OpikError.usage("invalid --end-time '\(text)': it is before the start time (\(TimeParser.format(start)))")
            }
            members.append(("end_time", .string(TimeParser.format(end))))
        }
        let fromStdin = ["input", "output", "metadata"].filter { invocation.value($0) == "-" }
        if fromStdin.count > 1 {
            throw OpikError.usage("only one of --\(fromStdin.joined(separator: ", --")) can read standard input")
        }
        for name in ["input", "output", "metadata"] {
            if let text = invocation.value(name) { members.append((name, try Self.json(text, option: name, context: context))) }
        }
        if let text = invocation.value("tags") {
            let tags = text.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            members.append(("tags", .array(tags.map { .string($0) })))
        }
        for name in ["model", "provider"] {
            if let value = invocation.value(name) { members.append((name, .string(value))) }
        }
        if let text = invocation.value("usage") { members.append(("usage", try Self.usage(text))) }
        if let text = invocation.value("cost") {
            guard let value = try? JSONParser.parse(text), case .number = value, (value.doubleValue ?? -1) >= 0 else {
                throw OpikError.usage("invalid --cost '\(text)': expected a number of US dollars of at least 0, such as 0.0042")
            }
            members.append(("total_estimated_cost", value))
        }
        if let value = invocation.value("environment") {
            guard value.count <= SpanRecordRules.maxEnvironment else {
                throw OpikError.usage("invalid --environment: longer than \(SpanRecordRules.maxEnvironment) characters")
            }
            members.append(("environment", .string(value)))
        }
        let errorType = invocation.value("error-type")
        let errorMessage = invocation.value("error-message")
        if errorType != nil || errorMessage != nil {
            var info: [(String, JSONValue)] = [("exception_type", .string(errorType ?? "Error"))]
            if let errorMessage { info.append(("message", .string(errorMessage))) }
            members.append(("error_info", .object(info)))
        }
    }

    static func time(_ text: String, option: String, now: Date) throws -> Date {
        do {
            let date = try TimeParser.parse(text, now: now)
            guard date.timeIntervalSince1970 >= 0 else { throw OpikError.usage("invalid \(option) '\(text)': the server keeps no times before 1970") }
            return date
        } catch let error as QueryError {
            // The parser names the value "time"; say which flag it came from instead.
            let why = error.message.split(separator: ":", maxSplits: 1).last.map { $0.trimmingSpaces } ?? error.message
            throw OpikError.usage("invalid \(option) '\(text)': \(why)")
        }
    }

    /// `VALUE` of --input/--output/--metadata: JSON text, `@FILE` or `-` (stdin).
    static func json(_ text: String, option: String, context: Context) throws -> JSONValue {
        let bytes: [UInt8]
        var source = "--\(option)"
        if text == "-" {
            bytes = try context.readStdin()
            source += " (standard input)"
        } else if text.hasPrefix("@") {
            bytes = try Files.readBytes(String(text.dropFirst()))
            source += " (\(text.dropFirst()))"
        } else {
            bytes = Array(text.utf8)
        }
        do {
            return try JSONParser.parse(bytes: bytes)
        } catch let error as JSONSyntaxError {
            throw OpikError.usage("invalid \(source): not JSON (\(error))",
                                  hint: "to send plain text, quote it as a JSON string: --\(option) '\"some text\"'")
        }
    }

    /// `prompt_tokens=10,completion_tokens=5`.
    static func usage(_ text: String) throws -> JSONValue {
        var members: [(String, JSONValue)] = []
        for item in text.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
            guard parts.count == 2, !parts[0].isEmpty, let count = Int32(parts[1]) else {
                throw OpikError.usage("invalid --usage '\(text)': expected KEY=N pairs with whole numbers, such as prompt_tokens=10,completion_tokens=5")
            }
            members.append((parts[0], .int(Int(count))))
        }
        return .object(members)
    }
}
