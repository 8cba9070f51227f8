/// A misbehaviour the server shows for the next matching request instead of (or before)
/// its normal answer.
package enum Fault: Sendable {
    /// Answers with this status, extra headers and body instead of the real response.
    case status(Int, headers: [(String, String)] = [], body: String = "")
    /// Waits, then serves the request normally.
    case delay(seconds: Double)
    /// Sends the real status line and headers, then closes the connection.
    case dropAfterHeaders
    /// Sends the real head and this many bytes of the body as sent on the wire (chunk framing
    /// included for streams), then closes the connection.
    case dropMidBody(afterBytes: Int)
    /// Reads the request and closes the connection without answering.
    case closeWithoutResponse
    /// Ends a search stream cleanly after this many objects, with no marker.
    case truncateStream(afterObjects: Int)
    /// Ends a search stream after this many objects with the server's timeout line.
    case streamTimeoutMarker(afterObjects: Int)
    /// Answers 200 with a small gzip body that inflates to this many zero bytes: a
    /// decompression bomb, which is also one endless line for a stream reader.
    case gzipBomb(decompressedBytes: Int)
    /// Serves a search as a server that ignores `limit` and `last_retrieved_id` would: its
    /// default page of 500 from the newest span on, whatever was asked.
    case searchIgnoresPaging
    /// Sends a status line, then header lines until this many bytes are out or the client
    /// hangs up, and closes the connection.
    case endlessHeaders(bytes: Int)
}

/// Faults waiting for requests, consumed in the order they were injected.
struct FaultQueue {
    private struct Entry {
        var fault: Fault
        var remaining: Int
        var pathPrefix: String?
    }

    private var entries: [Entry] = []

    mutating func add(_ fault: Fault, times: Int, pathPrefix: String?) {
        guard times > 0 else { return }
        entries.append(Entry(fault: fault, remaining: times, pathPrefix: pathPrefix))
    }

    /// Takes one use of the oldest fault whose prefix matches `path`.
    mutating func take(forPath path: String) -> Fault? {
        guard let index = entries.firstIndex(where: { entry in
            entry.pathPrefix.map { path.hasPrefix($0) } ?? true
        }) else { return nil }
        let fault = entries[index].fault
        entries[index].remaining -= 1
        if entries[index].remaining == 0 { entries.remove(at: index) }
        return fault
    }

    mutating func removeAll() { entries.removeAll() }
}
