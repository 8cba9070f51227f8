import OpikCore

/// A request the API refuses, carrying the exact response to send.
struct APIFailure: Error {
    var response: ServerResponse

    static func code(_ status: Int, _ message: String, details: String? = nil) -> APIFailure {
        APIFailure(response: .error(status, message, details: details))
    }

    static func errors(_ status: Int, _ messages: String...) -> APIFailure {
        APIFailure(response: .errors(status, messages))
    }

    static let notFound = code(404, "HTTP 404 Not Found")

    /// Dropwizard's answer to an unexpected exception, with a fresh log id.
    static var internalError: APIFailure {
        let id = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let padded = String(repeating: "0", count: 16 - id.count) + id
        return code(500, "There was an error processing your request. It has been logged (ID \(padded)).")
    }
    static func invalidID(_ kind: RowKind) -> APIFailure {
        code(400, "Invalid UUID for id", details: "\(kind.title) id must be a version 7 UUID")
    }

    /// Parses a JSON body, as Jackson would reject it.
    static func json(_ request: ServerRequest) throws(APIFailure) -> JSONValue {
        do {
            return try JSONParser.parse(bytes: request.body)
        } catch let error as JSONSyntaxError {
            throw code(400, "Unable to process JSON. \(error.description)")
        } catch {
            throw code(400, "Unable to process JSON.")
        }
    }
}
