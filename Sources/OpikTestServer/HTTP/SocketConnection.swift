import Glibc

/// A buffered accepted socket: reads HTTP/1.1 requests and writes raw bytes.
final class SocketConnection {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private static let maxHeadBytes = 64 * 1024

    init(fd: Int32) { self.fd = fd }

    /// Reads the next request; nil when the peer closed cleanly between requests.
    /// `onContinue` is called when the client waits for `100 Continue` before its body.
    func readRequest(onContinue: () -> Void) throws -> ServerRequest? {
        guard let headEnd = try readUntilHeadEnd() else { return nil }
        let head = String(decoding: buffer[start..<headEnd], as: UTF8.self)
        start = headEnd + 4
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count == 3 else { throw RequestReadError.malformed("bad request line") }
        var headers: [(name: String, value: String)] = []
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw RequestReadError.malformed("bad header line") }
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimming(" \t")
            headers.append((name, value))
        }
        let target = requestLine[1]
        let pathPart: Substring
        let rawQuery: Substring
        if let mark = target.firstIndex(of: "?") {
            pathPart = target[..<mark]
            rawQuery = target[target.index(after: mark)...]
        } else {
            pathPart = target
            rawQuery = ""
        }
        var request = ServerRequest(
            method: String(requestLine[0]),
            path: PercentDecoding.decode(pathPart, plusIsSpace: false) ?? String(pathPart),
            rawQuery: rawQuery,
            query: PercentDecoding.queryItems(rawQuery),
            headers: headers, body: [], version: String(requestLine[2]))
        if request.header("Expect")?.lowercased() == "100-continue" { onContinue() }
        if request.header("Transfer-Encoding")?.lowercased().contains("chunked") == true {
            request.body = try readChunkedBody()
        } else if let lengthText = request.header("Content-Length") {
            guard let length = Int(lengthText), length >= 0 else { throw RequestReadError.malformed("bad Content-Length") }
            request.body = try readExactly(length)
        }
        compact()
        // The Python SDK gzips JSON bodies by default; the server inflates them before routing.
        if request.header("Content-Encoding")?.trimmed(" ").lowercased() == "gzip", !request.body.isEmpty {
            guard let plain = Gzip.decode(request.body) else { throw RequestReadError.malformed("body is not valid gzip") }
            request.body = plain
        }
        return request
    }

    /// Sends all of `bytes`; false when the peer is gone.
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += sent
            }
            return true
        }
    }

    func close() {
        _ = Glibc.close(fd)
    }

    // MARK: - Reading

    private func readUntilHeadEnd() throws -> Int? {
        var searchFrom = start
        while true {
            if let end = find(crlfcrlf, from: searchFrom) { return end }
            searchFrom = max(start, buffer.count - 3)
            if buffer.count - start > Self.maxHeadBytes { throw RequestReadError.malformed("header too large") }
            guard fill() else {
                if buffer.count == start { return nil }
                throw RequestReadError.closed
            }
        }
    }

    private let crlfcrlf: [UInt8] = [13, 10, 13, 10]

    private func find(_ needle: [UInt8], from: Int) -> Int? {
        guard buffer.count >= needle.count else { return nil }
        var i = from
        while i + needle.count <= buffer.count {
            if buffer[i] == needle[0] && buffer[i + 1] == needle[1]
                && (needle.count < 3 || (buffer[i + 2] == needle[2] && buffer[i + 3] == needle[3]))
            {
                return i
            }
            i += 1
        }
        return nil
    }

    private func readExactly(_ count: Int) throws -> [UInt8] {
        while buffer.count - start < count {
            guard fill() else { throw RequestReadError.closed }
        }
        let bytes = Array(buffer[start..<start + count])
        start += count
        return bytes
    }

    private func readLine() throws -> String {
        while true {
            if let end = find([13, 10], from: start) {
                let line = String(decoding: buffer[start..<end], as: UTF8.self)
                start = end + 2
                return line
            }
            guard fill() else { throw RequestReadError.closed }
        }
    }

    private func readChunkedBody() throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let sizeLine = try readLine()
            let sizeText = sizeLine.split(separator: ";").first.map { $0.trimming(" ") } ?? ""
            guard let size = Int(sizeText, radix: 16), size >= 0 else { throw RequestReadError.malformed("bad chunk size") }
            if size == 0 {
                // Trailers, if any, end with an empty line.
                while try !readLine().isEmpty {}
                return body
            }
            body += try readExactly(size)
            guard try readLine().isEmpty else { throw RequestReadError.malformed("bad chunk end") }
        }
    }

    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
    }

    private func compact() {
        if start > 0 && start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 65536 {
            buffer.removeFirst(start)
            start = 0
        }
    }
}

extension Substring {
    func trimming(_ set: String) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
