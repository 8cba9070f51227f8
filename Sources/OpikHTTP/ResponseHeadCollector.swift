import OpikCore

/// Builds the head of the final response from the header lines libcurl reports one by one.
///
/// libcurl reports the heads of every response it reads: `100 Continue`, each redirect,
/// then the final one. A new status line starts over, so only the final head remains.
struct ResponseHeadCollector {
    private var status: Int?
    private var headers: [(String, String)] = []

    /// The head collected so far, nil before any status line.
    var head: HTTPResponseHead? {
        status.map { HTTPResponseHead(status: $0, headers: headers) }
    }

    /// Adds one raw header line, line ending included.
    mutating func add(line raw: String) {
        var line = Substring(raw)
        while line.last?.isNewline == true { line.removeLast() }
        if line.hasPrefix("HTTP/") {
            // "HTTP/1.1 200 OK", "HTTP/2 404 "
            let parts = line.split(separator: " ", maxSplits: 2)
            status = parts.count >= 2 ? Int(parts[1]) : nil
            headers = []
            return
        }
        guard !line.isEmpty else { return }
        if let first = line.first, first == " " || first == "\t", let previous = headers.popLast() {
            // An obsolete folded line continues the previous header's value.
            headers.append((previous.0, previous.1 + " " + Self.trimmed(line)))
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        headers.append((String(line[..<colon]), Self.trimmed(line[line.index(after: colon)...])))
    }

    private static func trimmed(_ text: Substring) -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = text.firstIndex(where: { !isBlank($0) }),
              let end = text.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(text[start...end])
    }
}
