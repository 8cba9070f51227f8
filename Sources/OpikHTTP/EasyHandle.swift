import CCurl
import OpikCore

/// One libcurl easy handle with its header list, error buffer and the state of the current transfer.
///
/// Reused across requests: `curl_easy_reset` clears the options but keeps the connection cache,
/// so consecutive requests to the same server share one keep-alive connection.
final class EasyHandle {
    private let curl: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var headerList: UnsafeMutablePointer<curl_slist>?

    private var sink: HTTPResponseSink?
    private var collector = ResponseHeadCollector()
    private var isInterrupted: () -> Bool = { false }
    /// What the sink threw inside a callback; rethrown once curl has returned.
    private(set) var sinkError: Error?
    private(set) var wasInterrupted = false
    private(set) var deliveredHead: HTTPResponseHead?
    private(set) var bodyByteCount = 0
    /// Header bytes received in this transfer, held to `ResponseLimit.headBytes`.
    private var headByteCount = 0

    init() throws {
        guard let curl = curl_easy_init() else {
            throw TransportError.other("libcurl could not create a handle")
        }
        self.curl = curl
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        curl_easy_cleanup(curl)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// Clears the options and the state left by the previous transfer, and installs the callbacks.
    func reset(sink: HTTPResponseSink, isInterrupted: @escaping () -> Bool) throws {
        curl_easy_reset(curl)
        curl_slist_free_all(headerList)
        headerList = nil
        errorBuffer[0] = 0
        self.sink = sink
        self.isInterrupted = isInterrupted
        collector = ResponseHeadCollector()
        sinkError = nil
        wasInterrupted = false
        deliveredHead = nil
        bodyByteCount = 0
        headByteCount = 0
        try installCallbacks()
    }

    // MARK: Options

    func set(_ option: CURLoption, _ value: Int) throws {
        try check(opik_curl_setopt_long(curl, option, value), option)
    }

    func set(_ option: CURLoption, _ value: Bool) throws {
        try set(option, value ? 1 : 0)
    }

    func set(_ option: CURLoption, offset value: curl_off_t) throws {
        try check(opik_curl_setopt_off_t(curl, option, value), option)
    }

    /// Sets a string option; libcurl copies the string.
    func set(_ option: CURLoption, _ value: String) throws {
        try check(opik_curl_setopt_string(curl, option, value), option)
    }

    /// Sends `body` with the request; libcurl keeps its own copy.
    func setBody(_ body: [UInt8]) throws {
        // The size goes first so that COPYPOSTFIELDS copies exactly that many bytes (NULs included);
        // an empty body still needs a non-null pointer, or libcurl would read the body from stdin.
        try set(CURLOPT_POSTFIELDSIZE_LARGE, offset: curl_off_t(body.count))
        let bytes = body.isEmpty ? [0] : body
        try bytes.withUnsafeBytes { buffer in
            try check(opik_curl_setopt_pointer(curl, CURLOPT_COPYPOSTFIELDS, buffer.baseAddress), CURLOPT_COPYPOSTFIELDS)
        }
    }

    /// Sends these header lines (`Name: value`), replacing any list set before.
    func setHeaders(_ lines: [String]) throws {
        curl_slist_free_all(headerList)
        headerList = nil
        for line in lines {
            guard let list = curl_slist_append(headerList, line) else {
                throw TransportError.other("libcurl could not store a header")
            }
            headerList = list
        }
        try check(opik_curl_setopt_slist(curl, CURLOPT_HTTPHEADER, headerList), CURLOPT_HTTPHEADER)
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws {
        guard code == CURLE_OK else {
            let reason = String(cString: curl_easy_strerror(code))
            throw TransportError.other("libcurl refused option \(option.rawValue): \(reason)")
        }
    }

    // MARK: Transfer

    /// Runs the transfer; returns libcurl's result code and its message.
    func perform() -> (code: Int32, message: String) {
        let code = curl_easy_perform(curl)
        let detail = String(cString: errorBuffer)
        let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        sink = nil
        return (Int32(bitPattern: code.rawValue), message)
    }

    /// The head of the final response as collected so far, falling back to libcurl's status code.
    var collectedHead: HTTPResponseHead {
        if let head = collector.head { return head }
        return HTTPResponseHead(status: info(CURLINFO_RESPONSE_CODE))
    }

    func info(_ info: CURLINFO) -> Int {
        var value = 0
        return opik_curl_getinfo_long(curl, info, &value) == CURLE_OK ? value : 0
    }

    func info(offset info: CURLINFO) -> Int64 {
        var value: curl_off_t = 0
        return opik_curl_getinfo_off_t(curl, info, &value) == CURLE_OK ? Int64(value) : 0
    }

    func info(string info: CURLINFO) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard opik_curl_getinfo_string(curl, info, &value) == CURLE_OK, let value else { return nil }
        return String(cString: value)
    }

    /// Hands the head to the sink once, before the first body byte.
    func deliverHeadIfNeeded() throws {
        guard deliveredHead == nil, let sink else { return }
        let head = collectedHead
        deliveredHead = head
        try sink.receive(head: head)
    }

    /// Hands the head to a sink after a transfer that had no body.
    func deliverHeadAfterTransfer(to sink: HTTPResponseSink) throws -> HTTPResponseHead {
        if let deliveredHead { return deliveredHead }
        let head = collectedHead
        deliveredHead = head
        try sink.receive(head: head)
        return head
    }

    // MARK: Callbacks

    private func installCallbacks() throws {
        let userdata = Unmanaged.passUnretained(self).toOpaque()
        try check(opik_curl_setopt_pointer(curl, CURLOPT_ERRORBUFFER, errorBuffer), CURLOPT_ERRORBUFFER)
        try check(opik_curl_setopt_pointer(curl, CURLOPT_WRITEDATA, userdata), CURLOPT_WRITEDATA)
        try check(opik_curl_setopt_pointer(curl, CURLOPT_HEADERDATA, userdata), CURLOPT_HEADERDATA)
        try check(opik_curl_setopt_pointer(curl, CURLOPT_XFERINFODATA, userdata), CURLOPT_XFERINFODATA)
        try check(opik_curl_setopt_data_callback(curl, CURLOPT_WRITEFUNCTION) { data, size, count, userdata in
            EasyHandle.from(userdata).received(body: UnsafeRawBufferPointer(start: data, count: size * count))
        }, CURLOPT_WRITEFUNCTION)
        try check(opik_curl_setopt_data_callback(curl, CURLOPT_HEADERFUNCTION) { data, size, count, userdata in
            EasyHandle.from(userdata).received(headerLine: UnsafeRawBufferPointer(start: data, count: size * count))
        }, CURLOPT_HEADERFUNCTION)
        try check(opik_curl_setopt_xferinfo_callback(curl, CURLOPT_XFERINFOFUNCTION) { userdata, _, _, _, _ in
            EasyHandle.from(userdata).progressed()
        }, CURLOPT_XFERINFOFUNCTION)
        // The progress callback only runs with the progress meter on; nothing is printed
        // because the callback replaces the meter.
        try set(CURLOPT_NOPROGRESS, false)
    }

    private static func from(_ userdata: UnsafeMutableRawPointer?) -> EasyHandle {
        Unmanaged<EasyHandle>.fromOpaque(userdata!).takeUnretainedValue()
    }

    private func received(body chunk: UnsafeRawBufferPointer) -> Int {
        guard !chunk.isEmpty else { return 0 }
        do {
            try deliverHeadIfNeeded()
            try sink?.receive(body: chunk)
            bodyByteCount += chunk.count
            return chunk.count
        } catch {
            sinkError = error
            // Any count other than the one given makes libcurl stop with CURLE_WRITE_ERROR.
            return 0
        }
    }

    private func received(headerLine: UnsafeRawBufferPointer) -> Int {
        headByteCount += headerLine.count
        guard headByteCount <= ResponseLimit.headBytes else {
            // A server sending headers without end must not fill memory; the count mismatch aborts.
            sinkError = ResponseTooLarge(part: "the response head", limit: ResponseLimit.headBytes)
            return 0
        }
        // Trailers after the body are not part of the head the sink already has.
        if deliveredHead == nil {
            collector.add(line: String(decoding: headerLine, as: UTF8.self))
        }
        return headerLine.count
    }

    private func progressed() -> Int32 {
        guard isInterrupted() else { return 0 }
        wasInterrupted = true
        return 1
    }
}
