#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import OpikCore

/// Reads the field values that `create` and `update` of every entity take as flags, each
/// checked here with the flag named in the message.
enum FieldValues {
    /// `VALUE` of --input/--output/--metadata: JSON text, `@FILE` or `-` (standard input).
    static func json(_ text: String, option: String, context: Context) throws -> JSONValue {
        let bytes: [UInt8]
        var source = "--\(option)"
        if text == "-" {
            bytes = try StdinReader.read(context, maxBytes: JSONRecordReader.defaultMaxRecordBytes, what: "--\(option)")
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

    /// At most one of --input, --output and --metadata may read standard input.
    static func checkOneStdinReader(_ invocation: Invocation) throws {
        let fromStdin = RecordOptions.jsonFields.filter { invocation.value($0) == "-" }.map(\.long)
        if fromStdin.count > 1 {
            throw OpikError.usage("only one of --\(fromStdin.joined(separator: ", --")) can read standard input")
        }
    }

    /// `prompt_tokens=10,completion_tokens=5` as an object of integers.
    static func usage(_ text: String) throws -> JSONValue {
        var members: [(String, JSONValue)] = []
        for item in text.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
            guard parts.count == 2, !parts[0].isEmpty, let count = Int32(parts[1]) else {
                throw OpikError.usage("invalid --usage '\(text)': expected KEY=N pairs with whole numbers, such as prompt_tokens=10,completion_tokens=5")
            }
            members.append((parts[0], .int(Int(count))))
        }
        guard !members.isEmpty else { throw OpikError.usage("invalid --usage '\(text)': no KEY=N pair") }
        return .object(members)
    }

    /// `--tags a,b`: the tags in order; `''` is none (it clears them on an update).
    static func tags(_ list: String) throws -> [String] {
        let tags = list.isEmpty ? [] : list.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        try checkTags(tags, option: "--tags")
        return tags
    }

    /// The server's tag rules: at most 50 non-blank tags of at most 100 characters.
    static func checkTags(_ tags: [String], option: String) throws {
        if let blank = tags.firstIndex(where: { $0.trimmingSpaces.isEmpty }) {
            throw OpikError.usage("invalid \(option): tag \(blank + 1) is blank")
        }
        if let long = tags.first(where: { $0.count > 100 }) {
            throw OpikError.usage("invalid \(option): tag '\(long.prefix(20))…' is longer than 100 characters")
        }
        if tags.count > 50 { throw OpikError.usage("invalid \(option): \(tags.count) tags, at most 50 are allowed") }
    }

    /// `--cost USD`: a JSON number of at least 0, kept exactly as written.
    /// `text` as a JSON number kept exactly as typed, or nil when it is not one.
    static func number(_ text: String) -> JSONValue? {
        guard let value = try? JSONParser.parse(text), case .number = value else { return nil }
        return value
    }

    static func cost(_ text: String) throws -> JSONValue {
        guard let value = number(text), (value.doubleValue ?? -1) >= 0 else {
            throw OpikError.usage("invalid --cost '\(text)': expected a number of US dollars of at least 0, such as 0.0042")
        }
        return value
    }

    /// `--environment NAME`, at most as long as the server allows.
    static func environment(_ text: String, of entity: Entity) throws -> JSONValue {
        let limit = entity.recordRules.maxLength(of: "environment") ?? .max
        guard text.count <= limit else {
            throw OpikError.usage("invalid --environment: longer than \(limit) characters")
        }
        return .string(text)
    }

    /// `WHEN` of a time flag: RFC 3339 or a duration ago, not before 1970.
    static func time(_ text: String, option: String, now: Date) throws -> Date {
        let date: Date
        do {
            date = try TimeParser.parse(text, naming: option, now: now)
        } catch {
            throw OpikError.usage(error.description)
        }
        guard date.timeIntervalSince1970 >= 0 else { throw OpikError.usage("invalid \(option) '\(text)': the server keeps no times before 1970") }
        return date
    }
}
