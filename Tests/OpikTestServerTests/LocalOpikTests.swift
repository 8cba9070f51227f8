import Foundation
import OpikCore
import Synchronization
@testable import OpikTestServer
import Testing

/// Compresses `bytes` with the system `gzip` (the same zlib the Python SDK uses).
func gzip(_ bytes: [UInt8], level: Int = 6) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-c", "-\(level)", "-n"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(bytes))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Array(data)
}

/// A batch of `count` spans of project `project`, as the SDK's background sender posts it.
func spanBatch(_ count: Int, project: String) -> String {
    let spans = (1...count).map { n in
        #"{"id":"\#(spanID(n))","trace_id":"\#(traceID)","project_name":"\#(project)","name":"step \#(n)","#
            + #""start_time":"2026-07-01T10:00:00Z","input":{"question":"what is step \#(n) of the plan?"}}"#
    }
    return #"{"spans":[\#(spans.joined(separator: ","))]}"#
}

/// The server as the official Python SDK and a local-install URL (`…/api`) use it.
@Suite struct LocalOpikTests {
    @Test func everyRouteIsAlsoServedUnderApi() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "demo", count: 5)
        let client = RawHTTPClient(port: server.port)
        #expect(client.send("GET", "/api/is-alive/ping").json?["healthy"] == .bool(true))
        let root = client.send("GET", "/v1/private/spans?project_name=demo")
        let prefixed = client.send("GET", "/api/v1/private/spans?project_name=demo")
        #expect(prefixed.status == 200)
        #expect(prefixed.json?["content"] == root.json?["content"])
        #expect(client.send("POST", "/api/v1/private/spans/batch", body: spanBatch(2, project: "p")).status == 204)
        #expect(server.spans(project: "p").count == 2)
        #expect(client.send("GET", "/api/nope").status == 404)
        #expect(client.send("GET", "/apiv1/private/spans?project_name=demo").status == 404)
    }

    @Test func theRequestLogHasOneLinePerAnswer() throws {
        let lines = Mutex<[String]>([])
        let server = try OpikTestServer.start(requestLog: { line in lines.withLock { $0.append(line) } })
        defer { server.stop() }
        let client = RawHTTPClient(port: server.port)
        _ = client.send("POST", "/api/v1/private/spans/batch", headers: [("Content-Encoding", "gzip")],
                        bytes: try gzip(Array(spanBatch(1, project: "p").utf8)))
        _ = client.send("GET", "/api/v1/private/spans/\(spanID(2))")
        #expect(lines.withLock { $0 } == [
            "POST /api/v1/private/spans/batch 204 (gzip body)", "GET /api/v1/private/spans/\(spanID(2)) 404",
        ])
    }

    @Test func traceWritesOfTheSDKAreKept() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let client = RawHTTPClient(port: server.port)
        let trace = #"{"id":"\#(traceID)","project_name":"p","name":"t","start_time":"2026-07-01T10:00:00Z"}"#
        #expect(client.send("POST", "/api/v1/private/traces/batch", body: #"{"traces":[\#(trace)]}"#).status == 204)
        #expect(client.send("POST", "/api/v1/private/traces/batch", body: #"{"traces":[]}"#).text
            == #"{"errors":["traces size must be between 1 and 1000"]}"#)
        #expect(server.traces(project: "p").map { $0["name"] } == ["t"])
        // A single create of a trace that exists is a 409, unlike spans.
        #expect(client.send("POST", "/api/v1/private/traces", body: trace).text == #"{"errors":["Trace already exists"]}"#)
        let other = trace.replacing(traceID, with: spanID(9))
        let created = client.send("POST", "/api/v1/private/traces", body: other)
        #expect(created.status == 201)
        #expect(created.header("Location")?.hasSuffix("/v1/private/traces/\(spanID(9))") == true)
        #expect(client.send("PATCH", "/api/v1/private/traces/\(traceID)", body: #"{"project_name":"p","output":{}}"#).status == 204)
        #expect(client.send("PATCH", "/api/v1/private/traces/not-a-uuid", body: "{}").status == 404)
    }

    @Test(arguments: [1, 6, 9])
    func gzipRequestBodiesAreInflated(level: Int) throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let client = RawHTTPClient(port: server.port)
        // Large and repetitive (dynamic Huffman blocks, long back-references) and tiny (fixed codes).
        let body = try gzip(Array(spanBatch(300, project: "zipped").utf8), level: level)
        let response = client.send("POST", "/api/v1/private/spans/batch", headers: [("Content-Encoding", "gzip")], bytes: body)
        #expect(response.status == 204)
        #expect(server.spans(project: "zipped").count == 300)
        #expect(server.span(id: spanID(300))?["input"]?["question"] == "what is step 300 of the plan?")
        let echo = client.send("POST", "/test/echo", headers: [("Content-Encoding", "gzip")], bytes: try gzip(Array("hi".utf8), level: level))
        #expect(echo.json?["body"] == "hi")
    }

    @Test func concatenatedGzipMembersAndStoredBlocksInflate() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let twoMembers = try gzip(Array("hello ".utf8)) + gzip(Array(String(repeating: "world ", count: 500).utf8))
        let echo = RawHTTPClient(port: server.port).send("POST", "/test/echo", headers: [("Content-Encoding", "gzip")], bytes: twoMembers)
        #expect(echo.json?["body"]?.stringValue == "hello " + String(repeating: "world ", count: 500))
        // Optional header fields: 511 bytes of extra field, a file name and a comment.
        var member = try gzip(Array("extra fields ok".utf8))
        member[3] = 0x04 | 0x08 | 0x10
        member.insert(contentsOf: [0xFF, 0x01] + [UInt8](repeating: 0, count: 511) + Array("name.json\0a comment\0".utf8), at: 10)
        let withFields = RawHTTPClient(port: server.port).send("POST", "/test/echo", headers: [("Content-Encoding", "gzip")], bytes: member)
        #expect(withFields.json?["body"] == "extra fields ok")
        // The server's own encoder writes stored blocks; its output must read back.
        let stored = try storedGzipRoundTrip(server)
        #expect(stored == TestRoutes.gzipText)
    }

    @Test(arguments: [[UInt8]([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]), Array("not gzip at all, just text".utf8)])
    func brokenGzipIs400AndChangesNothing(body: [UInt8]) throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        var corrupt = try gzip(Array(spanBatch(3, project: "x").utf8))
        corrupt[corrupt.count - 6] ^= 0xFF  // the CRC no longer matches
        for bytes in [body, corrupt] {
            let response = RawHTTPClient(port: server.port)
                .send("POST", "/v1/private/spans/batch", headers: [("Content-Encoding", "gzip")], bytes: bytes)
            #expect(response.status == 400)
            #expect(response.json?["message"] == "Bad Request: body is not valid gzip")
        }
        #expect(server.spans(project: "x").isEmpty)
    }

    @Test(arguments: [
        "page=9223372036854775807", "page=9223372036854775807&size=9223372036854775807", "size=9223372036854775807",
        "page=4611686018427387904&size=4",
    ])
    func hugePagesAreEmptyNotACrash(query: String) throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "demo", count: 12)
        let client = RawHTTPClient(port: server.port)
        let page = client.send("GET", "/v1/private/spans?project_name=demo&" + query)
        #expect(page.status == 200)
        #expect(page.json?["total"] == 12)
        let expected = query.hasPrefix("size") ? 12 : 0
        #expect(page.json?["content"]?.arrayValue?.count == expected)
        #expect(client.send("GET", "/v1/private/projects?" + query).status == 200)
        #expect(client.send("GET", "/v1/private/spans?project_name=demo&page=9223372036854775808").status == 404)
        for limit in ["1e300", "-1e300", "9223372036854775807"] {
            let search = client.send("POST", "/v1/private/spans/search", body: #"{"project_name":"demo","limit":\#(limit)}"#)
            #expect(search.status == 400)
        }
    }
}

/// Fetches `/test/gzip` compressed, then posts the compressed bytes back to the echo route.
func storedGzipRoundTrip(_ server: OpikTestServer) throws -> String? {
    let client = RawHTTPClient(port: server.port)
    let compressed = client.send("GET", "/test/gzip", headers: [("Accept-Encoding", "gzip")])
    #expect(compressed.header("Content-Encoding") == "gzip")
    return client.send("POST", "/test/echo", headers: [("Content-Encoding", "gzip")], bytes: compressed.body).json?["body"]?.stringValue
}
