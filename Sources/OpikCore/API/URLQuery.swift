/// Builds request URLs with every query value percent-encoded (see docs/SERVER.md: `+` must be
/// `%2B` and spaces `%20`, since a `+` in a query string reads as a space).
package enum URLQuery {
    static let unreserved: Set<UInt8> = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8))
    static let hex = Array("0123456789ABCDEF".utf8)

    /// Percent-encodes everything but unreserved characters.
    package static func encode(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if unreserved.contains(byte) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes `%XX` escapes (and nothing else), for showing URLs to people.
    package static func decode(_ text: String) -> String {
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count,
                let value = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)
            {
                out.append(value)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `base` + `path` + `?name=value&…`, with exactly one `/` between base and path.
    package static func url(base: String, path: String, query: [(String, String)] = []) -> String {
        var url = base.hasSuffix("/") ? String(base.dropLast()) : base
        url += path.hasPrefix("/") ? path : "/" + path
        if !query.isEmpty {
            url += "?" + query.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
        }
        return url
    }
}
