import CCurl
import OpikCore

extension CurlTransport {
    /// The transport error for a libcurl result code and its message.
    ///
    /// `CURLE_WRITE_ERROR` means a sink threw inside the write callback (`.aborted`); `perform`
    /// rethrows the sink's own error instead whenever it has one.
    package static func error(for code: Int32, message: String) -> TransportError {
        switch CURLcode(rawValue: UInt32(bitPattern: code)) {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .resolve(message)
        case CURLE_COULDNT_CONNECT, CURLE_PROXY, CURLE_QUIC_CONNECT_ERROR:
            return .connect(message)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND,
             CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_SHUTDOWN_FAILED,
             CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
             CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT, CURLE_USE_SSL_FAILED:
            return .tls(message)
        case CURLE_OPERATION_TIMEDOUT:
            return .timeout(message)
        case CURLE_PARTIAL_FILE, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING,
             CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_HTTP3:
            return .dropped(message)
        case CURLE_ABORTED_BY_CALLBACK:
            return .interrupted
        case CURLE_WRITE_ERROR:
            return .aborted
        default:
            return .other(message)
        }
    }
}
