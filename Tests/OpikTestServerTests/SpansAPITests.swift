import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing

/// Percent-encodes a query value (everything outside the unreserved set).
func encoded(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
        if (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || "-._~".utf8.contains(byte) {
            out.unicodeScalars.append(Unicode.Scalar(byte))
        } else {
            out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
        }
    }
    return out
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

let traceID = "01900000-0000-7000-8000-000000000001"
func spanID(_ n: Int) -> String { "01900000-0000-7000-8000-" + String(n).leftPadded(12) }

@Suite struct SpansAPITests {
    @Test func searchStreamIsChunkedObjectsEachFollowedByCRLFNewestFirst() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "demo", count: 30)
        let client = RawHTTPClient(port: server.port)
        let response = client.send("POST", "/v1/private/spans/search", body: #"{"project_name":"demo","limit":5}"#)
        #expect(response.status == 200)
        #expect(response.header("Transfer-Encoding") == "chunked")
        #expect(response.header("Content-Type") == "application/octet-stream")
        let lines = response.text.split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(lines.count == 6)
        #expect(lines.last == "")
        let ids = NDJSON.values(response.text)
        #expect(ids == server.spans(project: "demo").prefix(5).compactMap { $0["id"]?.stringValue })
        #expect(ids == ids.sorted(by: >))
        let firstObject = try JSONParser.parse(String(lines[0]))
        #expect(firstObject["project_id"] != nil)
        #expect(firstObject["project_name"] == nil)
        // Each object travels in its own chunk: "<hex size>\r\n<object>\r\n\r\n".
        let wire = String(decoding: response.wireBody, as: UTF8.self)
        #expect(wire.hasPrefix(String(lines[0].utf8.count + 2, radix: 16) + "\r\n" + lines[0] + "\r\n\r\n"))
        #expect(wire.hasSuffix("0\r\n\r\n"))
    }

    @Test func cursorPagingVisitsEverySpanOnceInIdOrder() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "demo", count: 47)
        let client = RawHTTPClient(port: server.port)
        var seen: [String] = []
        var cursor: String?
        while true {
            let body = cursor.map { #"{"project_name":"demo","limit":10,"last_retrieved_id":"\#($0)"}"# }
                ?? #"{"project_name":"demo","limit":10}"#
            let page = NDJSON.values(client.send("POST", "/v1/private/spans/search", body: body).text)
            seen += page
            guard page.count == 10 else { break }
            cursor = page.last
        }
        #expect(seen.count == 47)
        #expect(seen == seen.sorted(by: >))
        #expect(Set(seen).count == 47)
    }

    @Test(arguments: [0, 2001])
    func searchLimitOutsideRangeIs422(limit: Int) throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "demo", count: 1)
        let response = RawHTTPClient(port: server.port).send(
            "POST", "/v1/private/spans/search", body: #"{"project_name":"demo","limit":\#(limit)}"#)
        #expect(response.status == 422)
        #expect(response.json?["errors"]?.arrayValue?.count == 1)
    }

    @Test(arguments: [
        (#"[{"field":"name","operator":">=","value":"a"}]"#, "Invalid operator '>=' for field 'name' of type 'STRING'"),
        (#"[{"field":"metadata","key":"model","operator":">=","value":"1"}]"#,
            "Invalid operator '>=' for field 'metadata' of type 'DICTIONARY'"),
        (#"[{"field":"feedback_scores","operator":">","value":"0.5"}]"#,
            "Invalid value '0.5' or key 'null' for field 'feedback_scores' of type 'FEEDBACK_SCORES_NUMBER'"),
        (#"[{"field":"start_time","operator":">","value":"yesterday"}]"#,
            "Invalid value 'yesterday' or key 'null' for field 'start_time' of type 'DATE_TIME'"),
        (#"[{"field":"nope","operator":"=","value":"x"}]"#,
            #"Invalid filters query parameter '[{"field":"nope","operator":"=","value":"x"}]'"#),
    ])
    func invalidFiltersAre400WithTheServersMessage(filters: String, message: String) throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "demo", count: 1)
        let response = RawHTTPClient(port: server.port).send(
            "GET", "/v1/private/spans?project_name=demo&filters=" + encoded(filters))
        #expect(response.status == 400)
        #expect(response.json == .object([("code", 400), ("message", .string(message))]))
    }

    @Test func filtersSelectMatchingSpans() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "demo", count: 60)
        let all = server.spans(project: "demo")
        let client = RawHTTPClient(port: server.port)
        func total(_ filters: String) -> Int? {
            client.send("GET", "/v1/private/spans?project_name=demo&filters=" + encoded(filters)).json?["total"]?.doubleValue.map { Int($0) }
        }
        let llm = all.count { $0["type"] == "llm" }
        #expect(llm > 0)
        #expect(total(#"[{"field":"type","operator":"=","value":"llm"}]"#) == llm)
        #expect(total(#"[{"field":"name","operator":"contains","value":"LLM_"}]"#) == all.count { $0["name"] == "llm_call" })
        #expect(total(#"[{"field":"usage.total_tokens","operator":">=","value":"0"}]"#) == all.count)
        #expect(total(#"[{"field":"metadata","key":"environment","operator":"=","value":"STAGING"}]"#)
            == all.count { $0["metadata"]?["environment"] == "staging" })
        #expect(total(#"[{"field":"type","operator":"in","value":"llm, tool"}]"#)
            == all.count { $0["type"] == "llm" || $0["type"] == "tool" })
        #expect(total(#"[{"field":"tags","operator":"is_empty","value":""}]"#) == all.count { $0["tags"] == nil })
    }

    @Test func unknownSpanIs404CodeShapeAndBadBatchIs422ErrorsShape() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let client = RawHTTPClient(port: server.port)
        let missing = client.send("GET", "/v1/private/spans/\(spanID(9))")
        #expect(missing.text == #"{"code":404,"message":"Span id: \#(spanID(9)) not found"}"#)
        let empty = client.send("POST", "/v1/private/spans/batch", body: #"{"spans":[]}"#)
        #expect(empty.status == 422)
        #expect(empty.text == #"{"errors":["spans size must be between 1 and 1000"]}"#)
        let v4 = client.send("POST", "/v1/private/spans",
            body: #"{"id":"3f0e2a5c-1111-4222-8333-444455556666","trace_id":"\#(traceID)","start_time":"2026-07-01T10:00:00Z"}"#)
        #expect(v4.text == #"{"code":400,"message":"Invalid UUID for id","details":"Span id must be a version 7 UUID"}"#)
        let cost = client.send("POST", "/v1/private/spans/batch",
            body: #"{"spans":[{"id":"\#(spanID(1))","start_time":"2026-07-01T10:00:00Z","total_estimated_cost":-1}]}"#)
        #expect(cost.text == #"{"errors":["spans[0].totalEstimatedCost must be greater than or equal to 0.0"]}"#)
        let delete = client.send("DELETE", "/v1/private/spans/\(spanID(1))")
        #expect(delete.status == 501)
        #expect(delete.body.isEmpty)
    }

    @Test func createKeepsExactNumbersAndSecondCreateIsANoOp() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let client = RawHTTPClient(port: server.port)
        let body = #"{"id":"\#(spanID(1))","project_name":" Demo ","trace_id":"\#(traceID)","name":"a","start_time":"2026-07-01T10:00:00Z","end_time":"2026-07-01T10:00:01.5Z","total_estimated_cost":0.10,"metadata":{"z":1,"a":2}}"#
        let created = client.send("POST", "/v1/private/spans", body: body)
        #expect(created.status == 201)
        #expect(created.header("Location")?.hasSuffix("/v1/private/spans/\(spanID(1))") == true)
        _ = client.send("POST", "/v1/private/spans", body: body.replacingOccurrences(of: #""name":"a""#, with: #""name":"b""#))
        let span = client.send("GET", "/v1/private/spans/\(spanID(1))").json
        #expect(span?["name"] == "a")
        #expect(span?["project_name"] == "Demo")
        #expect(span?["total_estimated_cost"] == .number("0.10"))
        #expect(span?["duration"] == .number("1500.0"))
        #expect(span?["metadata"] == .object([("z", 1), ("a", 2)]))
    }

    @Test func batchUpsertKeepsTheRowWithTheGreatestLastUpdatedAt() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let client = RawHTTPClient(port: server.port)
        func write(_ name: String, _ updated: String) -> Int {
            client.send("POST", "/v1/private/spans/batch", body: #"{"spans":[{"id":"\#(spanID(1))","project_name":"p","trace_id":"\#(traceID)","name":"\#(name)","start_time":"2026-07-01T10:00:00Z","last_updated_at":"\#(updated)"}]}"#).status
        }
        #expect(write("first", "2026-07-01T10:00:05Z") == 204)
        #expect(write("older", "2026-07-01T10:00:01Z") == 204)
        #expect(server.span(id: spanID(1))?["name"] == "first")
        #expect(write("newer", "2026-07-01T10:00:09Z") == 204)
        #expect(server.span(id: spanID(1))?["name"] == "newer")
    }

    @Test(arguments: [
        (#"{"trace_id":"01900000-0000-7000-8000-0000000000ff","project_name":"p"}"#, "trace_id does not match the existing span"),
        (#"{"trace_id":"\#(traceID)","project_name":"p"}"#, "parent_span_id does not match the existing span"),
        (#"{"trace_id":"\#(traceID)","project_name":"other","parent_span_id":"\#(spanID(7))"}"#,
            "Project name and workspace name do not match the existing span"),
    ])
    func patchWithMismatchedIdentityIs409(body: String, message: String) throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.insert(span: ["id": .string(spanID(1)), "trace_id": .string(traceID), "parent_span_id": .string(spanID(7)),
            "start_time": "2026-07-01T10:00:00Z"], project: "p")
        let response = RawHTTPClient(port: server.port).send("PATCH", "/v1/private/spans/\(spanID(1))", body: body)
        #expect(response.status == 409)
        #expect(response.json == ["errors": [.string(message)]])
    }

    @Test func patchIgnoresTagEditsAsReleasedServersDoAndCreatesPlaceholders() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.insert(span: ["id": .string(spanID(1)), "trace_id": .string(traceID), "start_time": "2026-07-01T10:00:00Z",
            "tags": ["a", "b"]], project: "p")
        let client = RawHTTPClient(port: server.port)
        let patched = client.send("PATCH", "/v1/private/spans/\(spanID(1))",
            body: #"{"trace_id":"\#(traceID)","project_name":"P","tags_to_add":["c"],"tags_to_remove":["a"]}"#)
        #expect(patched.status == 204)
        #expect(server.span(id: spanID(1))?["tags"] == ["a", "b"])
        let batch = client.send("PATCH", "/v1/private/spans/batch",
            body: #"{"ids":["\#(spanID(1))"],"update":{"trace_id":"\#(traceID)","tags_to_add":["c"],"tags_to_remove":["a"]}}"#)
        #expect(batch.status == 204)
        #expect(server.span(id: spanID(1))?["tags"] == ["b", "c"])
        let placeholder = client.send("PATCH", "/v1/private/spans/\(spanID(2))", body: #"{"trace_id":"\#(traceID)","name":"later"}"#)
        #expect(placeholder.status == 204)
        #expect(server.span(id: spanID(2))?["project_name"] == "Default Project")
    }

    @Test func scoresAndCommentsShowOnSpans() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.insert(span: ["id": .string(spanID(1)), "trace_id": .string(traceID), "start_time": "2026-07-01T10:00:00Z"], project: "p")
        let client = RawHTTPClient(port: server.port)
        #expect(client.send("PUT", "/v1/private/spans/\(spanID(1))/feedback-scores",
            body: #"{"name":"accuracy","value":0.90,"source":"sdk","reason":"ok"}"#).status == 204)
        #expect(client.send("PUT", "/v1/private/spans/\(spanID(2))/feedback-scores",
            body: #"{"name":"accuracy","value":1,"source":"sdk"}"#).status == 404)
        let comment = client.send("POST", "/v1/private/spans/\(spanID(1))/comments", body: #"{"text":"looks right"}"#)
        #expect(comment.status == 201)
        let commentID = try #require(comment.json?["id"]?.stringValue)
        #expect(comment.header("Location")?.hasSuffix("/comments/\(commentID)") == true)
        let span = client.send("GET", "/v1/private/spans/\(spanID(1))").json
        #expect(span?["feedback_scores"]?.arrayValue?.first?["value"] == .number("0.90"))
        #expect(span?["comments"]?.arrayValue?.first?["text"] == "looks right")
        let projectID = try #require(span?["project_id"]?.stringValue)
        #expect(client.send("GET", "/v1/private/spans/feedback-scores/names?project_id=\(projectID)").json
            == ["scores": [["name": "accuracy"]]])
        #expect(client.send("POST", "/v1/private/spans/comments/delete", body: #"{"ids":["\#(commentID)","\#(spanID(5))"]}"#).status == 204)
        #expect(server.comments(spanId: spanID(1)).isEmpty)
    }

    @Test(arguments: [(Fault.truncateStream(afterObjects: 2), 2, false), (.streamTimeoutMarker(afterObjects: 3), 4, true)])
    func streamFaultsEndTheStreamEarly(fault: Fault, lines: Int, hasMarker: Bool) throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "demo", count: 10)
        server.inject(fault, pathPrefix: "/v1/private/spans/search")
        let response = RawHTTPClient(port: server.port).send("POST", "/v1/private/spans/search", body: #"{"project_name":"demo"}"#)
        #expect(response.isComplete)
        let objects = response.text.split(separator: "\r\n")
        #expect(objects.count == lines)
        #expect((objects.last == #"{"code":500,"message":"Streaming operation timed out"}"#) == hasMarker)
    }

    @Test func authenticationAndWorkspaceChecks() throws {
        let server = try OpikTestServer.start(apiKey: "secret")
        defer { server.stop() }
        let client = RawHTTPClient(port: server.port)
        let path = "/v1/private/projects"
        // With authentication on, the workspace is required first (also alongside a valid key).
        #expect(client.send("GET", path).text == #"{"code":403,"message":"Workspace name should be provided"}"#)
        #expect(client.send("GET", "/api" + path, headers: [("Authorization", "secret")]).status == 403)
        #expect(client.send("GET", path + "?workspace_name=default", headers: [("Authorization", "secret")]).status == 200)
        let workspace = ("Comet-Workspace", "default")
        #expect(client.send("GET", path, headers: [workspace]).text == #"{"code":401,"message":"API key should be provided"}"#)
        #expect(client.send("GET", path, headers: [workspace, ("Authorization", "wrong")]).text
            == #"{"code":401,"message":"User not allowed to access workspace!"}"#)
        #expect(client.send("GET", path, headers: [("Authorization", "secret"), ("Comet-Workspace", "team")]).text
            == #"{"code":404,"message":"Workspace not found"}"#)
        #expect(client.send("GET", path, headers: [("Authorization", "secret"), ("Comet-Workspace", "default")]).status == 200)
    }

    @Test func rateLimitedBucketsCarryHeadersThenAnswer429() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "demo", count: 1)
        server.setRateLimit(bucket: "Get-Spans", limit: 1, windowMillis: 60_000)
        let client = RawHTTPClient(port: server.port)
        let first = client.send("GET", "/v1/private/spans?project_name=demo")
        #expect(first.status == 200)
        #expect(first.header("Opik-Get-Spans-Limit") == "get_spans")
        #expect(first.header("Opik-Get-Spans-Remaining-Limit") == "0")
        let second = client.send("GET", "/v1/private/spans?project_name=demo")
        #expect(second.status == 429)
        #expect(second.json?["code"] == 429)
        #expect(second.json?["message"]?.stringValue?.hasPrefix("Too Many Requests: ") == true)
        #expect((second.header("RateLimit-Reset").flatMap { Int($0) } ?? 0) >= 1)
        #expect(client.send("GET", "/v1/private/spans/stats?project_name=demo").status == 200)
    }
}
