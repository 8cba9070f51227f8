import CCurl
import OpikCore

/// libcurl's process-wide set-up, run once, on first use, before any handle exists.
private let isCurlInitialized: Bool = opik_curl_global_init() == CURLE_OK

/// The HTTP transport on libcurl: one reused easy handle, streaming responses into sinks.
///
/// Follows up to 5 redirects; libcurl itself keeps the `Authorization` header from going to
/// another host, port or scheme. Proxies come from `http_proxy`, `https_proxy` and `no_proxy`,
/// which libcurl reads by itself. Not thread-safe: one transport per thread.
public final class CurlTransport: HTTPTransport {
    private let options: TransportOptions
    private let log: (String) -> Void
    private let isInterrupted: () -> Bool
    private let wireLog: WireLog
    private var handle: EasyHandle?
    /// Connections opened so far; stays put while requests reuse a keep-alive connection.
    private(set) var connectionsOpened = 0

    public init(options: TransportOptions, log: @escaping (String) -> Void, isInterrupted: @escaping () -> Bool) {
        self.options = options
        self.log = log
        self.isInterrupted = isInterrupted
        wireLog = WireLog(secrets: options.secrets)
    }

    /// The libcurl version and its TLS and compression libraries, e.g. `libcurl/7.88.1 OpenSSL/3.0.15 zlib/1.2.13`.
    public static var libcurlVersion: String {
        String(cString: curl_version())
    }

    public func perform(_ request: HTTPRequest, sink: HTTPResponseSink) throws -> HTTPResponseHead {
        if isInterrupted() { throw TransportError.interrupted }
        let handle = try readyHandle()
        if options.isVerbose { wireLog.requestLines(request).forEach(log) }
        try handle.reset(sink: sink, isInterrupted: isInterrupted)
        try configure(handle, for: request)

        let (code, message) = handle.perform()
        let microseconds = handle.info(offset: CURLINFO_TOTAL_TIME_T)
        connectionsOpened += handle.info(CURLINFO_NUM_CONNECTS)
        if code != CURLE_OK.rawValue || handle.sinkError != nil {
            let failure: Error = handle.sinkError
                ?? (handle.wasInterrupted ? TransportError.interrupted : Self.error(for: code, message: message))
            if options.isVerbose { log(wireLog.failureLine(Self.reason(failure), microseconds: microseconds)) }
            throw failure
        }
        if options.isVerbose {
            let redirects = handle.info(CURLINFO_REDIRECT_COUNT)
            wireLog.responseLines(
                status: handle.collectedHead.status, bytes: handle.bodyByteCount, microseconds: microseconds,
                redirectedTo: redirects > 0 ? handle.info(string: CURLINFO_EFFECTIVE_URL) : nil
            ).forEach(log)
        }
        return try handle.deliverHeadAfterTransfer(to: sink)
    }

    private func readyHandle() throws -> EasyHandle {
        if let handle { return handle }
        guard isCurlInitialized else { throw TransportError.other("libcurl could not be initialised") }
        let created = try EasyHandle()
        handle = created
        return created
    }

    private func configure(_ handle: EasyHandle, for request: HTTPRequest) throws {
        try handle.set(CURLOPT_URL, request.url)
        // Signals belong to the program (SIGPIPE is ignored in main); libcurl must not touch them.
        try handle.set(CURLOPT_NOSIGNAL, true)
        try handle.set(CURLOPT_PROTOCOLS_STR, "http,https")
        try handle.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        try handle.set(CURLOPT_FOLLOWLOCATION, true)
        try handle.set(CURLOPT_MAXREDIRS, 5)
        // "" offers every encoding libcurl can decode, and decodes the body transparently.
        try handle.set(CURLOPT_ACCEPT_ENCODING, "")
        try handle.set(CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(options.connectTimeout))
        try handle.set(CURLOPT_TIMEOUT_MS, Self.milliseconds(request.timeout))
        if !options.verifyTLS {
            try handle.set(CURLOPT_SSL_VERIFYPEER, false)
            try handle.set(CURLOPT_SSL_VERIFYHOST, 0)
        }
        if let file = options.caCertificateFile {
            try handle.set(CURLOPT_CAINFO, file)
        }
        try configureMethod(handle, for: request)
        // An empty Expect: stops libcurl from waiting for "100 Continue" before larger bodies.
        try handle.setHeaders(request.headers.map(Self.headerLine) + ["Expect:"])
    }

    private func configureMethod(_ handle: EasyHandle, for request: HTTPRequest) throws {
        let method = request.method.uppercased()
        switch (method, request.body) {
        case ("GET", nil):
            break
        case ("HEAD", nil):
            try handle.set(CURLOPT_NOBODY, true)
        case (_, let body?):
            try handle.setBody(body)
        case ("POST", nil), ("PUT", nil), ("PATCH", nil):
            try handle.setBody([])
        default:
            break
        }
        // A body makes libcurl send POST; any other method is named explicitly. POST itself is
        // not, so that libcurl may switch to GET after a 301/302/303 as browsers do.
        let isImplied = method == "POST" || (request.body == nil && (method == "GET" || method == "HEAD"))
        if !isImplied {
            try handle.set(CURLOPT_CUSTOMREQUEST, method)
        }
    }

    /// `Name: value`; an empty value needs libcurl's `Name;` form, since `Name:` removes the header.
    static func headerLine(_ header: (String, String)) -> String {
        // A line break would let a value smuggle in another header.
        let clean: (String) -> String = { $0.filter { !$0.isNewline } }
        let (name, value) = (clean(header.0), clean(header.1))
        return value.isEmpty ? "\(name);" : "\(name): \(value)"
    }

    private static func milliseconds(_ seconds: Double) -> Int {
        guard seconds > 0, seconds.isFinite else { return 0 }
        return max(1, Int((seconds * 1000).rounded(.up)))
    }

    private static func reason(_ error: Error) -> String {
        switch error {
        case TransportError.resolve(let message), TransportError.connect(let message),
             TransportError.tls(let message), TransportError.timeout(let message),
             TransportError.dropped(let message), TransportError.other(let message):
            return message
        case TransportError.interrupted:
            return "interrupted"
        default:
            return "aborted by the receiver: \(UserFacing.of(error).message)"
        }
    }
}
