import Foundation
import OpikCore
import OpikTestSupport
import Testing

/// The paged listing (`--sort`, `--search`, `--page`) against a server that sends too much or
/// does not page.
@Suite struct PagedListTrustTests {
    static func page(_ ids: Range<Int>) -> String {
        let content = ids.map { #"{"id":"0190b5d2-7c1e-7a3b-8f00-\#(String(format: "%012d", $0))"}"# }.joined(separator: ",")
        return #"{"page":1,"size":\#(ids.count),"total":5000,"content":[\#(content)]}"#
    }

    @Test func theLimitHoldsWhenAPageHasMore() {
        let transport = FakeTransport()
        transport.stub("GET", "/api/v1/private/spans", body: Self.page(0..<7))
        let result = CLIHarness.run(["spans", "list", "-p", "a", "--sort", "duration", "-n", "3", "--fields", "id"], transport: transport)
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 3)
    }

    @Test func allStopsWhenThePageDoesNotAdvance() {
        let transport = FakeTransport()
        transport.stub("GET", "/api/v1/private/spans", body: Self.page(0..<500))
        transport.stub("GET", "/api/v1/private/spans", body: Self.page(0..<500))
        let result = CLIHarness.run(["spans", "list", "-p", "a", "--sort", "duration", "--all", "--fields", "id"], transport: transport)
        #expect(result.status == 1)
        #expect(result.stdout.split(separator: "\n").count == 500)
        #expect(result.stderr.hasPrefix("opik: error: list spans: page 2 starts with the same span as page 1, so the server does not page"))
    }

    @Test func aPageWithoutContentIsAnError() {
        let transport = FakeTransport()
        transport.stub("GET", "/api/v1/private/spans", body: "[1,2]")
        let result = CLIHarness.run(["spans", "list", "-p", "a", "--sort", "duration"], transport: transport)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix(#"opik: error: list spans: expected a page of spans (an object with "content"), received '[1,2]'"#))
    }
}
