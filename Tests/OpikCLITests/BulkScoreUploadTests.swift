import Foundation
import OpikCLI
import OpikCore
import OpikTestSupport
import Testing

/// `spans score upload` (and `traces score upload` where the two must agree): CSV and JSON
/// input, checks, batches and failed rows.
@Suite struct BulkScoreUploadTests {
    static let path = "/api/v1/private/spans/feedback-scores"
    static let span1 = "0190b5d2-7c1e-7a3b-8f00-000000000001"
    static let span2 = "0190b5d2-7c1e-7a3b-8f00-000000000002"

    static func scores(in request: HTTPRequest) throws -> [JSONValue] {
        try JSONParser.parse(bytes: request.body ?? [])["scores"]?.arrayValue ?? []
    }

    @Test func csvRowsBecomeScoreItemsWithProjectAndSource() throws {
        let transport = FakeTransport()
        transport.stub("PUT", Self.path, status: 204)
        let csv = "id,name,value,reason,project_name\r\n"
            + "\(Self.span1),accuracy,0.90,\"fine, mostly \"\"ok\"\"\",\r\n"
            + "\(Self.span2),relevance,1,\"two\nlines\",other app\r\n"
        let result = CLIHarness.run(["spans", "score", "upload", "-", "--input-format", "csv", "-p", "my app", "--no-check"],
                                    transport: transport, stdin: csv)
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(result.stderr == "opik: uploaded 2 scores in 1 batch (0.0 s)\n")
        #expect(transport.requests.map(\.method) == ["PUT"])
        #expect(try Self.scores(in: transport.requests[0]) == [
            ["id": .string(Self.span1), "name": "accuracy", "value": .number("0.90"), "reason": "fine, mostly \"ok\"",
             "project_name": "my app", "source": "sdk"],
            ["id": .string(Self.span2), "name": "relevance", "value": 1, "reason": "two\nlines",
             "project_name": "other app", "source": "sdk"],
        ])
    }

    @Test(arguments: [
        ("id,name,value\n\(span1),accuracy,high\n", #"<stdin>:2: field "value": invalid value "high" (expected a number)"#),
        ("id,name,value\n\(span1),accuracy,0.5\nnope,accuracy,0.5\n", #"<stdin>:3: field "id": invalid value "nope" (expected a version 7 UUID)"#),
        ("id,name,value\n\(span1),,0.5\n", #"<stdin>:2: field "name": missing"#),
        ("id,name,value,source\n\(span1),a,0.5,cli\n", #"<stdin>:2: field "source": invalid value "cli" (expected one of ui, sdk, online_scoring)"#),
        ("id,name,value\n\(span1),a,1e10\n", #"<stdin>:2: field "value": invalid value 1e10 (expected a number from -999999999.999999999 to 999999999.999999999)"#),
        ("id,name\n\(span1),a\n", #"<stdin>:1: the CSV header has no "value" column (it needs id, name and value)"#),
        ("id,name,value\n\(span1),a\n", "<stdin>:2: 2 fields, but the header has 3"),
        ("id,name,value\n\(span1),\"a,0.5\n", "<stdin>:2: invalid CSV: a quoted field is not closed"),
        // A v4 id would make the server refuse the whole batch it is in.
        ("id,name,value\n\(span1),a,1\n0190b5d2-7c1e-4a3b-8f00-0000000000a1,a,1\n",
         #"<stdin>:3: field "id": invalid value "0190b5d2-7c1e-4a3b-8f00-0000000000a1" (expected a version 7 UUID)"#),
    ], ["spans", "traces"])
    func aBadRowIsReportedAndNothingIsSent(row: (csv: String, message: String), group: String) {
        let (csv, message) = row
        let transport = FakeTransport()
        let result = CLIHarness.run([group, "score", "upload", "-", "--input-format", "csv"], transport: transport, stdin: csv)
        #expect(result.status == 2)
        #expect(result.stderr == "opik: error: \(message)\nhint: nothing was sent; fix the record and run the command again\n")
        #expect(transport.requests.isEmpty)
    }

    @Test func ndjsonScoresAreCheckedLikeCSV() throws {
        let transport = FakeTransport()
        transport.stub("PUT", Self.path, status: 204)
        let input = #"{"id":"\#(Self.span1)","name":"accuracy","value":0.5,"source":"ui","extra":true}"# + "\n"
        let result = CLIHarness.run(["spans", "score", "upload", "-", "--no-check"], transport: transport, stdin: input)
        #expect(result.status == 0)
        #expect(try Self.scores(in: transport.requests[0]) == [
            ["id": .string(Self.span1), "name": "accuracy", "value": .number("0.5"), "project_name": "Default Project", "source": "ui"],
        ])
        let bad = CLIHarness.run(["spans", "score", "upload", "-"], transport: FakeTransport(),
                                 stdin: #"{"id":"\#(Self.span1)","name":"accuracy","value":"0.5"}"# + "\n")
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix(#"opik: error: <stdin>:1: field "value": invalid value "0.5" (expected a number)"#))
    }

    @Test func failedCSVRowsAreWrittenUnderTheHeaderAsTheyWere() throws {
        let failed = NSTemporaryDirectory() + "failed-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: failed) }
        var csv = "id,name,value,reason\n"
        var rows: [String] = []
        for i in 0..<1500 {
            let id = UUIDv7.make(milliseconds: 1_782_900_000_000 + UInt64(i), random: (UInt64(i), 7))
            rows.append("\(id),accuracy,0.\(i % 10),\"row \(i), quoted\"")
        }
        csv += rows.joined(separator: "\n") + "\n"
        let transport = FakeTransport()
        transport.stub("PUT", Self.path, status: 204)
        transport.stub("PUT", Self.path, status: 400, body: #"{"code":400,"message":"Invalid UUID for id","details":"span id must be a version 7 UUID"}"#)
        let result = CLIHarness.run(["spans", "score", "upload", "-", "--input-format", "csv", "--parallel", "1", "--failed", failed, "--no-check"],
                                    transport: transport, stdin: csv)
        #expect(result.status == 6)
        #expect(try String(contentsOfFile: failed, encoding: .utf8) == "id,name,value,reason\n" + rows[1000...].joined(separator: "\n") + "\n")
        #expect(result.stderr.contains("opik: error: upload scores, batch 2 of 2 (lines 1002-1501): Invalid UUID for id"))
        #expect(result.stderr.hasSuffix("opik: error: 500 of 1500 scores were not accepted\nhint: they are in \(failed); after fixing them run 'opik spans score upload \(failed)'\n"))
    }

    @Test(arguments: ["spans", "traces"])
    func dryRunSendsNothing(group: String) {
        let transport = FakeTransport()
        let result = CLIHarness.run([group, "score", "upload", "-", "--input-format", "csv", "--dry-run", "--format", "json"],
                                    transport: transport, stdin: "id,name,value\n\(Self.span1),a,1\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains(#""path": "/v1/private/\#(group)/feedback-scores""#))
        #expect(result.stdout.contains(#""records": 1"#))
        #expect(transport.requests.isEmpty)
    }
}
