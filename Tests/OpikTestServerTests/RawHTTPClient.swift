import Glibc
import OpikCore

/// One response as read off the socket.
struct RawResponse {
    var status = 0
    var headers: [(String, String)] = []
    /// The body with chunk framing removed.
    var body: [UInt8] = []
    /// The body bytes exactly as received.
    var wireBody: [UInt8] = []
    /// Whether the response ended as its framing said (false when the server hung up early).
    var isComplete = false

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    var text: String { String(decoding: body, as: UTF8.self) }
    var json: JSONValue? { try? JSONParser.parse(bytes: body) }
}

/// A minimal HTTP/1.1 client over a POSIX socket, keeping its connection between requests.
final class RawHTTPClient {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private(set) var isClosed = false

    init(port: Int) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        precondition(result == 0, "connect failed")
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    /// Sends one request and reads its response.
    func send(_ method: String, _ target: String, headers: [(String, String)] = [], body: String? = nil) -> RawResponse {
        send(method, target, headers: headers, bytes: body.map { Array($0.utf8) })
    }

    /// Sends one request with a raw body (e.g. gzip-compressed) and reads its response.
    func send(_ method: String, _ target: String, headers: [(String, String)] = [], bytes: [UInt8]?) -> RawResponse {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let bytes { head += "Content-Length: \(bytes.count)\r\nContent-Type: application/json\r\n" }
        head += "\r\n"
        writeAll(Array(head.utf8) + (bytes ?? []))
        return readResponse(method: method)
    }

    func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { return }
                offset += sent
            }
        }
    }

    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else {
            isClosed = true
            return false
        }
        buffer += chunk[0..<count]
        return true
    }

    private func index(of needle: [UInt8]) -> Int? {
        guard buffer.count >= needle.count else { return nil }
        for i in 0...(buffer.count - needle.count) where Array(buffer[i..<i + needle.count]) == needle { return i }
        return nil
    }

    private func take(_ count: Int) -> [UInt8]? {
        while buffer.count < count { guard fill() else { return nil } }
        let bytes = Array(buffer[0..<count])
        buffer.removeFirst(count)
        return bytes
    }

    private func takeLine() -> [UInt8]? {
        while true {
            if let end = index(of: [13, 10]) { return take(end + 2) }
            guard fill() else { return nil }
        }
    }

    func readResponse(method: String = "GET") -> RawResponse {
        var response = RawResponse()
        var headEnd: Int? = index(of: [13, 10, 13, 10])
        while headEnd == nil {
            guard fill() else { return response }
            headEnd = index(of: [13, 10, 13, 10])
        }
        let head = String(decoding: take(headEnd! + 4)!, as: UTF8.self)
        var lines = head.split(separator: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        response.status = Int(statusLine[1]) ?? 0
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            response.headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingPrefix(" ").description))
        }
        if method == "HEAD" || response.status == 204 || response.status == 304 {
            response.isComplete = true
        } else if response.header("Transfer-Encoding")?.lowercased() == "chunked" {
            readChunked(into: &response)
        } else if let length = response.header("Content-Length").flatMap({ Int($0) }) {
            if let body = take(length) {
                response.body = body
                response.isComplete = true
            } else {
                response.body = Array(buffer)
            }
            response.wireBody = response.body
        } else {
            while fill() {}
            response.body = buffer
            response.wireBody = buffer
            response.isComplete = true
        }
        return response
    }

    private func readChunked(into response: inout RawResponse) {
        while true {
            guard let line = takeLine() else { return fail(&response) }
            response.wireBody += line
            let size = Int(String(decoding: line.dropLast(2), as: UTF8.self), radix: 16) ?? -1
            if size == 0 {
                guard let end = takeLine() else { return fail(&response) }
                response.wireBody += end
                response.isComplete = true
                return
            }
            guard size > 0, let data = take(size + 2) else { return fail(&response) }
            response.wireBody += data
            response.body += data.dropLast(2)
        }
    }

    private func fail(_ response: inout RawResponse) {
        response.wireBody += buffer
        buffer.removeAll()
    }
}
