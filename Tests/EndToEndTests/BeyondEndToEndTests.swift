import Foundation
import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing

/// The features no peer has: pacing, --explain, csv (follow and resume are in ReadEndToEndTests).
@Suite struct BeyondEndToEndTests {
    @Test func pacingWaitsForTheRateLimitWindowInsteadOfHitting429() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "app", count: 5000)
        server.setRateLimit(bucket: "Search-Spans", limit: 2, windowMillis: 700)
        let result = try server.opik(["spans", "list", "-p", "app", "--all", "--format", "ndjson", "--fields", "id"])
        #expect(result.status == 0)
        #expect(Set(result.stdout.split(separator: "\n")).count == 5000)
        #expect(result.stderr.contains("opik: rate limit nearly used up; waiting"))
        #expect(!result.stderr.contains("429"))
    }

    @Test func explainShowsTheRequestAndSendsNothing() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let result = try server.opik(["spans", "list", "-p", "app", "--type", "llm", "-f", "name contains \"x\"", "-n", "5", "--explain"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("POST \(server.baseURL)/v1/private/spans/search\n"))
        #expect(result.stdout.contains(#""operator": "contains""#))
        #expect(result.stdout.contains(#""limit": 5"#))
        #expect(server.requests.isEmpty)
    }

    @Test func csvHonoursFieldsAndQuotesCells() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let id = UUIDv7.make(milliseconds: 1_782_907_200_000, random: (3, 4))
        server.insert(span: ["id": .string(id), "trace_id": .string(id), "name": "say \"hi\", then go",
                             "start_time": "2026-07-01T12:00:00Z", "usage": ["total_tokens": 12],
                             "metadata": ["a": [1, 2]]], project: "app")
        let list = try server.opik(["spans", "list", "-p", "app", "--format", "csv", "--fields", "id,name,usage.total_tokens,metadata"])
        #expect(list.status == 0)
        #expect(list.stdout == "id,name,usage.total_tokens,metadata\r\n\(id),\"say \"\"hi\"\", then go\",12,\"{\"\"a\"\":[1,2]}\"\r\n")
        let get = try server.opik(["spans", "get", id, "--format", "csv", "--fields", "id,name"])
        #expect(get.stdout == "id,name\r\n\(id),\"say \"\"hi\"\", then go\"\r\n")
        let stats = try server.opik(["spans", "stats", "-p", "app", "--format", "csv"])
        #expect(stats.stdout.hasPrefix("name,value\r\nspan_count,1\r\n"))
    }
}
