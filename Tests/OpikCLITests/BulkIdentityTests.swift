import Foundation
import OpikCLI
import OpikCore
import OpikTestSupport
import Testing

/// `spans create --file` sends the same bytes and prints the same ids for the same input on
/// every version: a re-run after an upgrade must overwrite spans, never duplicate them. The
/// pinned values were recorded from the first released implementation, and recorded again
/// when generated ids came to include the project of records that name none (the same file
/// sent to two projects made the same span and trace ids); records naming their own project
/// kept theirs.
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
        transport.acceptNewTraces()
        let result = CLIHarness.run(["spans", "create", "-p", "pinned", "--file", "-", "--parallel", "1", "--format", format],
                                    transport: transport, stdin: input)
        return (result, transport.requests(to: BulkCreateTests.batchPath))
    }

    @Test func theIdsOfASmallInputArePinned() {
        let (result, _) = Self.create(Self.mixedInput(12), format: "ndjson")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            {"id":"019f1d1f-0500-7571-819a-9843e08b8c90","trace_id":"019f1d1f-0500-71a9-9a55-6076231f6d99"}
            {"id":"019f1d1f-0500-75d3-bc1f-298e913bbf29","trace_id":"019f1d1f-0500-7016-88c3-4254d55b0311"}
            {"id":"019f1d1f-0502-7add-9cde-68d18aee2fbe","trace_id":"019f1d1f-0502-784e-bdb3-b9acc6a5b8ef"}
            {"id":"019f1d1f-0503-7a8e-a626-22cbc77397b7","trace_id":"0190b5d2-7c1e-4a3b-8f00-5b9a1c2d3e4f"}
            {"id":"019f1d1f-0503-7e8e-8f99-c73d5b79a2fe","trace_id":"019f1d1f-0503-7ada-a0e6-4f7477c0c3af"}
            {"id":"019f1d1f-0504-7a09-a17d-18307fa3d7e3","trace_id":"019f1d1f-0504-7259-bec1-ce29be371fd0"}
            {"id":"019f1d1f-0505-760a-9685-ac21034e3b41","trace_id":"019f1d1f-0505-7b62-b89e-d688261ff479"}
            {"id":"019f1d1f-0506-7bd7-96ea-2a4703e0e65a","trace_id":"019f1d1f-0506-76a1-801b-e84c9702ffc4"}
            {"id":"019f1d1f-0507-7a62-b9de-a62586316a3b","trace_id":"019f1d1f-0507-7833-8b47-0b50e4202ead"}
            {"id":"019f1d1f-0500-7945-a898-e4b6d4465f47","trace_id":"019f1d1f-0500-72d4-bb6a-7c37e576afb8"}
            {"id":"0190b5d2-7c1e-7a3b-8f00-000000000009","trace_id":"019f1d1f-0509-7d19-ab0c-551ee1b49c48"}
            {"id":"019f1d1f-050a-7374-a964-081f98125565","trace_id":"019f1d1f-050a-7e6e-b542-aedf7e27813c"}
            {"id":"019f1d1f-050b-7668-8159-9ea4f46029ae","trace_id":"019f1d1f-050b-7012-a2d2-52f2e1d48f33"}

            """)
    }

    @Test(arguments: [(50, "eeadf58294734592"), (3000, "dbdad6638bdcec1b"), (20000, "344ed6c43a0f79ab")])
    func everyByteSentAndPrintedIsPinned(count: Int, expected: String) {
        let (result, requests) = Self.create(Self.mixedInput(count))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.fingerprint(requests, result.stdout) == expected)
    }

    @Test func everyByteSentFromAJSONArrayIsPinned() {
        let (array, arrayRequests) = Self.create(Self.mixedArray(400))
        #expect(array.status == 0, "\(array.stderr)")
        #expect(Self.fingerprint(arrayRequests, array.stdout) == "99218090892d3858")
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
