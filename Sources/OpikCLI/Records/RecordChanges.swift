#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OpikCore

/// The fields `update` changes, read from its flags and checked before anything is sent.
/// Each entity takes the flags of its rows in `table`.
struct RecordChanges {
    static let addTag = OptionSpec("add-tag", value: "TAG", help: "Add a tag.", repeatable: true)
    static let removeTag = OptionSpec("remove-tag", value: "TAG", help: "Remove a tag.", repeatable: true)

    private static let table: [(entities: Set<String>, spec: OptionSpec)] = [
        (["span", "trace"], RecordOptions.name.help("New name.").placeholder("TEXT")),
        (["span"], RecordOptions.type.help("New type.")),
        (["span", "trace"], RecordOptions.endTime.help("New end time: RFC 3339, or a duration meaning that long ago (30s, 15m).")),
        (["span", "trace"], RecordOptions.input.help("New input, replaced as a whole: JSON text, @FILE, or - for standard input.")),
        (["span", "trace"], RecordOptions.output.help("New output, replaced as a whole: JSON text, @FILE, or - for standard input.")),
        (["span", "trace"], RecordOptions.metadata.help("New metadata, replaced as a whole: JSON text, @FILE, or - for standard input.")),
        (["span", "trace"], RecordOptions.tags.help("Replace the tags with this comma-separated list.")),
        (["span", "trace"], addTag),
        (["span", "trace"], removeTag),
        (["trace"], RecordOptions.threadId.help("New thread (conversation) id.")),
        (["span"], RecordOptions.model.help("New model name.")),
        (["span"], RecordOptions.provider.help("New provider name.")),
        (["span"], RecordOptions.usage.help("New token usage, e.g. prompt_tokens=10,completion_tokens=5.").placeholder("K=V,...")),
        (["span"], RecordOptions.cost.help("New total estimated cost in USD (at least 0).")),
        (["span", "trace"], RecordOptions.environment.help("New environment (at most 150 characters).")),
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
        func text(_ option: OptionSpec) -> String? { invocation.value(option) }
        if let name = text(RecordOptions.name) { members.append(("name", .string(name))) }
        if let type = text(RecordOptions.type) { members.append(("type", .string(type))) }
        if let end = text(RecordOptions.endTime) {
            members.append(("end_time", .string(TimeParser.format(try FieldValues.time(end, option: "--end-time", now: context.now())))))
        }
        try FieldValues.checkOneStdinReader(invocation)
        for option in RecordOptions.jsonFields {
            guard let value = text(option) else { continue }
            members.append((option.long, try FieldValues.json(value, option: option.long, context: context)))
        }
        try readTags(invocation)
        if let thread = text(RecordOptions.threadId) { members.append(("thread_id", .string(thread))) }
        if let model = text(RecordOptions.model) { members.append(("model", .string(model))) }
        if let provider = text(RecordOptions.provider) { members.append(("provider", .string(provider))) }
        if let usage = text(RecordOptions.usage) { members.append(("usage", try FieldValues.usage(usage))) }
        if let cost = text(RecordOptions.cost) { members.append(("total_estimated_cost", try FieldValues.cost(cost))) }
        if let environment = text(RecordOptions.environment) { members.append(("environment", try FieldValues.environment(environment, of: entity))) }
    }

    /// `--tags` replaces the set; `--add-tag` and `--remove-tag` edit it (see docs/SERVER.md).
    private mutating func readTags(_ invocation: Invocation) throws {
        let add = invocation.values(Self.addTag)
        let remove = invocation.values(Self.removeTag)
        if let list = invocation.value(RecordOptions.tags) {
            if !add.isEmpty || !remove.isEmpty {
                throw OpikError.usage("--tags cannot be combined with --add-tag or --remove-tag",
                                      hint: "--tags replaces every tag; --add-tag and --remove-tag edit the existing ones")
            }
            members.append(("tags", .array(try FieldValues.tags(list).map { .string($0) })))
        }
        if !add.isEmpty {
            try FieldValues.checkTags(add, option: "--add-tag")
            members.append(("tags_to_add", .array(add.map { .string($0) })))
        }
        if !remove.isEmpty {
            try FieldValues.checkTags(remove, option: "--remove-tag")
            members.append(("tags_to_remove", .array(remove.map { .string($0) })))
        }
    }
}

