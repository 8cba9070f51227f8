import Foundation
import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing

/// The built binary against servers and inputs that would exhaust memory or time: every run
/// must end in a one-line error with a documented status, under a memory limit.
@Suite struct HostileInputEndToEndTests {
    static let id = "0190b5d2-7c1e-7a3b-8f00-5b9a1c2d3e4f"

    /// Runs `script` in `sh` with address space limited to 1 GiB; `$OPIK` is the binary.
    static func limited(_ script: String, url: String) throws -> RunResult {
        try BinaryRunner.shell("ulimit -v 1048576; \(script)", shell: "/bin/sh", environment: ["OPIK_URL_OVERRIDE": url])
    }

    @Test func aGzipBombEndsInAnErrorNotACrash() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.inject(.gzipBomb(decompressedBytes: 600 << 20), pathPrefix: "/v1/private/spans/")
        let result = try Self.limited("\"$OPIK\" spans get \(Self.id)", url: server.baseURL)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("opik: error: get span \(Self.id): the response is larger than 256 MiB; stopped reading it (HTTP 200)\n"))
    }

    @Test func aStreamThatNeverSendsANewlineEndsInAnError() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "app", count: 10)
        server.inject(.gzipBomb(decompressedBytes: 600 << 20), pathPrefix: "/v1/private/spans/search")
        let result = try Self.limited("\"$OPIK\" spans list -p app --all --format ndjson", url: server.baseURL)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("opik: error: search spans: a line of the stream is larger than 64 MiB; stopped reading it (HTTP 200)\n"))
        #expect(result.stdout == "")
    }

    @Test func headersWithoutEndEndInAnError() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.inject(.endlessHeaders(bytes: 64 << 20), pathPrefix: "/v1/private/spans/")
        let result = try Self.limited("\"$OPIK\" spans get \(Self.id)", url: server.baseURL)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("opik: error: get span \(Self.id): the response head is larger than 256 KiB; stopped reading it (HTTP 200)\n"))
    }

    @Test func endlessIdsOnStandardInputEndInAnError() throws {
        let result = try Self.limited("yes \(Self.id) | \"$OPIK\" spans update - --name x", url: "http://127.0.0.1:9")
        #expect(result.status == 2)
        #expect(result.stderr == """
            opik: error: more than 1000000 span ids on standard input
            hint: nothing was sent; split the ids and run the command once per part

            """)
    }

    @Test(arguments: [
        ("\"$OPIK\" spans create --file - < /dev/zero", "opik: error: <stdin>:1: a record is larger than the limit of 20971520 bytes; reading stopped there\n"),
        ("\"$OPIK\" spans score upload - --input-format csv < /dev/zero", "opik: error: <stdin>:1: a record is larger than the limit of 20971520 bytes; reading stopped there\n"),
        ("\"$OPIK\" spans get - < /dev/zero", "opik: error: invalid span id '"),
        ("\"$OPIK\" spans update \(id) --input - < /dev/zero", "opik: error: --input: standard input is larger than 20 MiB\n"),
    ])
    func endlessRecordsOnStandardInputEndInAnError(script: String, message: String) throws {
        let result = try Self.limited(script, url: "http://127.0.0.1:9")
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(message))
    }

    @Test func aRecordOfAnArrayOnOneLineIsMeasuredAlone() throws {
        // Many records on one line are fine: the limit is per record, not per line.
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let record = #"{"name":"n","start_time":"2026-07-01T10:00:00Z","input":{"text":"\#(String(repeating: "x", count: 100_000))"}}"#
        let input = "[" + Array(repeating: record, count: 300).joined(separator: ",") + "]"
        let result = try server.opik(["spans", "create", "--file", "-", "-p", "big", "--format", "ndjson"], stdin: input)
        #expect(result.status == 0)
        #expect(server.spans(project: "big").count == 300)
    }

    /// A directory on standard input cannot be read: an input error (status 2) naming why,
    /// never the "interrupted" of Ctrl-C, and nothing is sent.
    @Test(arguments: ["spans get -", "traces score upload - --input-format csv", "spans create --file -"])
    func anUnreadableStandardInputIsAnInputError(command: String) throws {
        try OpikTestServer.with { server in
            let result = try Self.limited("\"$OPIK\" \(command) < /", url: server.baseURL)
            #expect(result.status == 2)
            #expect(result.stderr == "opik: error: <stdin>: cannot be read (Is a directory)\n")
            #expect(server.requests.isEmpty)
        }
    }
}
