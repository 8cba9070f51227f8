import OpikCore

/// What tests read from newline-delimited JSON: opik's `--format ndjson` output and the server's
/// streams (lines end in "\n" or "\r\n").
public enum NDJSON {
    /// The string `field` (by default the id) of each line that parses and has it, in order.
    public static func values(_ text: String, field: String = "id") -> [String] {
        text.split(whereSeparator: \.isNewline).compactMap { try? JSONParser.parse(String($0))[field]?.stringValue }
    }
}
