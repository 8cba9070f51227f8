import OpikCore
import Testing
@testable import OpikHTTP

/// Certificates are verified unless the user turns it off or names the CA to trust.
@Suite(.enabled(if: TLSServer.isAvailable, "needs the openssl command"))
struct CurlTransportTLSTests {
    private func perform(_ url: String, _ options: TransportOptions) throws -> HTTPResponseHead {
        let transport = CurlTransport(options: options, log: { _ in }, isInterrupted: { false })
        return try transport.perform(HTTPRequest(method: "GET", url: url, timeout: 10), sink: CollectingSink())
    }

    private func tlsFailure(_ url: String, _ options: TransportOptions) -> TransportError? {
        do {
            _ = try perform(url, options)
            return nil
        } catch {
            if case .tls = error as? TransportError { return error as? TransportError }
            Issue.record("expected .tls, got \(error)")
            return nil
        }
    }

    @Test func selfSignedCertificateIsRefusedByDefault() throws {
        let server = try TLSServer()
        #expect(tlsFailure(server.baseURL + "/", TransportOptions()) != nil)
    }

    @Test func insecureAcceptsAnyCertificate() throws {
        let server = try TLSServer()
        var options = TransportOptions()
        options.verifyTLS = false
        #expect(try perform(server.baseURL + "/", options).status == 200)
    }

    @Test func caCertificateFileIsTrusted() throws {
        let server = try TLSServer()
        var options = TransportOptions()
        options.caCertificateFile = server.certificateFile
        #expect(try perform(server.baseURL + "/", options).status == 200)
    }

    @Test func missingCACertificateFileIsTLSFailure() throws {
        let server = try TLSServer()
        var options = TransportOptions()
        options.caCertificateFile = server.directory.appendingPathComponent("missing.pem").path
        #expect(tlsFailure(server.baseURL + "/", options) != nil)
    }
}
