import OpikCore
import OpikTestServer
import Testing

/// Feedback scores and comments on traces: the span design with the trace's messages
/// (see docs/SERVER.md#feedback-scores, docs/SERVER.md#comments and docs/SERVER.md#trace-endpoints).
@Suite struct TraceScoresCommentsTests {
    typealias F = TraceFixture

    @Test func scoresShowOnTheTraceAndDeleteByName() throws {
        let f = try F()
        defer { f.server.stop() }
        let path = "/v1/private/traces/\(F.full)/feedback-scores"
        #expect(f.client.send("PUT", path, body: #"{"name":"rating","value":4,"source":"sdk","reason":"good"}"#).status == 204)
        let score = f.get("/v1/private/traces/\(F.full)").json?["feedback_scores"]?[0]
        #expect(score?["name"] == "rating")
        #expect(score?["value"] == 4)
        #expect(score?["value_by_author"]?["admin"]?["reason"] == "good")
        #expect(f.client.send("POST", path + "/delete", body: #"{"name":"rating"}"#).status == 204)
        #expect(f.get("/v1/private/traces/\(F.full)").json?["feedback_scores"] == nil)
        let unknown = f.client.send("PUT", "/v1/private/traces/\(F.rowless)/feedback-scores", body: #"{"name":"r","value":1,"source":"sdk"}"#)
        #expect(unknown.text == #"{"code":404,"message":"Trace id: \#(F.rowless) not found"}"#)
    }

    @Test func oneNonVersion7IdRejectsTheWholeBatch() throws {
        let f = try F()
        defer { f.server.stop() }
        let good = #"{"id":"\#(F.full)","project_name":"p","name":"a","value":1,"source":"sdk"}"#
        let bad = #"{"id":"0190b5d2-7c1e-4a3b-8f00-000000000001","project_name":"p","name":"a","value":1,"source":"sdk"}"#
        let response = f.client.send("PUT", "/v1/private/traces/feedback-scores", body: #"{"scores":[\#(good),\#(bad)]}"#)
        #expect(response.status == 400)
        #expect(response.json?["details"] == "trace id must be a version 7 UUID")
        #expect(f.get("/v1/private/traces/\(F.full)").json?["feedback_scores"] == nil)
    }

    @Test func batchScoresWithoutTheProjectNameLandInDefaultProject() throws {
        let f = try F()
        defer { f.server.stop() }
        let unnamed = #"{"id":"\#(F.full)","name":"a","value":1,"source":"sdk"}"#
        let named = #"{"id":"\#(F.full)","project_name":"p","name":"b","value":2,"source":"sdk"}"#
        #expect(f.client.send("PUT", "/v1/private/traces/feedback-scores", body: #"{"scores":[\#(unnamed),\#(named)]}"#).status == 204)
        let names = f.get("/v1/private/traces/\(F.full)").json?["feedback_scores"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(names == ["b"])
        #expect(f.client.send("POST", "/v1/private/projects/retrieve", body: #"{"name":"Default Project"}"#).status == 200)
    }

    @Test func scoreNamesTakeAnOptionalProject() throws {
        let f = try F()
        defer { f.server.stop() }
        _ = f.client.send("PUT", "/v1/private/traces/\(F.full)/feedback-scores", body: #"{"name":"rating","value":1,"source":"sdk"}"#)
        #expect(f.get("/v1/private/traces/feedback-scores/names").text == #"{"scores":[{"name":"rating"}]}"#)
        #expect(f.get("/v1/private/traces/feedback-scores/names?project_id=\(projectID(f, "other"))").text == #"{"scores":[]}"#)
        #expect(f.get("/v1/private/traces/feedback-scores/names?project_id=\(spanID(5))").text == #"{"errors":["Project not found"]}"#)
        // Span score names still need the project.
        #expect(f.get("/v1/private/spans/feedback-scores/names").status == 400)
    }

    @Test func commentsAreCreatedReadEditedAndDeleted() throws {
        let f = try F()
        defer { f.server.stop() }
        let created = f.client.send("POST", "/v1/private/traces/\(F.full)/comments", body: #"{"text":"first"}"#)
        #expect(created.status == 201)
        let id = try #require(created.json?["id"]?.stringValue)
        #expect(created.header("Location")?.hasSuffix("/v1/private/traces/\(F.full)/comments/\(id)") == true)
        #expect(f.get("/v1/private/traces/\(F.full)/comments/\(id)").json?["text"] == "first")
        #expect(f.client.send("PATCH", "/v1/private/traces/comments/\(id)", body: #"{"text":"edited"}"#).status == 204)
        let comments = f.get("/v1/private/traces/\(F.full)").json?["comments"]
        #expect(comments?[0]?["text"] == "edited")
        #expect(comments?[0]?["created_by"] == "admin")
        #expect(f.client.send("POST", "/v1/private/traces/comments/delete", body: #"{"ids":["\#(id)"]}"#).status == 204)
        #expect(f.get("/v1/private/traces/\(F.full)/comments/\(id)").text == #"{"code":404,"message":"Comment id: \#(id) not found"}"#)
        let missing = f.client.send("POST", "/v1/private/traces/\(F.rowless)/comments", body: #"{"text":"x"}"#)
        #expect(missing.text == #"{"code":404,"message":"trace id: \#(F.rowless) not found"}"#)
    }
}
