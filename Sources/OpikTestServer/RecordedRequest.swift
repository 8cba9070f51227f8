import OpikCore

/// A request as the server received it, kept for tests to inspect.
package struct RecordedRequest: Sendable {
    package var method: String
    /// The path without the query string, percent-decoded.
    package var path: String
    /// Query items in order, percent-decoded (`+` read as a space).
    package var query: [(name: String, value: String)]
    /// Header lines in order, names as sent.
    package var headers: [(name: String, value: String)]
    /// The body after removing any chunked framing.
    package var body: [UInt8]

    /// The body parsed as JSON, or nil when empty or not JSON.
    package var json: JSONValue? {
        guard !body.isEmpty else { return nil }
        return try? JSONParser.parse(bytes: body)
    }

    package var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The first header with this name, compared case-insensitively.
    package func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }

    /// The first query item with this name.
    package func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }
}
