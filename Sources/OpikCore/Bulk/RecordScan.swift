/// What a quick pass learned of a valid record: enough to send it without building its
/// value. Only the members its `RecordRules` check are built, and only to be checked.
struct RecordScan {
    var startMillis: Int64 = 0
    /// The first `id` and `trace_id` given.
    var id: String?
    var traceId: String?
    var hasProject = false
    var hasUpdate = false
}

extension Reader {
    /// Moves past the record at `index` and returns what `RecordPreparation` needs, or nil
    /// when the record is not one the quick pass can vouch for: invalid JSON, a record that
    /// breaks a rule, a `null` in a filled field, a key with escapes or non-ASCII bytes. The
    /// caller then parses the record fully, which gives the exact issue or the exact result.
    /// Accepts nothing `rules.check` refuses, and gives the same start time.
    mutating func scanRecord(depth: Int, line: Int, rules: RecordRules) -> RecordScan? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        var scan = RecordScan()
        var startMillis: Int64?
        skipSpace()
        guard index < bytes.count, bytes[index] != UInt8(ascii: "}") else { return nil }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
            let keyStart = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") { break }
                if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { return nil }
                index += 1
            }
            guard index < bytes.count else { return nil }
            let field = rules.field(named: UnsafeBufferPointer(rebasing: bytes[keyStart..<index]))
            index += 1
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            skipSpace()
            guard index < bytes.count else { return nil }
            if let field {
                if bytes[index] == UInt8(ascii: "n") {
                    guard !field.isFilled, skipWord("null") else { return nil }
                } else if field.isPlainString {
                    guard bytes[index] == UInt8(ascii: "\""), skipString() else { return nil }
                    if field.name == "project_name" { scan.hasProject = true }
                } else {
                    let value: JSONValue
                    let millis: Int64?
                    do {
                        value = try parseValue(depth: depth + 1)
                        millis = try rules.check(field, value, line: line)
                    } catch {
                        return nil
                    }
                    if let millis { startMillis = millis }
                    switch field.name {
                    case "id": scan.id = scan.id ?? value.stringValue
                    case "trace_id": scan.traceId = scan.traceId ?? value.stringValue
                    case "last_updated_at": scan.hasUpdate = true
                    default: break
                    }
                }
            } else {
                guard skipValue(depth: depth + 1) else { return nil }
            }
            skipSpace()
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                break
            } else {
                return nil
            }
        }
        guard let startMillis else { return nil }
        scan.startMillis = startMillis
        return scan
    }
}
