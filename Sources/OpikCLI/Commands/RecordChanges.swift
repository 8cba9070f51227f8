#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OpikCore

/// The fields `update` changes, read from its flags and checked before anything is sent.
/// Each entity takes the flags of its rows in `table`.
struct RecordChanges {
    private static let table: [(entities: Set<String>, spec: OptionSpec)] = [
        (["span", "trace"], OptionSpec("name", value: "TEXT", help: "New name.")),
        (["span"], OptionSpec("type", value: "TYPE", help: "New type.", choices: Entity.span.values(of: "type"))),
        (["span", "trace"], OptionSpec("end-time", value: "WHEN", help: "New end time: RFC 3339, or a duration meaning that long ago (30s, 15m).")),
        (["span", "trace"], OptionSpec("input", value: "VALUE", help: "New input, replaced as a whole: JSON text, @FILE, or - for standard input.", completion: .file)),
        (["span", "trace"], OptionSpec("output", value: "VALUE", help: "New output, replaced as a whole: JSON text, @FILE, or - for standard input.", completion: .file)),
        (["span", "trace"], OptionSpec("metadata", value: "VALUE", help: "New metadata, replaced as a whole: JSON text, @FILE, or - for standard input.", completion: .file)),
        (["span", "trace"], OptionSpec("tags", value: "LIST", help: "Replace the tags with this comma-separated list.")),
        (["span", "trace"], OptionSpec("add-tag", value: "TAG", help: "Add a tag.", repeatable: true)),
        (["span", "trace"], OptionSpec("remove-tag", value: "TAG", help: "Remove a tag.", repeatable: true)),
        (["trace"], OptionSpec("thread-id", value: "ID", help: "New thread (conversation) id.")),
        (["span"], OptionSpec("model", value: "NAME", help: "New model name.")),
        (["span"], OptionSpec("provider", value: "NAME", help: "New provider name.")),
        (["span"], OptionSpec("usage", value: "K=V,...", help: "New token usage, e.g. prompt_tokens=10,completion_tokens=5.")),
        (["span"], OptionSpec("cost", value: "USD", help: "New total estimated cost in USD (at least 0).")),
        (["span", "trace"], OptionSpec("environment", value: "NAME", help: "New environment (at most 150 characters).")),
    ]

    /// The flags of `entity`'s `update`, in the order help lists them.
    static func options(for entity: Entity) -> [OptionSpec] {
        table.filter { $0.entities.contains(entity.name) }.map(\.spec)
    }

    /// Members of the update body, in a stable order.
    var members: [(String, JSONValue)] = []

    var isEmpty: Bool { members.isEmpty }

    /// Whether tags are added or removed (rather than replaced with --tags).
    var editsTags: Bool { members.contains { $0.0 == "tags_to_add" || $0.0 == "tags_to_remove" } }

    /// Reads the flags of `entity`; the invocation holds no others, as the parser allows
    /// only the command's own.
    init(_ invocation: Invocation, entity: Entity, context: Context) throws {
        func text(_ name: String) -> String? { invocation.value(name) }
        if let name = text("name") { members.append(("name", .string(name))) }
        if let type = text("type") { members.append(("type", .string(type))) }
        if let end = text("end-time") {
            members.append(("end_time", .string(TimeParser.format(try FieldValues.time(end, option: "--end-time", now: context.now())))))
        }
        try FieldValues.checkOneStdinReader(invocation)
        for field in ["input", "output", "metadata"] {
            guard let value = text(field) else { continue }
            members.append((field, try FieldValues.json(value, option: field, context: context)))
        }
        try readTags(invocation)
        if let thread = text("thread-id") { members.append(("thread_id", .string(thread))) }
        if let model = text("model") { members.append(("model", .string(model))) }
        if let provider = text("provider") { members.append(("provider", .string(provider))) }
        if let usage = text("usage") {
            let value = try FieldValues.usage(usage)
            guard value.objectMembers?.isEmpty == false else { throw OpikError.usage("invalid --usage '\(usage)': no KEY=N pair") }
            members.append(("usage", value))
        }
        if let cost = text("cost") { members.append(("total_estimated_cost", try FieldValues.cost(cost))) }
        if let environment = text("environment") { members.append(("environment", try FieldValues.environment(environment, of: entity))) }
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

extension RecordChanges {
    /// Whether `text` is a JSON number (so it can be sent exactly as typed).
    static func isJSONNumber(_ text: String) -> Bool {
        if case .number = try? JSONParser.parse(text) { return true }
        return false
    }
}
