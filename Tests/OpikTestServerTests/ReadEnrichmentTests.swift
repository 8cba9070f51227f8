import OpikCore
import OpikTestServer
import Testing

/// What the server adds when it reads spans back: provider in metadata, per-author scores,
/// estimated costs, and no sortable columns for a project without spans.
@Suite struct ReadEnrichmentTests {
    func create(_ client: RawHTTPClient, _ n: Int, _ fields: String) -> Int {
        let body = #"{"id":"\#(spanID(n))","trace_id":"\#(traceID)","project_name":"p","start_time":"2026-07-01T10:00:00Z"\#(fields)}"#
        return client.send("POST", "/v1/private/spans", body: body).status
    }

    func metadata(_ client: RawHTTPClient, _ n: Int, query: String = "") -> String? {
        guard let value = client.send("GET", "/v1/private/spans/\(spanID(n))" + query).json?["metadata"] else { return nil }
        return JSONWriter.compact(value)
    }

    @Test func providerIsPrependedToMetadataOnEveryRead() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let client = RawHTTPClient(port: server.port)
        #expect(create(client, 1, #","provider":"openai","metadata":{"a":1,"b":{"c":2}}"#) == 201)
        #expect(create(client, 2, #","provider":"openai","metadata":["not","an","object"]"#) == 201)
        #expect(create(client, 3, #","provider":"openai","metadata":{"a":1,"provider":"mine"}"#) == 201)
        #expect(create(client, 4, #","provider":"openai""#) == 201)
        #expect(create(client, 5, #","metadata":{"a":1}"#) == 201)
        #expect(create(client, 6, #","provider":"  ","metadata":{"a":1}"#) == 201)
        #expect(metadata(client, 1) == #"{"provider":"openai","a":1,"b":{"c":2}}"#)
        #expect(metadata(client, 2) == #"{"provider":"openai"}"#)
        #expect(metadata(client, 3) == #"{"provider":"mine","a":1}"#)
        #expect(metadata(client, 4) == #"{"provider":"openai"}"#)
        #expect(metadata(client, 5) == #"{"a":1}"#)
        #expect(metadata(client, 6) == #"{"a":1}"#)
        // Lists and the search stream too; excluding metadata still shows the provider.
        let listed = client.send("GET", "/v1/private/spans?project_name=p&exclude=" + encoded(#"["metadata"]"#))
        let first = listed.json?["content"]?.arrayValue?.first { $0["id"]?.stringValue == spanID(1) }
        #expect(first?["metadata"] == .object([("provider", "openai")]))
        let withoutProvider = client.send("GET", "/v1/private/spans?project_name=p&exclude=" + encoded(#"["provider"]"#))
        let plain = withoutProvider.json?["content"]?.arrayValue?.first { $0["id"]?.stringValue == spanID(1) }
        #expect(plain.map { JSONWriter.compact($0["metadata"]!) } == #"{"a":1,"b":{"c":2}}"#)
        let stream = client.send("POST", "/v1/private/spans/search", body: #"{"project_name":"p"}"#).text
        let streamed = stream.split(separator: "\r\n").compactMap { try? JSONParser.parse(String($0)) }
        #expect(streamed.first { $0["id"]?.stringValue == spanID(4) }?["metadata"] == .object([("provider", "openai")]))
        // A blank provider reads back as absent.
        #expect(streamed.first { $0["id"]?.stringValue == spanID(6) }?["provider"] == nil)
        // Filters see the metadata as written.
        let filter = encoded(#"[{"field":"metadata","key":"provider","operator":"is_empty","value":""}]"#)
        let ids = client.send("GET", "/v1/private/spans?project_name=p&filters=" + filter).json?["content"]?.arrayValue?
            .compactMap { $0["id"]?.stringValue }
        #expect(ids?.contains(spanID(1)) == true)
        #expect(ids?.contains(spanID(3)) == false)
    }

    @Test func everyScoreCarriesValueByAuthor() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let client = RawHTTPClient(port: server.port)
        #expect(create(client, 1, "") == 201)
        let path = "/v1/private/spans/\(spanID(1))/feedback-scores"
        #expect(client.send("PUT", path, body: #"{"name":"accuracy","value":0.5,"source":"sdk","reason":"close"}"#).status == 204)
        var score = client.send("GET", "/v1/private/spans/\(spanID(1))").json?["feedback_scores"]?.arrayValue?.first
        #expect(score?["value_by_author"]?["admin"]?["value"] == .number("0.5"))
        #expect(score?["value_by_author"]?["admin"]?["reason"] == "close")
        #expect(score?["value_by_author"]?["admin"]?["source"] == "sdk")
        #expect(score?["value_by_author"]?["admin"]?["last_updated_at"] != nil)
        #expect(score?["value_by_author"]?["admin"]?["span_id"] == nil)
        let batch = #"{"scores":[{"id":"\#(spanID(1))","project_name":"p","name":"accuracy","value":1,"source":"ui","author":"ana"}]}"#
        #expect(client.send("PUT", "/v1/private/spans/feedback-scores", body: batch).status == 204)
        score = client.send("GET", "/v1/private/spans/\(spanID(1))").json?["feedback_scores"]?.arrayValue?.first
        #expect(score?["value"] == .number("0.75"))
        #expect(score?["reason"] == "close, <no reason>")
        #expect(score?["value_by_author"]?["ana"]?["value"] == .number("1"))
        #expect(score?["value_by_author"]?["ana"]?["reason"] == nil)
        #expect(score?["created_by"] == "admin, ana")
    }

    @Test(arguments: [
        // model, provider, usage/metadata/cost fields → cost text and version (nil: none)
        (#""model":"gpt-4o","provider":"openai","usage":{"prompt_tokens":1000,"completion_tokens":100}"#, "0.003500000000", "1.1"),
        (#""model":"openai/gpt-4o-2024-08-06","provider":"openai","usage":{"prompt_tokens":2000000}"#, "5.000000000000", "1.1"),
        (#""model":"Gemini-1.5-Flash","provider":"gemini","usage":{"completion_tokens":1000000}"#, "0.300000000000", "1.1"),
        (#""metadata":{"model":"gpt-4o-mini"},"provider":"openai","usage":{"prompt_tokens":1000000}"#, "0.150000000000", "1.1"),
        (#""model":"gpt-4o","provider":"openai","usage":{"prompt_tokens":1000},"total_estimated_cost":0.25"#, "0.25", nil),
        (#""model":"gpt-4o","provider":"openai","total_estimated_cost_version":"9""#, nil, nil),
        (#""model":"my-own-model","provider":"openai","usage":{"prompt_tokens":1000}"#, nil, nil),
        (#""model":"gpt-4o","usage":{"prompt_tokens":1000}"#, nil, nil),
        (#""metadata":{"cost":{"currency":"USD","total_cost":0.42}}"#, "0.420000000000", "1.1"),
        (#""metadata":{"cost":{"currency":"EUR","total_cost":0.42}}"#, nil, nil),
    ] as [(String, String?, String?)])
    func writesAreCostedLikeTheServer(fields: String, cost: String?, version: String?) throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let client = RawHTTPClient(port: server.port)
        #expect(create(client, 1, "," + fields) == 201)
        let span = client.send("GET", "/v1/private/spans/\(spanID(1))").json
        #expect(span?["total_estimated_cost"] == cost.map { .number($0) })
        #expect(span?["total_estimated_cost_version"] == version.map { .string($0) })
    }

    @Test func updatesRecostFromTheirOwnFieldsOrTakeTheGivenCost() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let client = RawHTTPClient(port: server.port)
        #expect(create(client, 1, #","model":"gpt-4o","provider":"openai","usage":{"prompt_tokens":1000}"#) == 201)
        func patch(_ fields: String) -> JSONValue? {
            let body = #"{"trace_id":"\#(traceID)","project_name":"p"\#(fields)}"#
            #expect(client.send("PATCH", "/v1/private/spans/\(spanID(1))", body: body).status == 204)
            return client.send("GET", "/v1/private/spans/\(spanID(1))").json
        }
        #expect(patch(#","name":"renamed""#)?["total_estimated_cost"] == .number("0.002500000000"))
        let recosted = patch(#","model":"gpt-4o-mini","provider":"openai","usage":{"prompt_tokens":1000000}"#)
        #expect(recosted?["total_estimated_cost"] == .number("0.150000000000"))
        let manual = patch(#","total_estimated_cost":1.5"#)
        #expect(manual?["total_estimated_cost"] == .number("1.5"))
        #expect(manual?["total_estimated_cost_version"] == nil)
        #expect(patch(#","total_estimated_cost":0"#)?["total_estimated_cost"] == nil)
    }

    @Test func aProjectWithoutSpansHasNoSortableColumns() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "demo", count: 3)
        let client = RawHTTPClient(port: server.port)
        // A batch score names a project that does not exist yet: the server creates it, empty.
        let score = #"{"scores":[{"id":"\#(spanID(9))","project_name":"empty","name":"a","value":1,"source":"sdk"}]}"#
        #expect(client.send("PUT", "/v1/private/spans/feedback-scores", body: score).status == 204)
        let empty = client.send("GET", "/v1/private/spans?project_name=empty").json
        #expect(empty?["total"] == 0)
        #expect(empty?["sortableBy"] == .array([]))
        let nothingMatches = client.send("GET", "/v1/private/spans?project_name=demo&search=no-such-text").json
        #expect(nothingMatches?["total"] == 0)
        #expect(nothingMatches?["sortableBy"]?.arrayValue?.contains("usage.*") == true)
    }
}
