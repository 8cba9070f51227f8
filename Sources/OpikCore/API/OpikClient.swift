#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Talks to the Opik REST API: headers, retries with back-off, rate-limit pacing, and the
/// mapping of failed responses to `OpikError` (how they are shown is `Report`'s business).
package final class OpikClient {
    /// Whether a request may be sent again after it possibly reached the server.
    /// `resumable`: status errors are retried, but a connection that broke mid-response is
    /// left to the caller, which knows how far it got.
    package enum Repeat: Sendable { case safe, unsafe, resumable }

    package let baseURL: String
    let transport: HTTPTransport
    let headers: [(String, String)]
    /// Masks the API key in what the server echoes back.
    let redaction: Redaction
    let timeout: Double
    let retries: Int
    let context: Context
    let pacer = RateLimitPacer()
    /// Told about waits (retries, rate limits) so the caller can show them.
    package var onWait: (String) -> Void = { _ in }
    /// Base of the exponential back-off, in seconds.
    package var backoffBase: Double = 0.25

    package init(baseURL: String, apiKey: String?, workspace: String, transport: HTTPTransport,
                timeout: Double, retries: Int, context: Context) {
        self.baseURL = baseURL
        var headers: [(String, String)] = [("Accept", "application/json")]
        // The raw key, no "Bearer" (see docs/SERVER.md).
        if let apiKey, !apiKey.isEmpty { headers.append(("Authorization", apiKey)) }
        headers.append(("Comet-Workspace", workspace))
        headers.append(("User-Agent", "opik-cli/\(OpikVersion.current)"))
        self.headers = headers
        redaction = Redaction(secrets: apiKey.map { [$0] } ?? [])
        self.transport = transport
        self.timeout = timeout
        self.retries = retries
        self.context = context
    }

    /// Builds a request for `path` under the base URL.
    package func request(_ method: String, _ path: String, query: [(String, String)] = [], body: JSONValue? = nil) -> HTTPRequest {
        var request = HTTPRequest(method: method, url: URLQuery.url(base: baseURL, path: path, query: query),
                                  headers: headers, timeout: timeout)
        if let body {
            var bytes: [UInt8] = []
            JSONWriter.write(body, into: &bytes, indent: nil)
            request.body = bytes
            request.headers.append(("Content-Type", "application/json"))
        }
        return request
    }

    /// Sends a request and returns the successful response's head and body.
    /// Non-2xx answers throw `OpikError.server`; `what` names the action in messages.
    @discardableResult
    package func send(_ request: HTTPRequest, what: String, repetition: Repeat) throws -> (HTTPResponseHead, [UInt8]) {
        let sink = CollectingSink()
        let head = try perform(request, what: what, repetition: repetition) { sink }
        return (head, sink.body)
    }

    /// Sends a request and parses the JSON body (nil when the body is empty).
    package func json(_ request: HTTPRequest, what: String, repetition: Repeat) throws -> JSONValue? {
        let (_, body) = try send(request, what: what, repetition: repetition)
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D }) { return nil }
        do {
            return try JSONParser.parse(bytes: body)
        } catch {
            throw OpikError.badResponse(what: what, message: "the response is not valid JSON (\(error)): \(excerpt(body))")
        }
    }

    /// An error for a 2xx answer that is not what the request asks for, showing what came.
    package func unexpected(_ what: String, expected: String, received: JSONValue?) -> OpikError {
        var bytes: [UInt8] = []
        if let received { JSONWriter.write(received, into: &bytes, indent: nil) }
        return OpikError.badResponse(what: what, message: "expected \(expected), received \(excerpt(bytes))")
    }

    /// At most 80 columns of a response for a message: control characters shown as `?` (nothing
    /// the server sends may steer the terminal, and the reader sees that something was there),
    /// the API key masked.
    package func excerpt(_ bytes: [UInt8]) -> String {
        if bytes.isEmpty { return "an empty body" }
        let text = TerminalStyle.clean(redaction.apply(String(decoding: bytes.prefix(400), as: UTF8.self)), replacement: "?")
        // 80 columns and the ellipsis of a longer text.
        return "'" + DisplayWidth.truncate(text, to: 81) + "'"
    }

    /// Performs `request` with retries. `makeSink` gives a fresh sink for each attempt; a
    /// non-2xx response is collected and thrown as `OpikError.server`.
    package func perform(_ request: HTTPRequest, what: String, repetition: Repeat,
                        makeSink: () -> HTTPResponseSink) throws -> HTTPResponseHead {
        var attempt = 0
        while true {
            if context.isInterrupted() { throw OpikError.interrupted(summary: nil) }
            if let wait = pacer.delayBeforeNextRequest(now: context.now()) {
                onWait("rate limit nearly used up; waiting \(Self.seconds(wait))")
                context.sleep(wait)
            }
            let sink = StatusRoutingSink(success: makeSink())
            let head: HTTPResponseHead
            do {
                head = try transport.perform(request, sink: sink)
            } catch let error as TransportError {
                if error == .interrupted || context.isInterrupted() { throw OpikError.interrupted(summary: nil) }
                let canRepeat = repetition == .safe || error.requestNeverSent
                if canRepeat, attempt < retries, error != .aborted {
                    attempt += 1
                    let delay = backoff(attempt)
                    onWait("\(error.summary); retrying in \(Self.seconds(delay)) (attempt \(attempt + 1) of \(retries + 1))")
                    context.sleep(delay)
                    continue
                }
                throw OpikError.transport(what: what, error: error, url: request.url)
            } catch let tooLarge as ResponseTooLarge {
                throw OpikError.badResponse(what: what, message: tooLarge.message)
            }
            pacer.observe(head, now: context.now())
            if (200..<300).contains(head.status) { return head }
            let retryable = head.status == 429 || (repetition != .unsafe && [502, 503, 504].contains(head.status))
            if retryable, attempt < retries {
                attempt += 1
                let delay = serverDelay(head) ?? backoff(attempt)
                onWait("server answered \(head.status); retrying in \(Self.seconds(delay)) (attempt \(attempt + 1) of \(retries + 1))")
                context.sleep(delay)
                if context.isInterrupted() { throw OpikError.interrupted(summary: nil) }
                continue
            }
            if WrongURL.isWrongURL(status: head.status, body: sink.errorBody) {
                throw WrongURL.error(what: what, url: request.url, baseURL: baseURL)
            }
            let message = ServerMessage.from(body: sink.errorBody, status: head.status)
            throw OpikError.server(what: what, status: head.status, message: message)
        }
    }

    /// Exponential back-off with jitter: half the step fixed, half random.
    func backoff(_ attempt: Int) -> Double {
        let step = min(8.0, backoffBase * Double(1 << min(attempt - 1, 10)))
        let fraction = Double(context.random() % 1000) / 1000
        return step / 2 + step / 2 * fraction
    }

    /// What the server asked us to wait: `RateLimit-Reset` (Opik) or `Retry-After` seconds.
    func serverDelay(_ head: HTTPResponseHead) -> Double? {
        for name in ["RateLimit-Reset", "Retry-After"] {
            if let text = head.header(name), let seconds = Double(text.trimmingSpaces), seconds >= 0 {
                return min(seconds, 300)
            }
        }
        return nil
    }

    static func seconds(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)s"
    }
}

/// Sends 2xx bodies to the real sink and keeps other bodies for the error message.
final class StatusRoutingSink: HTTPResponseSink {
    let success: HTTPResponseSink
    var isSuccess = false
    var errorBody: [UInt8] = []

    init(success: HTTPResponseSink) { self.success = success }

    func receive(head: HTTPResponseHead) throws {
        isSuccess = (200..<300).contains(head.status)
        errorBody.removeAll()
        if isSuccess { try success.receive(head: head) }
    }

    func receive(body chunk: UnsafeRawBufferPointer) throws {
        if isSuccess {
            try success.receive(body: chunk)
        } else if errorBody.count < 65536 {
            errorBody.append(contentsOf: chunk)
        }
    }
}
