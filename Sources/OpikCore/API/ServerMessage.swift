/// Reads the server's message out of an error body, which comes in two shapes (see docs/SERVER.md):
/// `{"errors":[…]}` and `{"code","message","details"?}`.
package enum ServerMessage {
    package static func from(body: [UInt8], status: Int) -> String {
        if let json = try? JSONParser.parse(bytes: body) {
            if let errors = json["errors"]?.arrayValue, !errors.isEmpty {
                return errors.map { $0.stringValue ?? JSONWriter.compact($0) }.joined(separator: "; ")
            }
            if let message = json["message"]?.stringValue, !message.isEmpty {
                if let details = json["details"]?.stringValue, !details.isEmpty { return "\(message): \(details)" }
                return message
            }
        }
        let text = String(decoding: body.prefix(200), as: UTF8.self).trimmingSpaces
        if !text.isEmpty, !text.hasPrefix("<") { return text }
        return "HTTP \(status) \(reason(status))"
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 409: return "Conflict"
        case 422: return "Unprocessable Entity"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 501: return "Not Implemented"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return ""
        }
    }
}
