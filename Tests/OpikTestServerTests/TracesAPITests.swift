import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing

/// Trace rows of their own: writes, the 409s, reads, deletes (see docs/SERVER.md#traces).
@Suite struct TracesAPITests {
    typealias F = TraceFixture

    @Test func createIs201ThenTheSameIdIs409AndAnotherProjectIs409() throws {
        let f = try F()
        defer { f.server.stop() }
        let body = #"{"id":"\#(spanID(7))","project_name":"p","name":"n","start_time":"2026-07-01T10:00:00Z"}"#
        let created = f.client.send("POST", "/v1/private/traces", body: body)
        #expect(created.status == 201)
        #expect(created.header("Location")?.hasSuffix("/v1/private/traces/\(spanID(7))") == true)
        let again = f.client.send("POST", "/v1/private/traces", body: body)
        #expect(again.status == 409)
        #expect(again.text == #"{"errors":["Trace already exists"]}"#)
        let elsewhere = f.client.send("POST", "/v1/private/traces", body: body.replacing(#""p""#, with: #""q""#))
        #expect(elsewhere.status == 409)
        #expect(elsewhere.text == #"{"errors":["Project name and workspace name do not match the existing trace"]}"#)
    }

    @Test func createChecksIdAndStartTime() throws {
        let f = try F()
        defer { f.server.stop() }
        let v4 = f.client.send("POST", "/v1/private/traces", body: #"{"id":"0190b5d2-7c1e-4a3b-8f00-000000000001","start_time":"2026-07-01T10:00:00Z"}"#)
        #expect(v4.status == 400)
        #expect(v4.json?["details"] == "Trace id must be a version 7 UUID")
        let noStart = f.client.send("POST", "/v1/private/traces", body: #"{"name":"n"}"#)
        #expect(noStart.status == 422)
        #expect(noStart.text == #"{"errors":["startTime must not be null"]}"#)
        let batch = f.client.send("POST", "/v1/private/traces/batch", body: #"{"traces":[{"name":"n"}]}"#)
        #expect(batch.text == #"{"errors":["traces[0].startTime must not be null"]}"#)
    }

    @Test func batchCreateOverwritesAndNewerWins() throws {
        let f = try F()
        defer { f.server.stop() }
        let newer = #"{"id":"\#(F.empty)","project_name":"p","name":"renamed","start_time":"2026-07-01T11:00:00Z","last_updated_at":"2030-01-01T00:00:00Z"}"#
        #expect(f.client.send("POST", "/v1/private/traces/batch", body: #"{"traces":[\#(newer)]}"#).status == 204)
        let older = newer.replacing("renamed", with: "stale").replacing("2030", with: "2020")
        #expect(f.client.send("POST", "/v1/private/traces/batch", body: #"{"traces":[\#(older)]}"#).status == 204)
        #expect(f.get("/v1/private/traces/\(F.empty)").json?["name"] == "renamed")
    }

    @Test func getIs404WithoutATraceRowEvenWhenSpansCarryTheId() throws {
        let f = try F()
        defer { f.server.stop() }
        let missing = f.get("/v1/private/traces/\(F.rowless)")
        #expect(missing.status == 404)
        #expect(missing.text == #"{"code":404,"message":"Trace id: \#(F.rowless) not found"}"#)
        #expect(f.get("/v1/private/traces/not-a-uuid").text == #"{"code":404,"message":"HTTP 404 Not Found"}"#)
        let listed = F.content(f.get("/v1/private/traces?project_name=p")).compactMap { $0["id"]?.stringValue }
        #expect(listed == [F.empty, F.full])
        #expect(NDJSON.values(f.client.send("POST", "/v1/private/traces/search", body: #"{"project_name":"p"}"#).text) == [F.empty, F.full])
    }

    @Test func listNeedsAKnownProjectAndPages() throws {
        let f = try F()
        defer { f.server.stop() }
        #expect(f.get("/v1/private/traces").text
            == #"{"code":400,"message":"Either 'project_name' or 'project_id' query params must be provided"}"#)
        #expect(f.get("/v1/private/traces?project_name=nope&exclude=bogus").text == #"{"code":404,"message":"Project name: nope not found"}"#)
        let page = f.get("/v1/private/traces?project_name=p&page=2&size=1").json
        #expect(page?["page"] == 2)
        #expect(page?["size"] == 1)
        #expect(page?["total"] == 2)
        #expect(page?["content"]?[0]?["id"]?.stringValue == F.full)
        #expect(page?["sortableBy"]?.arrayValue?.first == "id")
        #expect(page?["sortableBy"]?.arrayValue?.contains("span_count") == true)
        #expect(page?["sortableBy"]?.arrayValue?.contains("created_at") == false)
    }

    @Test func patchUpdatesTagsAndWritesAPlaceholderForAnUnknownId() throws {
        let f = try F()
        defer { f.server.stop() }
        let path = "/v1/private/traces/\(F.full)"
        #expect(f.client.send("PATCH", path, body: #"{"project_name":"p","tags_to_add":["a","b"],"tags_to_remove":["prod"],"output":{"x":1}}"#).status == 204)
        let trace = f.get(path).json
        #expect(trace?["tags"] == ["a", "b"])
        #expect(trace?["output"] == .object([("x", 1)]))
        #expect(f.client.send("PATCH", path, body: #"{"project_name":"q"}"#).text
            == #"{"errors":["Project name and workspace name do not match the existing trace"]}"#)
        let v4 = f.client.send("PATCH", "/v1/private/traces/0190b5d2-7c1e-4a3b-8f00-000000000001", body: #"{"name":"x"}"#)
        #expect(v4.json?["details"] == "Trace id must be a version 7 UUID")
        let tooMany = #"{"project_name":"p","tags_to_add":[\#((0..<51).map { "\"t\($0)\"" }.joined(separator: ","))]}"#
        #expect(f.client.send("PATCH", path, body: tooMany).text == #"{"errors":["Tag limit exceeded: maximum 50 tags per item"]}"#)
        let unknown = spanID(300)
        #expect(f.client.send("PATCH", "/v1/private/traces/\(unknown)", body: #"{"project_name":"p","name":"late"}"#).status == 204)
        let placeholder = f.get("/v1/private/traces/\(unknown)").json
        #expect(placeholder?["start_time"] == "1970-01-01T00:00:00Z")
        #expect(placeholder?["name"] == "late")
        // The create that follows fills the placeholder in (values already stored win).
        let create = #"{"id":"\#(unknown)","project_name":"p","name":"early","start_time":"2026-07-01T12:00:00Z"}"#
        #expect(f.client.send("POST", "/v1/private/traces", body: create).status == 201)
        #expect(f.get("/v1/private/traces/\(unknown)").json?["start_time"] == "2026-07-01T12:00:00Z")
        #expect(f.get("/v1/private/traces/\(unknown)").json?["name"] == "late")
    }

    @Test func batchPatchAppliesToKnownIdsAndMergesTags() throws {
        let f = try F()
        defer { f.server.stop() }
        let body = #"{"ids":["\#(F.full)","\#(F.empty)","\#(spanID(999))"],"update":{"tags":["x"]},"merge_tags":true}"#
        #expect(f.client.send("PATCH", "/v1/private/traces/batch", body: body).status == 204)
        #expect(f.get("/v1/private/traces/\(F.full)").json?["tags"] == ["prod", "x"])
        #expect(f.get("/v1/private/traces/\(F.empty)").json?["tags"] == ["x"])
        #expect(f.get("/v1/private/traces/\(spanID(999))").status == 404)
    }

    @Test func deleteCascadesToSpansScoresAndComments() throws {
        let f = try F()
        defer { f.server.stop() }
        let score = #"{"name":"q","value":1,"source":"sdk"}"#
        #expect(f.client.send("PUT", "/v1/private/traces/\(F.full)/feedback-scores", body: score).status == 204)
        let comment = try #require(f.client.send("POST", "/v1/private/traces/\(F.full)/comments", body: #"{"text":"hi"}"#).json?["id"]?.stringValue)
        let before = try #require(f.get("/v1/private/traces/\(F.full)").json)
        #expect(before["feedback_scores"]?.arrayValue?.count == 1)
        #expect(before["comments"]?.arrayValue?.count == 1)
        #expect(f.client.send("POST", "/v1/private/traces/delete", body: #"{"ids":[]}"#).text
            == #"{"errors":["ids size must be between 1 and 1000"]}"#)
        let body = #"{"ids":["\#(F.full)","\#(F.rowless)"],"project_id":"\#(projectID(f, "p"))"}"#
        #expect(f.client.send("POST", "/v1/private/traces/delete", body: body).status == 204)
        #expect(f.get("/v1/private/traces/\(F.full)").status == 404)
        #expect(f.get("/v1/private/traces/\(F.full)/comments/\(comment)").status == 404)
        #expect(f.server.spans(project: "p").isEmpty)
        // The project restricts the cascade: the span of `full` in another project stays.
        #expect(f.server.spans(project: "other").count == 1)
        #expect(f.client.send("DELETE", "/v1/private/traces/\(F.empty)").status == 204)
        #expect(f.client.send("DELETE", "/v1/private/traces/\(F.empty)").status == 204)
        #expect(f.server.traces(project: "p").isEmpty)
        // The same id written again is a new trace: nothing of the deleted one comes back.
        let again = #"{"traces":[{"id":"\#(F.full)","project_name":"p","name":"again","start_time":"2026-07-01T10:00:00Z"}]}"#
        #expect(f.client.send("POST", "/v1/private/traces/batch", body: again).status == 204)
        let recreated = try #require(f.get("/v1/private/traces/\(F.full)").json)
        #expect(recreated["name"] == "again")
        #expect(recreated["feedback_scores"] == nil)
        #expect(recreated["comments"] == nil)
        #expect(f.get("/v1/private/traces/\(F.full)/comments/\(comment)").status == 404)
    }

    @Test func existsLooksAtTraceRowsOnly() throws {
        let f = try F()
        defer { f.server.stop() }
        #expect(f.get("/v1/private/traces/exists?project_name=p").json?["exists"] == true)
        #expect(f.get("/v1/private/traces/exists?project_name=other").json?["exists"] == false)
        #expect(f.get("/v1/private/traces/exists?project_name=p&thread_only=true").json?["exists"] == true)
        #expect(f.get("/v1/private/traces/exists?project_name=p&source=bogus").text == #"{"code":400,"message":"Invalid source 'bogus'"}"#)
    }

    @Test(arguments: [0, 2001])
    func searchLimitOutsideRangeIs422(limit: Int) throws {
        let f = try F()
        defer { f.server.stop() }
        let response = f.client.send("POST", "/v1/private/traces/search", body: #"{"project_name":"p","limit":\#(limit)}"#)
        #expect(response.status == 422)
        #expect(response.json?["errors"]?.arrayValue?.count == 1)
    }

    @Test func searchStreamPagesByCursorWithExcludeAndStripAttachments() throws {
        let f = try F()
        defer { f.server.stop() }
        let first = f.client.send("POST", "/v1/private/traces/search",
            body: #"{"project_name":"p","limit":1,"exclude":["input","span_count"],"strip_attachments":true,"truncate":true}"#)
        #expect(first.header("Content-Type") == "application/octet-stream")
        #expect(first.text.hasSuffix("\r\n"))
        #expect(NDJSON.values(first.text) == [F.empty])
        let next = f.client.send("POST", "/v1/private/traces/search", body: #"{"project_name":"p","last_retrieved_id":"\#(F.empty)"}"#)
        let object = try JSONParser.parse(String(next.text.split(separator: "\r\n")[0]))
        #expect(object["id"]?.stringValue == F.full)
        #expect(object["span_count"] == 2)
        #expect(object["project_name"] == nil)
        #expect(object["input"] != nil)
        let excluded = f.client.send("POST", "/v1/private/traces/search",
            body: #"{"project_name":"p","last_retrieved_id":"\#(F.empty)","exclude":["input","span_count"]}"#)
        let trimmed = try JSONParser.parse(String(excluded.text.split(separator: "\r\n")[0]))
        #expect(trimmed["id"]?.stringValue == F.full)
        #expect(trimmed["input"] == nil)
        // A primitive on the server: 0 when excluded (see docs/SERVER.md#trace-exclude).
        #expect(trimmed["span_count"] == 0)
        #expect(trimmed["name"] == "answer")
        let bad = f.client.send("POST", "/v1/private/traces/search", body: #"{"project_name":"p","exclude":["model"]}"#)
        #expect(bad.status == 400)
        #expect(bad.json?["message"]?.stringValue?.hasPrefix("Unable to process JSON.") == true)
    }

    @Test func traceBucketsAreRateLimitedAndGetByIdIsNot() throws {
        let f = try F()
        defer { f.server.stop() }
        for bucket in ["Get-Traces", "Search-Traces", "Get-Trace-Stats", "Traces-Exist"] {
            f.server.setRateLimit(bucket: bucket, limit: 1, windowMillis: 60_000)
        }
        let targets = [("GET", "/v1/private/traces?project_name=p", "get_traces"),
            ("POST", "/v1/private/traces/search", "search_traces"), ("GET", "/v1/private/traces/stats?project_name=p", "get_trace_stats"),
            ("GET", "/v1/private/traces/exists?project_name=p", "traces_exist")]
        for (method, target, name) in targets {
            let body = method == "POST" ? #"{"project_name":"p"}"# : nil
            let first = f.client.send(method, target, body: body)
            #expect(first.status == 200)
            #expect(first.headers.contains { $0.0.hasSuffix("-Limit") && $0.1 == name })
            #expect(f.client.send(method, target, body: body).status == 429)
        }
        for _ in 0..<3 {
            // Every limited bucket is spent: a limited get by id would be refused here.
            let byID = f.get("/v1/private/traces/\(F.full)")
            #expect(byID.status == 200)
            #expect(byID.headers.allSatisfy { !$0.0.hasPrefix("Opik-") })
        }
    }
}

/// The id of a project, looked up by name.
func projectID(_ f: TraceFixture, _ name: String) -> String {
    f.client.send("POST", "/v1/private/projects/retrieve", body: #"{"name":"\#(name)"}"#).json?["id"]?.stringValue ?? ""
}
