import OpikCore

/// Ids from operands, where `-` reads more from standard input (one per line or space-separated).
enum IdList {
    static func read(_ operands: [String], context: Context, what: String, requireUUID: Bool = true) throws -> [String] {
        var ids: [String] = []
        for operand in operands {
            if operand == "-" {
                let text = String(decoding: try context.readStdin(), as: UTF8.self)
                ids += text.split(whereSeparator: { $0 == "\n" || $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "," }).map(String.init)
            } else {
                ids.append(operand)
            }
        }
        if ids.isEmpty { throw OpikError.usage("no \(what) given") }
        if requireUUID, let bad = ids.first(where: { !UUIDv7.isValid($0) }) {
            throw OpikError.usage("invalid \(what) '\(bad)': expected a UUID such as 0190b5d2-7c1e-7a3b-8f00-5b9a1c2d3e4f")
        }
        return ids
    }
}
