/// Puts a `ServerResponse` on the wire, applying a fault when one was drawn for the request.
struct ResponseWriter {
    let connection: SocketConnection

    static let timeoutMarker = Array(#"{"code":500,"message":"Streaming operation timed out"}"#.utf8)

    /// Writes the response; returns whether the connection may serve another request.
    func write(_ response: ServerResponse, fault: Fault?, keepAlive: Bool) -> Bool {
        var response = response
        var dropAfter: Int? = nil
        switch fault {
        case .dropAfterHeaders: dropAfter = 0
        case let .dropMidBody(afterBytes): dropAfter = max(0, afterBytes)
        case let .truncateStream(afterObjects):
            if case let .stream(objects) = response.body { response.body = .stream(Array(objects.prefix(afterObjects))) }
        case let .streamTimeoutMarker(afterObjects):
            if case let .stream(objects) = response.body {
                response.body = .stream(Array(objects.prefix(afterObjects)) + [Self.timeoutMarker])
            }
        default: break
        }
        let closing = !keepAlive || dropAfter != nil
        let head = Self.head(for: response, closing: closing)
        if let dropAfter {
            var body: [UInt8] = []
            switch response.body {
            case let .bytes(bytes): body = bytes
            case let .stream(objects): for object in objects { Self.appendChunk(object, to: &body) }
            }
            connection.write(head + body.prefix(dropAfter))
            return false
        }
        switch response.body {
        case let .bytes(bytes):
            guard connection.write(head + bytes) else { return false }
        case let .stream(objects):
            var out = head
            out.reserveCapacity(1 << 18)
            for object in objects {
                Self.appendChunk(object, to: &out)
                if out.count >= 1 << 18 {
                    guard connection.write(out) else { return false }
                    out.removeAll(keepingCapacity: true)
                }
            }
            out.append(contentsOf: "0\r\n\r\n".utf8)
            guard connection.write(out) else { return false }
        }
        return !closing
    }

    static func head(for response: ServerResponse, closing: Bool) -> [UInt8] {
        var text = "HTTP/1.1 \(response.status) \(ServerResponse.reason(response.status))\r\n"
        for (name, value) in response.headers { text += "\(name): \(value)\r\n" }
        switch response.body {
        case let .bytes(bytes):
            if response.status != 204 && response.status != 304 && response.status >= 200 {
                text += "Content-Length: \(bytes.count)\r\n"
            }
        case .stream:
            text += "Transfer-Encoding: chunked\r\n"
        }
        if closing { text += "Connection: close\r\n" }
        text += "\r\n"
        return Array(text.utf8)
    }

    /// One chunk holding the object and its `\r\n` delimiter, as Jersey's ChunkedOutput sends it.
    static func appendChunk(_ object: [UInt8], to out: inout [UInt8]) {
        out.append(contentsOf: String(object.count + 2, radix: 16).utf8)
        out.append(contentsOf: [13, 10])
        out.append(contentsOf: object)
        out.append(contentsOf: [13, 10, 13, 10])
    }
}
