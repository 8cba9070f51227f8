import OpikCore

/// Ids from operands, where `-` reads more from standard input (one per line or separated by
/// spaces, tabs or commas). Standard input is read piece by piece and may hold at most
/// `maxIds` ids, none longer than `maxIdBytes`: `yes ID | opik …` ends in an error, not in
/// exhausted memory.
enum IdList {
    static let maxIds = 1_000_000
    /// Far longer than any UUID: a longer word cannot be an id.
    static let maxIdBytes = 100

    /// The ids, each checked to be a UUID, in the order given.
    static func read(_ operands: [String], context: Context, what: String) throws -> [String] {
        var ids: [String] = []
        for operand in operands {
            if operand == "-" {
                var scanner = Scanner(what: what)
                try StdinReader.scan(context) { try scanner.feed($0, into: &ids) }
                try scanner.finish(into: &ids)
            } else {
                ids.append(operand)
            }
        }
        if ids.isEmpty { throw OpikError.usage("no \(what) given") }
        for id in ids { try Selection.checkUUID(id, option: what) }
        return ids
    }

    /// The ids as `read` gives them, each once (the first spelling of an id given twice):
    /// for writes, which must not send the same record twice.
    static func readUnique(_ operands: [String], context: Context, what: String) throws -> [String] {
        var seen = Set<String>()
        return try read(operands, context: context, what: what).filter { seen.insert($0.lowercased()).inserted }
    }

    /// Ids of records just made: one per line, or `{"id"[, "trace_id"]}` objects for json
    /// (one object when `single`, else an array) and ndjson.
    static func write(_ ids: [(String, String?)], format: OutputFormat, single: Bool, stdout: OutputStream) throws {
        let object = { (pair: (String, String?)) -> JSONValue in
            .object([("id", .string(pair.0))] + (pair.1.map { [("trace_id", .string($0))] } ?? []))
        }
        switch format {
        case .json where single:
            try stdout.write(JSONWriter.pretty(object(ids[0])) + "\n")
        case .json:
            try stdout.write("[")
            for (index, pair) in ids.enumerated() {
                try stdout.write((index == 0 ? "\n  " : ",\n  ") + JSONWriter.compact(object(pair)))
            }
            try stdout.write(ids.isEmpty ? "]\n" : "\n]\n")
        case .ndjson:
            for pair in ids { try stdout.write(JSONWriter.compact(object(pair)) + "\n") }
        default:
            for pair in ids { try stdout.write(pair.0 + "\n") }
        }
    }

    /// Splits pieces of standard input into ids as they arrive, keeping none of the text.
    struct Scanner {
        let what: String
        var word: [UInt8] = []

        mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, into ids: inout [String]) throws {
            for byte in bytes {
                if byte == 0x0A || byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == UInt8(ascii: ",") {
                    try finish(into: &ids)
                    continue
                }
                guard word.count < IdList.maxIdBytes else {
                    throw OpikError.usage("invalid \(what) '\(String(decoding: word.prefix(40).map { $0 < 0x20 || $0 == 0x7F ? UInt8(ascii: "?") : $0 }, as: UTF8.self))…' on standard input: longer than \(IdList.maxIdBytes) bytes",
                                          hint: "give one UUID per line")
                }
                word.append(byte)
            }
        }

        mutating func finish(into ids: inout [String]) throws {
            guard !word.isEmpty else { return }
            guard ids.count < IdList.maxIds else {
                throw OpikError.usage("more than \(IdList.maxIds) \(what)s on standard input",
                                      hint: "nothing was sent; split the ids and run the command once per part")
            }
            ids.append(String(decoding: word, as: UTF8.self))
            word.removeAll(keepingCapacity: true)
        }
    }
}
