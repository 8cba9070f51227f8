import CCurl
import OpikCore
import Testing
@testable import OpikHTTP

/// libcurl result codes map to the transport errors the CLI turns into messages and statuses.
struct CurlErrorMappingTests {
    static let rows: [(CURLcode, TransportError)] = [
        (CURLE_COULDNT_RESOLVE_HOST, .resolve("m")),
        (CURLE_COULDNT_RESOLVE_PROXY, .resolve("m")),
        (CURLE_COULDNT_CONNECT, .connect("m")),
        (CURLE_SSL_CONNECT_ERROR, .tls("m")),
        (CURLE_PEER_FAILED_VERIFICATION, .tls("m")),
        (CURLE_SSL_CACERT_BADFILE, .tls("m")),
        (CURLE_OPERATION_TIMEDOUT, .timeout("m")),
        (CURLE_PARTIAL_FILE, .dropped("m")),
        (CURLE_RECV_ERROR, .dropped("m")),
        (CURLE_SEND_ERROR, .dropped("m")),
        (CURLE_GOT_NOTHING, .dropped("m")),
        (CURLE_HTTP2, .dropped("m")),
        (CURLE_HTTP2_STREAM, .dropped("m")),
        (CURLE_ABORTED_BY_CALLBACK, .interrupted),
        (CURLE_WRITE_ERROR, .aborted),
        (CURLE_URL_MALFORMAT, .other("m")),
        (CURLE_TOO_MANY_REDIRECTS, .other("m")),
        (CURLE_UNSUPPORTED_PROTOCOL, .other("m")),
    ]

    @Test(arguments: rows)
    func mapsCode(code: CURLcode, expected: TransportError) {
        #expect(CurlTransport.error(for: Int32(code.rawValue), message: "m") == expected)
    }

    @Test func onlyResolveAndConnectFailuresAreSafeToRepeat() {
        let safe = Self.rows.filter { CurlTransport.error(for: Int32($0.0.rawValue), message: "").requestNeverSent }
        #expect(safe.map { $0.0.rawValue } == [6, 5, 7])
    }

    @Test func versionNamesLibcurl() {
        #expect(CurlTransport.libcurlVersion.hasPrefix("libcurl/"))
    }
}
