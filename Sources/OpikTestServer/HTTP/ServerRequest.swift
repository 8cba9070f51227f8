/// One HTTP request parsed off the wire.
struct ServerRequest {
    var method: String
    /// Percent-decoded path, without the query string.
    var path: String
    /// The query string as sent, without the `?`.
    var rawQuery: Substring
    var query: [(name: String, value: String)]
    var headers: [(name: String, value: String)]
    var body: [UInt8]
    var version: String

    func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }

    func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// Whether the client wants the connection kept open after the response.
    var keepAlive: Bool {
        let connection = header("Connection")?.lowercased() ?? ""
        if version == "HTTP/1.0" { return connection.contains("keep-alive") }
        return !connection.contains("close")
    }

    var recorded: RecordedRequest {
        RecordedRequest(method: method, path: path, query: query, headers: headers, body: body)
    }
}

/// Why a request could not be read.
enum RequestReadError: Error {
    case malformed(String)
    case closed
}
