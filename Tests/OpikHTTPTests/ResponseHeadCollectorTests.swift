import OpikCore
import Testing
@testable import OpikHTTP

/// Only the final response's head survives interim and redirect responses.
struct ResponseHeadCollectorTests {
    private func collect(_ lines: [String]) -> HTTPResponseHead? {
        var collector = ResponseHeadCollector()
        lines.forEach { collector.add(line: $0) }
        return collector.head
    }

    private func pairs(_ head: HTTPResponseHead?) -> [String] {
        head?.headers.map { "\($0.0)=\($0.1)" } ?? []
    }

    @Test func readsStatusAndHeaders() {
        let head = collect(["HTTP/1.1 201 Created\r\n", "Content-Type: application/json\r\n", "Location:  /spans/1 \r\n", "\r\n"])
        #expect(head?.status == 201)
        #expect(pairs(head) == ["Content-Type=application/json", "Location=/spans/1"])
    }

    @Test func keepsOnlyTheFinalResponseAfterRedirectAndContinue() {
        let head = collect([
            "HTTP/1.1 100 Continue\r\n", "\r\n",
            "HTTP/1.1 302 Found\r\n", "Location: http://b/x\r\n", "\r\n",
            "HTTP/2 200 \r\n", "x-final: yes\r\n", "\r\n",
        ])
        #expect(head?.status == 200)
        #expect(pairs(head) == ["x-final=yes"])
    }

    @Test func joinsFoldedLines() {
        let head = collect(["HTTP/1.1 200 OK\r\n", "X-Long: a\r\n", "\t b\r\n", "\r\n"])
        #expect(pairs(head) == ["X-Long=a b"])
    }

    @Test func hasNoHeadBeforeAStatusLine() {
        #expect(collect(["Content-Type: text/plain\r\n"]) == nil)
    }

    @Test(arguments: [
        (("Comet-Workspace", "default"), "Comet-Workspace: default"),
        (("X-Empty", ""), "X-Empty;"),
        (("X-Injected", "a\r\nEvil: 1"), "X-Injected: aEvil: 1"),
    ])
    func formatsHeaderLine(header: (String, String), line: String) {
        #expect(CurlTransport.headerLine(header) == line)
    }
}
