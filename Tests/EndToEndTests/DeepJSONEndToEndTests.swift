import Foundation
import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing

/// A span whose input is nested 1000 levels deep (as deep as the server accepts) is created
/// and read back in every format.
@Suite struct DeepJSONEndToEndTests {
    static let depth = 1000

    /// `[{"k":[{"k":…1…}]}]`, `depth` containers.
    static var deepInput: String {
        var open = ""
        var close = ""
        for level in 0..<depth {
            open += level % 2 == 0 ? "[" : #"{"k":"#
            close = (level % 2 == 0 ? "]" : "}") + close
        }
        return open + "1" + close
    }

    @Test func aSpanWith1000LevelsOfInputIsCreatedListedAndShownInEveryFormat() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let file = BinaryRunner.temporaryDirectory() + "/deep.ndjson"
        let record = #"{"name":"deep","type":"tool","start_time":"2026-07-01T10:00:00Z","input":"# + Self.deepInput + "}\n"
        try record.write(toFile: file, atomically: true, encoding: .utf8)
        let created = try server.opik(["spans", "create", "-p", "deep", "--file", file])
        #expect(created.status == 0, "\(created.stderr)")
        let id = created.stdout.trimmingCharacters(in: .newlines)
        let input = try JSONParser.parse(Self.deepInput)
        #expect(server.span(id: id)?["input"] == input)

        for format in ["json", "ndjson"] {
            for command in [["spans", "get", id], ["spans", "list", "-p", "deep"]] {
                let result = try server.opik(command + ["--format", format])
                #expect(result.status == 0, "\(command) \(format): \(result.stderr)")
                #expect(result.stderr == "")
                let printed = try JSONParser.parse(result.stdout)
                let span = format == "json" && command[1] == "list" ? printed.arrayValue?.first : printed
                #expect(span?["input"] == input, "\(command) \(format)")
            }
        }
        for format in ["table", "csv"] {
            for command in [["spans", "get", id], ["spans", "list", "-p", "deep"]] {
                let result = try server.opik(command + ["--format", format])
                #expect(result.status == 0, "\(command) \(format): \(result.stderr)")
                #expect(result.stdout.contains(id))
                let cells = try server.opik(command + ["--format", format, "--fields", "id,input"])
                #expect(cells.status == 0, "\(command) \(format): \(cells.stderr)")
                // CSV quotes the cell and doubles its quotes; the pipe table prints it as it is.
                let cell = format == "csv" ? "\"" + Self.deepInput.replacing("\"", with: "\"\"") + "\"" : Self.deepInput
                #expect(cells.stdout.contains(id + (format == "csv" ? "," : "\t") + cell), "\(command) \(format)")
            }
        }
    }

    @Test func aResponseNestedBeyondTheLimitIsACleanError() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let id = "0190b5d2-7c1e-7a3b-8f00-000000000001"
        let deep = String(repeating: "[", count: JSONParser.maxDepth + 1) + String(repeating: "]", count: JSONParser.maxDepth + 1)
        server.inject(.status(200, headers: [("Content-Type", "application/json")], body: #"{"id":"\#(id)","input":"# + deep + "}"),
                      times: 1, pathPrefix: "/v1/private/spans/\(id)")
        let result = try server.opik(["spans", "get", id, "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("opik: error: get span \(id): the response is not valid JSON (line 1, column "))
        #expect(result.stderr.contains("nesting too deep"))
    }
}
