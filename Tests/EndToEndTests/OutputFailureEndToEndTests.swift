import Foundation
import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing

/// Output that cannot be written fails loudly: only a closed pipe ends quietly. /dev/full
/// stands for a full disk (every write fails with ENOSPC).
@Suite(.serialized) struct OutputFailureEndToEndTests {
    static let noSpace = "opik: error: cannot write output: No space left on device"

    @Test func readCommandsWritingToAFullDiskFailWithStatus1() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "app", count: 300)
        for arguments in [["spans", "list", "-p", "app", "--all"], ["spans", "stats", "-p", "app"], ["config", "show"],
                          ["spans", "list", "-p", "app", "--all", "--format", "ndjson"]] {
            let result = try server.opik(arguments, stdoutFile: "/dev/full")
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr == Self.noSpace + "\n", "\(arguments)")
        }
    }

    @Test func aClosedStdoutIsAnErrorNotSilence() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "app", count: 5)
        // The caller closes stdout: the files and sockets opened later must not take its place.
        let result = try BinaryRunner.shell("\"$OPIK\" spans list -p app --all >&-", environment: server.environment)
        #expect(result.status == 1)
        #expect(result.stderr == "opik: error: cannot write output: Bad file descriptor\n")
    }

    @Test func aSingleSpanThatIsRefusedGoesToTheFailedFile() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let failed = BinaryRunner.temporaryDirectory() + "/failed.ndjson"
        server.inject(.status(400, body: #"{"errors":["refused"]}"#), times: 1, pathPrefix: "/v1/private/spans/batch")
        let result = try server.opik(["spans", "create", "-p", "one", "--name", "lonely", "--failed", failed])
        #expect(result.status == 1)
        let saved = try String(contentsOfFile: failed, encoding: .utf8)
        #expect(saved.hasPrefix("{\"id\":"))
        #expect(saved.contains(#""name":"lonely""#))
    }

    @Test func createdSpansWhoseIdsCannotBeWrittenSaySo() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let result = try server.opik(["spans", "create", "-p", "full", "--file", "-"], stdin: BulkSupport.spans(3), stdoutFile: "/dev/full")
        #expect(result.status == 1)
        #expect(result.stderr.contains(Self.noSpace + "; the ids of the 3 created spans were not all written\n"))
        #expect(result.stderr.contains("hint: the spans were created; run the same command again with working output to print their ids"))
        #expect(BulkSupport.storedIds(server, project: "full").count == 3)
    }

    @Test func aFailedFileThatCannotBeWrittenAfterSendingPrintsTheRecords() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        // Two batches: the first is accepted, the second refused for good.
        let records = BulkSupport.spans(1001)
        server.inject(.delay(seconds: 0), times: 1, pathPrefix: "/v1/private/spans/batch")
        server.inject(.status(400, body: #"{"errors":["refused"]}"#), times: 1, pathPrefix: "/v1/private/spans/batch")
        let result = try server.opik(["spans", "create", "-p", "full", "--file", "-", "--parallel", "1", "--failed", "/dev/full"],
                              stdin: records)
        #expect(result.status == 6)
        #expect(result.stderr.contains("opik: error: --failed /dev/full: cannot be written: No space left on device; "
            + "the span that was not accepted is saved nowhere else, so here it is:\n{"))
        #expect(result.stderr.contains(#""name":"step 1000""#))
        #expect(result.stderr.contains("hint: /dev/full could not be written: they are only in the error output above"))
        #expect(BulkSupport.storedIds(server, project: "full").count == 1000)
    }

    @Test func aFailedFileIsEmptiedBeforeSendingAndABadPathSendsNothing() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let dir = BinaryRunner.temporaryDirectory()
        let failed = dir + "/failed.ndjson"
        try "stale record\n".write(toFile: failed, atomically: true, encoding: .utf8)
        let good = try server.opik(["spans", "create", "-p", "ok", "--file", "-", "--failed", failed], stdin: BulkSupport.spans(2))
        #expect(good.status == 0)
        #expect(try String(contentsOfFile: failed, encoding: .utf8) == "")
        let bad = try server.opik(["spans", "create", "-p", "ok", "--file", "-", "--failed", dir + "/no/such/dir/failed.ndjson"],
                           stdin: BulkSupport.spans(2, name: "other"))
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("opik: error: \(dir)/no/such/dir/failed.ndjson: cannot be written: No such file or directory\n"))
        #expect(BulkSupport.batchRequests(server).count == 1)
    }
}
