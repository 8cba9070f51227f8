import OpikCore
import Testing
@testable import OpikHTTP

/// The verbose log shows each exchange but never a whole secret.
struct WireLogTests {
    let key = "sk-0123456789abcdef"

    @Test func masksTheKeyInHeadersAndURL() {
        let log = WireLog(secrets: [key])
        let request = HTTPRequest(
            method: "POST", url: "https://h/api?key=\(key)",
            headers: [("Authorization", key), ("Comet-Workspace", "ws")], body: Array("{}".utf8)
        )
        #expect(log.requestLines(request) == [
            "> POST https://h/api?key=sk-***",
            "> Authorization: sk-***",
            "> Comet-Workspace: ws",
            "> (2 bytes)",
        ])
    }

    @Test func masksAuthorizationEvenWhenNotListedAsSecret() {
        let lines = WireLog(secrets: []).requestLines(HTTPRequest(method: "GET", url: "u", headers: [("authorization", key)]))
        #expect(lines == ["> GET u", "> authorization: sk-***"])
    }

    @Test(arguments: ["abc", "short-key", ""])
    func showsNothingOfAShortSecret(secret: String) {
        #expect(Redaction.mask(secret) == "***")
    }

    @Test func summarisesTheResponse() {
        let log = WireLog(secrets: [])
        #expect(log.responseLines(status: 200, bytes: 42, microseconds: 12_345, redirectedTo: nil) == ["< 200 (42 bytes, 12 ms)"])
        #expect(log.responseLines(status: 200, bytes: 0, microseconds: 0, redirectedTo: "http://b/") == [
            "< redirected to http://b/", "< 200 (0 bytes, 0 ms)",
        ])
    }
}
