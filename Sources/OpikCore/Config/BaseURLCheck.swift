/// Checks the base URL before any request: a typo must not send the API key somewhere
/// unexpected, nor fail later with a transport error that hides where the URL came from.
package enum BaseURLCheck {
    /// Throws a usage error (status 2) naming the setting and its source unless `setting` is
    /// an http or https URL with a host.
    package static func check(_ setting: ConfigValue) throws {
        guard let url = setting.value, let problem = problem(url) else { return }
        throw OpikError.usage("invalid URL '\(url)' in \(name(of: setting.source)): \(problem)",
                              hint: "use a URL such as http://localhost:5173/api or https://www.comet.com/opik/api")
    }

    /// What is wrong with `url`, or nil.
    package static func problem(_ url: String) -> String? {
        if url.unicodeScalars.contains(where: { $0.value <= 0x20 || (0x7F...0x9F).contains($0.value) }) {
            return "it holds a space or a control character"
        }
        guard let marker = url.firstRange(of: "://") else { return "it has no scheme (expected http:// or https://)" }
        let scheme = url[..<marker.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else {
            return "the scheme '\(scheme)' is not supported (expected http or https)"
        }
        let rest = url[marker.upperBound...]
        let authority = rest[..<(rest.firstIndex { "/?#".contains($0) } ?? rest.endIndex)]
        let hostAndPort = authority.lastIndex(of: "@").map { authority[authority.index(after: $0)...] } ?? authority
        var host = hostAndPort
        if hostAndPort.hasPrefix("[") {
            guard let close = hostAndPort.firstIndex(of: "]") else { return "its IPv6 address has no closing ']'" }
            let port = hostAndPort[hostAndPort.index(after: close)...]
            if !port.isEmpty, !(port.hasPrefix(":") && isPort(port.dropFirst())) { return "its port is not a number" }
            return nil
        }
        if let colon = hostAndPort.lastIndex(of: ":") {
            host = hostAndPort[..<colon]
            guard isPort(hostAndPort[hostAndPort.index(after: colon)...]) else { return "its port is not a number from 1 to 65535" }
        }
        return host.isEmpty ? "it has no host" : nil
    }

    static func isPort(_ text: Substring) -> Bool {
        guard let number = Int(text), text.allSatisfy(\.isASCII) else { return false }
        return (1...65535).contains(number)
    }

    /// The setting as the user named it: `--url`, `OPIK_URL_OVERRIDE`, `url_override in FILE`.
    static func name(of source: ConfigSource) -> String {
        switch source {
        case let .flag(flag): return flag
        case let .environment(variable): return variable
        case let .file(path): return "url_override in \(path)"
        case .apiKey: return "the baseUrl the API key carries"
        case .default: return "the default"
        }
    }
}
