import OpikCore

/// `--explain`: prints the request that would be made (method, URL with its query decoded,
/// body) and sends nothing.
enum Explain {
    static func print(_ request: HTTPRequest, context: Context) throws -> ExitStatus {
        let parts = request.url.split(separator: "?", maxSplits: 1)
        var text = "\(request.method) \(Redaction.maskingUserinfo(in: String(parts[0])))\n"
        if parts.count > 1 {
            for item in parts[1].split(separator: "&") {
                let pair = item.split(separator: "=", maxSplits: 1).map { URLQuery.decode(String($0)) }
                text += "  \(pair[0]) = \(pair.count > 1 ? pair[1] : "")\n"
            }
        }
        for (name, value) in request.headers where name != "Authorization" {
            text += "\(name): \(value)\n"
        }
        if request.header("Authorization") != nil { text += "Authorization: (API key, not shown)\n" }
        if let body = request.body, let json = try? JSONParser.parse(bytes: body) {
            text += "\n" + JSONWriter.pretty(json) + "\n"
        }
        try context.stdout.write(text)
        return .success
    }
}
