import OpikCore

/// The options that name a field of a span or trace, declared once and read through these
/// constants by every command that takes them: `create` (`RecordFlags`), `update`
/// (`RecordChanges`, `SpanIdentity`), the span list (`--trace-id`, `--type`) and `score names`
/// (`--type`). Each command gives an option its own help (and placeholder or default) with the
/// modifiers of `OptionSpec`.
enum RecordOptions {
    static let name = OptionSpec("name", value: "NAME", help: "Name.")
    static let type = OptionSpec("type", value: "TYPE", help: "Span type.", choices: Entity.span.values(of: "type"))
    static let traceId = OptionSpec("trace-id", value: "UUID", help: "The span's trace.")
    static let parentSpanId = OptionSpec("parent-span-id", value: "UUID", help: "Parent span.")
    static let startTime = OptionSpec("start-time", value: "WHEN", help: "Start: RFC 3339, or relative.")
    static let endTime = OptionSpec("end-time", value: "WHEN", help: "End: RFC 3339, or relative.")
    static let input = OptionSpec("input", value: "VALUE", help: "Input: JSON text, @FILE, or - for standard input.", completion: .file)
    static let output = OptionSpec("output", value: "VALUE", help: "Output: JSON text, @FILE, or - for standard input.", completion: .file)
    static let metadata = OptionSpec("metadata", value: "VALUE", help: "Metadata: JSON text, @FILE, or - for standard input.", completion: .file)
    static let tags = OptionSpec("tags", value: "LIST", help: "Comma-separated tags.")
    static let threadId = OptionSpec("thread-id", value: "ID", help: "Thread (conversation) the trace belongs to.")
    static let model = OptionSpec("model", value: "NAME", help: "Model name.")
    static let provider = OptionSpec("provider", value: "NAME", help: "Model provider.")
    static let usage = OptionSpec("usage", value: "KEY=N,...", help: "Token counts.")
    static let cost = OptionSpec("cost", value: "USD", help: "Total estimated cost in USD.")
    static let environment = OptionSpec("environment", value: "NAME", help: "Environment.")

    /// The JSON fields, whose values may come from a file or standard input; the option's
    /// long name is the field's name.
    static let jsonFields = [input, output, metadata]
}
