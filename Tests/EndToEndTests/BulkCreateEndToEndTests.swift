import Foundation
import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing

/// The built binary creating spans on the loopback test server, including when the network
/// or the server misbehaves. Needs `swift build` first.
@Suite(.serialized) struct BulkCreateEndToEndTests {
    @Test func aSpanFromFlagsCanBeReadBack() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let result = try server.opik([
            "spans", "create", "-p", "e2e", "--name", "answer", "--type", "llm", "--input", #"{"q":"hi"}"#,
            "--usage", "prompt_tokens=10,completion_tokens=5", "--cost", "0.0042", "--tags", "a,b", "--format", "json",
        ])
        #expect(result.status == 0)
        let printed = try JSONParser.parse(result.stdout)
        let id = try #require(printed["id"]?.stringValue)
        #expect(result.stderr == "opik: new trace \(printed["trace_id"]?.stringValue ?? "?")\n")
        let span = try #require(server.span(id: id))
        #expect(span["name"] == "answer")
        #expect(span["type"] == "llm")
        #expect(span["project_name"] == "e2e")
        #expect(span["trace_id"] == printed["trace_id"])
        #expect(span["input"] == ["q": "hi"])
        #expect(span["usage"]?["prompt_tokens"] == 10)
        #expect(span["total_estimated_cost"]?.doubleValue == 0.0042)
        #expect(span["tags"] == ["a", "b"])
    }

    @Test func aFileOfThousandsLandsExactlyOnceAndARerunDuplicatesNothing() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let dir = BinaryRunner.temporaryDirectory()
        let file = dir + "/spans.ndjson"
        try BulkSupport.spans(3500).write(toFile: file, atomically: true, encoding: .utf8)
        let first = try server.opik(["spans", "create", "-p", "bulk", "--file", file])
        #expect(first.status == 0)
        #expect(first.stderr.hasPrefix("opik: created 3500 spans in 4 batches and 3500 traces ("))
        let ids = first.stdout.split(separator: "\n").map(String.init)
        #expect(ids.count == 3500)
        #expect(Set(BulkSupport.storedIds(server, project: "bulk")) == Set(ids))
        #expect(BulkSupport.storedIds(server, project: "bulk").count == 3500)
        let again = try server.opik(["spans", "create", "-p", "bulk", "--file", file])
        #expect(again.stdout == first.stdout)
        #expect(BulkSupport.storedIds(server, project: "bulk").count == 3500)
        #expect(server.span(id: ids[1234])?["input"] == ["n": 1234])
    }

    @Test func aDroppedAnswerAndThreeRefusalsStillLeaveEverySpanOnce() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        // One connection closes before any answer; one answer comes after the client gave up
        // (the server stores that batch, the client cannot know); three are refused as busy.
        server.inject(.closeWithoutResponse, times: 1, pathPrefix: "/v1/private/spans/batch")
        server.inject(.delay(seconds: 2), times: 1, pathPrefix: "/v1/private/spans/batch")
        server.inject(.status(503, body: #"{"code":503,"message":"busy"}"#), times: 3, pathPrefix: "/v1/private/spans/batch")
        let result = try server.opik(["spans", "create", "-p", "flaky", "--file", "-", "--parallel", "2", "--timeout", "1"],
                                         stdin: BulkSupport.spans(4000))
        #expect(result.status == 0)
        #expect(result.stderr.contains("server answered 503; retrying"))
        #expect(result.stderr.contains("timed out; retrying"))
        #expect(BulkSupport.batchRequests(server).count == 4 + 1 + 1 + 3)
        let stored = BulkSupport.storedIds(server, project: "flaky")
        #expect(stored.count == 4000)
        #expect(Set(stored) == Set(result.stdout.split(separator: "\n").map(String.init)))
    }

    @Test func oneBadLineAnywhereSendsNothing() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        var lines = BulkSupport.spans(3000).split(separator: "\n").map(String.init)
        lines[2718] = #"{"name":"x","start_time":"2026-07-01T10:00:00Z","usage":{"total_tokens":"many"}}"#
        let result = try server.opik(["spans", "create", "--file", "-"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 2)
        #expect(result.stderr == """
            opik: error: <stdin>:2719: field "usage.total_tokens": invalid value "many" (expected a whole number)
            hint: nothing was sent; fix the record and run the command again

            """)
        #expect(server.requests.isEmpty)
    }

    @Test func aRejectedBatchExits6AndTheFailedFileHoldsExactlyItsRecords() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let dir = BinaryRunner.temporaryDirectory()
        server.inject(.status(204), times: 1, pathPrefix: "/v1/private/spans/batch")
        server.inject(.status(422, body: #"{"errors":["spans size must be between 1 and 1000"]}"#), times: 1, pathPrefix: "/v1/private/spans/batch")
        let result = try server.opik(["spans", "create", "-p", "partial", "--file", "-", "--parallel", "1", "--failed", dir + "/failed.ndjson"],
                                         stdin: BulkSupport.spans(2500))
        #expect(result.status == 6)
        #expect(result.stderr.contains("opik: error: create spans, batch 2 of 3 (lines 1001-2000): spans size must be between 1 and 1000 (HTTP 422)"))
        let failed = try String(contentsOfFile: dir + "/failed.ndjson", encoding: .utf8)
        let rejected = try JSONParser.parse(bytes: BulkSupport.batchRequests(server)[1].body)["spans"]?.arrayValue ?? []
        #expect(try failed.split(separator: "\n").map { try JSONParser.parse(String($0)) } == rejected)
        // The first batch was answered by the fault without being stored: only batch 3 is there.
        #expect(BulkSupport.storedIds(server, project: "partial").count == 500)
        let rerun = try server.opik(["spans", "create", "--file", dir + "/failed.ndjson"])
        #expect(rerun.status == 0)
        #expect(BulkSupport.storedIds(server, project: "partial").count == 1500)
    }

    @Test func ctrlCStopsSaysWhatWasAcceptedAndARerunFinishesWithoutDuplicates() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let dir = BinaryRunner.temporaryDirectory()
        let file = dir + "/spans.ndjson"
        try BulkSupport.spans(5000).write(toFile: file, atomically: true, encoding: .utf8)
        // Batches 1 and 2 go through; batch 3 hangs until the signal.
        server.inject(.delay(seconds: 0), times: 2, pathPrefix: "/v1/private/spans/batch")
        server.inject(.delay(seconds: 30), times: 1, pathPrefix: "/v1/private/spans/batch")
        let running = try server.running(["spans", "create", "-p", "interrupted", "--file", file, "--parallel", "1"])
        let deadline = Date().addingTimeInterval(20)
        while BulkSupport.batchRequests(server).count < 3 && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        #expect(BulkSupport.batchRequests(server).count == 3)
        running.interrupt()
        let result = running.wait()
        #expect(result.status == 130)
        #expect(result.stderr.contains("opik: interrupted; 2000 of 5000 spans were accepted; to send the rest, run the same command again"))
        server.clearFaults()
        let rerun = try server.opik(["spans", "create", "-p", "interrupted", "--file", file])
        #expect(rerun.status == 0)
        let stored = BulkSupport.storedIds(server, project: "interrupted")
        #expect(stored.count == 5000)
        #expect(Set(stored).count == 5000)
    }
}
