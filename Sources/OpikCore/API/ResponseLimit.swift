/// How much of a response the client keeps in memory at once, whatever the server sends: a
/// body kept whole, or one line of a stream. A compressed body counts as decompressed, so a
/// small gzip bomb cannot exhaust memory either.
package enum ResponseLimit {
    /// A body read whole (every answer but the search stream): far above a page of 500 large
    /// spans.
    package static let bodyBytes = 256 * 1024 * 1024
    /// One line of the search stream, that is one span.
    package static let lineBytes = 64 * 1024 * 1024
    /// The status line and headers of a response, redirects included: below the 300 KB that
    /// recent libcurl enforces itself, so that every libcurl gives the same error.
    package static let headBytes = 256 * 1024

    /// `256 MiB`, `256 KiB`.
    package static func describe(_ bytes: Int) -> String {
        if bytes % (1024 * 1024) == 0 { return "\(bytes / (1024 * 1024)) MiB" }
        return bytes % 1024 == 0 ? "\(bytes / 1024) KiB" : "\(bytes) bytes"
    }
}

/// Thrown by a sink when the response would need more memory than `ResponseLimit` allows;
/// `OpikClient` turns it into a server error naming the request.
package struct ResponseTooLarge: UserFacingError, Equatable, Sendable {
    /// `the response`, `a line of the stream`.
    package var part: String
    package var limit: Int

    package init(part: String, limit: Int) {
        self.part = part
        self.limit = limit
    }

    package var message: String { "\(part) is larger than \(ResponseLimit.describe(limit)); stopped reading it" }

    package var userFacing: UserFacing { UserFacing(.badResponse, message) }
}
