import OpikCore

/// What a route answers: a status, headers and either a whole body or a stream of JSON objects.
struct ServerResponse {
    enum Body {
        /// Sent with Content-Length.
        case bytes([UInt8])
        /// Serialised JSON objects, each sent followed by `\r\n`, with chunked transfer encoding.
        case stream([[UInt8]])
    }

    var status: Int
    var headers: [(String, String)]
    var body: Body

    init(status: Int, headers: [(String, String)] = [], body: Body = .bytes([])) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    static func json(_ status: Int, _ value: JSONValue, headers: [(String, String)] = []) -> ServerResponse {
        var bytes: [UInt8] = []
        JSONWriter.write(value, into: &bytes, indent: nil)
        return ServerResponse(status: status, headers: [("Content-Type", "application/json")] + headers, body: .bytes(bytes))
    }

    static func empty(_ status: Int, headers: [(String, String)] = []) -> ServerResponse {
        ServerResponse(status: status, headers: headers)
    }

    /// The Dropwizard error shape: `{"code":…,"message":…,"details"?:…}`.
    static func error(_ status: Int, _ message: String, details: String? = nil) -> ServerResponse {
        var members: [(String, JSONValue)] = [("code", .int(status)), ("message", .string(message))]
        if let details { members.append(("details", .string(details))) }
        return json(status, .object(members))
    }

    /// The Opik validation shape: `{"errors":[…]}`.
    static func errors(_ status: Int, _ messages: [String]) -> ServerResponse {
        json(status, .object([("errors", .array(messages.map { .string($0) }))]))
    }

    func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.0.lowercased() == lower }?.1
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 100: return "Continue"
        case 200: return "OK"
        case 201: return "Created"
        case 204: return "No Content"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 304: return "Not Modified"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 402: return "Payment Required"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 406: return "Not Acceptable"
        case 409: return "Conflict"
        case 413: return "Payload Too Large"
        case 415: return "Unsupported Media Type"
        case 422: return "Unprocessable Entity"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 501: return "Not Implemented"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return "Status \(status)"
        }
    }
}
