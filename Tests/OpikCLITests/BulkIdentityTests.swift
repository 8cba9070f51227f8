import Foundation
import OpikCLI
import OpikCore
import OpikTestSupport
import Testing

/// `spans create --file` sends the same bytes and prints the same ids for the same input on
/// every version: a re-run after an upgrade must overwrite spans, never duplicate them. The
/// pinned values were recorded from the first released implementation.
@Suite struct BulkIdentityTests {
    /// Records in many shapes: white space inside and between, CRLF, several per line, one over
    /// several lines, nulls and given values for the filled fields, escapes, non-ASCII text,
    /// duplicate keys, and identical records repeated far apart.
    static func mixedInput(_ count: Int) -> String {
        mixedRecords(count).map { $0.text + $0.separator }.joined()
    }

    /// The same records as one JSON array.
    static func mixedArray(_ count: Int) -> String { SampleSpanRecords.mixedArray(count) }

    static func mixedRecords(_ count: Int) -> [(text: String, separator: String)] { SampleSpanRecords.mixed(count) }

    /// FNV-1a over every request body and the standard output, enough to notice any byte.
    static func fingerprint(_ requests: [HTTPRequest], _ stdout: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in requests.flatMap({ ($0.body ?? []) + [0] }) + Array(stdout.utf8) {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16)
    }

    static func create(_ input: String, format: String = "table") -> (RunResult, [HTTPRequest]) {
        let transport = FakeTransport()
        for _ in 0..<40 { transport.stub("POST", BulkCreateTests.batchPath, status: 204) }
        let result = CLIHarness.run(["spans", "create", "-p", "pinned", "--file", "-", "--parallel", "1", "--format", format],
                                    transport: transport, stdin: input)
        return (result, transport.requests)
    }

    @Test func theIdsOfASmallInputArePinned() {
        let (result, _) = Self.create(Self.mixedInput(12), format: "ndjson")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            {"id":"019f1d1f-0500-70aa-b5d9-b5d1e2e1ce31","trace_id":"019f1d1f-0500-7f75-891f-221246f9b615"}
            {"id":"019f1d1f-0500-7912-a4e3-d5b58ad76e76","trace_id":"019f1d1f-0500-77b4-8c14-4b5009e95a29"}
            {"id":"019f1d1f-0502-7dde-a014-75ed1579da88","trace_id":"019f1d1f-0502-743d-a56a-a961d6d0b4af"}
            {"id":"019f1d1f-0503-7568-abe2-0620fa48eadf","trace_id":"0190b5d2-7c1e-4a3b-8f00-5b9a1c2d3e4f"}
            {"id":"019f1d1f-0503-744a-9343-6c8b7ddc90a9","trace_id":"019f1d1f-0503-7a89-8ab8-6e6bfade0c8b"}
            {"id":"019f1d1f-0504-7d51-b563-81b5358b67bf","trace_id":"019f1d1f-0504-7ab6-a099-6117ba5ec38b"}
            {"id":"019f1d1f-0505-760a-9685-ac21034e3b41","trace_id":"019f1d1f-0505-7b62-b89e-d688261ff479"}
            {"id":"019f1d1f-0506-77cc-811f-2cc56e1cc4a1","trace_id":"019f1d1f-0506-7b8a-a0b4-c8244f185125"}
            {"id":"019f1d1f-0507-7b81-9cbe-b29b3bc5aa05","trace_id":"019f1d1f-0507-7538-909a-6898fbb585ef"}
            {"id":"019f1d1f-0500-743f-8d37-ac8361105b5d","trace_id":"019f1d1f-0500-7d45-8220-868f86d4fdf4"}
            {"id":"0190b5d2-7c1e-7a3b-8f00-000000000009","trace_id":"019f1d1f-0509-7e4d-b07c-66002760570b"}
            {"id":"019f1d1f-050a-7d60-a278-3c5ae977e4c8","trace_id":"019f1d1f-050a-7280-8cae-4ab9bd28b0e0"}
            {"id":"019f1d1f-050b-7a61-aa47-a2f57fabe870","trace_id":"019f1d1f-050b-78a8-b84b-67f337f3a432"}

            """)
    }

    @Test(arguments: [(50, "75abfeaccfc7ab01"), (3000, "d62c04ed4c8bd817"), (20000, "de204e9eff3bdee1")])
    func everyByteSentAndPrintedIsPinned(count: Int, expected: String) {
        let (result, requests) = Self.create(Self.mixedInput(count))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.fingerprint(requests, result.stdout) == expected)
    }

    @Test func everyByteSentFromAJSONArrayIsPinned() {
        let (array, arrayRequests) = Self.create(Self.mixedArray(400))
        #expect(array.status == 0, "\(array.stderr)")
        #expect(Self.fingerprint(arrayRequests, array.stdout) == "2d870c42bbca5864")
    }
}

/// Invalid records far apart in a large input are all reported, in input order.
@Suite struct BulkIssueOrderTests {
    @Test func issuesAcrossALargeInputAreReportedInOrder() {
        var records = BulkIdentityTests.mixedRecords(6000)
        records[10] = (#"{"start_time":"2026-07-01T10:00:00Z","type":"lm"}"#, "\n")
        records[2500] = (#"{"name":"x", oops}"#, "\n")
        records[2600] = (#"{"name":"no time","usage":{"a":1.5}}"#, "\n")
        records[4000] = (#"["not","an","object"]"#, "\n")
        records[5990] = (#"{"start_time":"2026-07-01T10:00:00Z","name":"\#u{01}"}"#, "\n")
        let input = records.map { $0.text + $0.separator }.joined()
        let transport = FakeTransport()
        let result = CLIHarness.run(["spans", "create", "--file", "-"], transport: transport, stdin: input)
        #expect(result.status == 2)
        #expect(transport.requests.isEmpty)
        #expect(result.stderr == #"""
            opik: error: <stdin>:14: field "type": invalid value "lm" (expected one of general, tool, llm, guardrail)
            opik: error: <stdin>:3124:106: invalid JSON: expected a quoted key
            opik: error: <stdin>:3251: field "usage.a": invalid value 1.5 (expected a whole number)
            opik: error: <stdin>:4999: expected a JSON object (a span), found an array
            opik: error: <stdin>:7488:46: invalid JSON: control character in a string
            hint: nothing was sent: 5 invalid spans; fix them and run the command again

            """#)
    }
}
