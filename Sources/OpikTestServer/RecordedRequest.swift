import OpikCore

/// A request as the server received it, kept for tests to inspect.
public struct RecordedRequest: Sendable {
    public var method: String
    /// The path without the query string, percent-decoded.
    public var path: String
    /// Query items in order, percent-decoded (`+` read as a space).
    public var query: [(name: String, value: String)]
    /// Header lines in order, names as sent.
    public var headers: [(name: String, value: String)]
    /// The body after removing any chunked framing.
    public var body: [UInt8]

    /// The body parsed as JSON, or nil when empty or not JSON.
    public var json: JSONValue? {
        guard !body.isEmpty else { return nil }
        return try? JSONParser.parse(bytes: body)
    }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The first header with this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }

    /// The first query item with this name.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }
}
