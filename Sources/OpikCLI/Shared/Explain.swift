import OpikCore

/// `--explain`: prints the request that would be made (method, URL with its query decoded,
/// headers, body) and sends nothing. `--dry-run` prints writes the same way, without headers.
enum Explain {
    static let option = OptionSpec("explain", help: "Print the request that would be sent, and send nothing.")

    static func print(_ request: HTTPRequest, context: Context) throws -> ExitStatus {
        try context.stdout.write(render(request, headers: true))
        return .success
    }

    /// The one text form of a request: `METHOD URL`, each query item on a line of its own
    /// (decoded), the headers when asked (the API key never), then the JSON body. User info
    /// in the URL is masked.
    static func render(_ request: HTTPRequest, headers: Bool) -> String {
        let parts = request.url.split(separator: "?", maxSplits: 1)
        var text = "\(request.method) \(Redaction.maskingUserinfo(in: String(parts[0])))\n"
        if parts.count > 1 {
            for item in parts[1].split(separator: "&") {
                let pair = item.split(separator: "=", maxSplits: 1).map { URLQuery.decode(String($0)) }
                text += "  \(pair[0]) = \(pair.count > 1 ? pair[1] : "")\n"
            }
        }
        if headers {
            for (name, value) in request.headers where name != "Authorization" {
                text += "\(name): \(value)\n"
            }
            if request.header("Authorization") != nil { text += "Authorization: (API key, not shown)\n" }
        }
        if let body = request.body, let json = try? JSONParser.parse(bytes: body) {
            text += (headers ? "\n" : "") + JSONWriter.pretty(json) + "\n"
        }
        return text
    }
}
