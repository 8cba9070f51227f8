#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OpikCore

/// The fields `spans update` changes, read from its flags and checked before anything is sent.
struct SpanChanges {
    static let options: [OptionSpec] = [
        OptionSpec("name", value: "TEXT", help: "New name."),
        OptionSpec("type", value: "TYPE", help: "New type.", choices: Entity.span.values(of: "type")),
        OptionSpec("end-time", value: "WHEN", help: "New end time: RFC 3339, or a duration meaning that long ago (30s, 15m)."),
        OptionSpec("input", value: "VALUE", help: "New input, replaced as a whole: JSON text, @FILE, or - for standard input.", completion: .file),
        OptionSpec("output", value: "VALUE", help: "New output, replaced as a whole: JSON text, @FILE, or - for standard input.", completion: .file),
        OptionSpec("metadata", value: "VALUE", help: "New metadata, replaced as a whole: JSON text, @FILE, or - for standard input.", completion: .file),
        OptionSpec("tags", value: "LIST", help: "Replace the tags with this comma-separated list."),
        OptionSpec("add-tag", value: "TAG", help: "Add a tag.", repeatable: true),
        OptionSpec("remove-tag", value: "TAG", help: "Remove a tag.", repeatable: true),
        OptionSpec("model", value: "NAME", help: "New model name."),
        OptionSpec("provider", value: "NAME", help: "New provider name."),
        OptionSpec("usage", value: "K=V,...", help: "New token usage, e.g. prompt_tokens=10,completion_tokens=5."),
        OptionSpec("cost", value: "USD", help: "New total estimated cost in USD (at least 0)."),
        OptionSpec("environment", value: "NAME", help: "New environment (at most 150 characters)."),
    ]

    /// Members of the `SpanUpdate` body, in a stable order.
    var members: [(String, JSONValue)] = []

    var isEmpty: Bool { members.isEmpty }

    /// Whether tags are added or removed (rather than replaced with --tags).
    var editsTags: Bool { members.contains { $0.0 == "tags_to_add" || $0.0 == "tags_to_remove" } }

    init(_ invocation: Invocation, context: Context) throws {
        func text(_ name: String) -> String? { invocation.value(name) }
        if let name = text("name") { members.append(("name", .string(name))) }
        if let type = text("type") { members.append(("type", .string(type))) }
        if let end = text("end-time") {
            members.append(("end_time", .string(TimeParser.format(try SpanFieldValues.time(end, option: "--end-time", now: context.now())))))
        }
        try SpanFieldValues.checkOneStdinReader(invocation)
        for field in ["input", "output", "metadata"] {
            guard let value = text(field) else { continue }
            members.append((field, try SpanFieldValues.json(value, option: field, context: context)))
        }
        try readTags(invocation)
        if let model = text("model") { members.append(("model", .string(model))) }
        if let provider = text("provider") { members.append(("provider", .string(provider))) }
        if let usage = text("usage") {
            let value = try SpanFieldValues.usage(usage)
            guard value.objectMembers?.isEmpty == false else { throw OpikError.usage("invalid --usage '\(usage)': no KEY=N pair") }
            members.append(("usage", value))
        }
        if let cost = text("cost") { members.append(("total_estimated_cost", try SpanFieldValues.cost(cost))) }
        if let environment = text("environment") { members.append(("environment", try SpanFieldValues.environment(environment))) }
    }

    /// `--tags` replaces the set; `--add-tag` and `--remove-tag` edit it (see docs/SERVER.md).
    private mutating func readTags(_ invocation: Invocation) throws {
        let add = invocation.values("add-tag")
        let remove = invocation.values("remove-tag")
        if let list = invocation.value("tags") {
            if !add.isEmpty || !remove.isEmpty {
                throw OpikError.usage("--tags cannot be combined with --add-tag or --remove-tag",
                                      hint: "--tags replaces every tag; --add-tag and --remove-tag edit the existing ones")
            }
            let tags = list.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            // `--tags ''` clears the tags.
            let kept = list.isEmpty ? [] : tags
            try Self.check(kept, option: "--tags")
            members.append(("tags", .array(kept.map { .string($0) })))
        }
        if !add.isEmpty {
            try Self.check(add, option: "--add-tag")
            members.append(("tags_to_add", .array(add.map { .string($0) })))
        }
        if !remove.isEmpty {
            try Self.check(remove, option: "--remove-tag")
            members.append(("tags_to_remove", .array(remove.map { .string($0) })))
        }
    }

    /// The server's tag rules: at most 50 non-blank tags of at most 100 characters.
    static func check(_ tags: [String], option: String) throws {
        if let blank = tags.firstIndex(where: { $0.trimmingSpaces.isEmpty }) {
            throw OpikError.usage("invalid \(option): tag \(blank + 1) is blank")
        }
        if let long = tags.first(where: { $0.count > 100 }) {
            throw OpikError.usage("invalid \(option): tag '\(long.prefix(20))…' is longer than 100 characters")
        }
        if tags.count > 50 { throw OpikError.usage("invalid \(option): \(tags.count) tags, at most 50 are allowed") }
    }
}

extension SpanChanges {
    /// Whether `text` is a JSON number (so it can be sent exactly as typed).
    static func isJSONNumber(_ text: String) -> Bool {
        if case .number = try? JSONParser.parse(text) { return true }
        return false
    }
}
