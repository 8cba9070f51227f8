import Foundation
import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing

/// The built binary refusing command-line mistakes before anything reaches the server:
/// status 2, the message said once, where it helps a suggestion or a caret.
@Suite struct UsageErrorEndToEndTests {
    static func searches(_ server: OpikTestServer) -> [RecordedRequest] {
        server.requests.filter { $0.path.hasPrefix("/v1/private/spans") }
    }

    @Test func fieldsMistakesAreUsageErrorsAndDynamicPathsAreFree() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "app", count: 3)
        for (fields, message) in [
            ("id,,name", #"invalid --fields: empty field name at position 2 in "id,,name""#),
            ("", #"invalid --fields: empty field name at position 1 in """#),
            ("id,nmae", "invalid --fields: unknown field 'nmae' (did you mean 'name'?)"),
        ] {
            let result = try server.opik(["spans", "list", "-p", "app", "--fields", fields])
            #expect(result.status == 2, "\(fields)")
            #expect(result.stderr == "opik: error: \(message)\n")
        }
        #expect(Self.searches(server).isEmpty)
        let free = "id,feedback_scores.accuracy,usage.total_tokens,metadata.a,input.q,output.r"
        let result = try server.opik(["spans", "list", "-p", "app", "--fields", free, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix(free + "\r\n"))
    }

    @Test func aBadSortIsSaidOnce() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let result = try server.opik(["spans", "list", "-p", "app", "--sort", "nmae:desc"])
        #expect(result.status == 2)
        #expect(result.stderr == "opik: error: unknown --sort field 'nmae' (did you mean 'name'?)\n")
        #expect(Self.searches(server).isEmpty)
    }

    @Test func aFilterErrorPointsAtItsColumn() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let result = try server.opik(["spans", "list", "-p", "app", "-f", #"type = "llm" and duration > fast"#])
        #expect(result.status == 2)
        #expect(result.stderr == """
            opik: error: invalid --filter 'type = "llm" and duration > fast': column 29: invalid number 'fast'; write numbers like 42, -3 or 0.5
              type = "llm" and duration > fast
                                          ^
            hint: see 'opik help filters'

            """)
        #expect(Self.searches(server).isEmpty)
    }

    @Test(arguments: [
        (#"type is_empty"#, "operator 'is_empty' is not allowed on 'type' (enum); use =, !=, in or not_in"),
        (#"type is_not_empty"#, "operator 'is_not_empty' is not allowed on 'type' (enum); use =, !=, in or not_in"),
        (#"usage.total_tokens > 1.5"#, "'usage.total_tokens' takes a whole number, not 1.5"),
        (#"name = " ""#, "'=' on 'name' needs a value that is not blank"),
    ])
    func filtersTheServerFailsOnAreRefusedBeforeSending(expression: String, message: String) throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        for command in [["spans", "list"], ["spans", "stats"]] {
            let result = try server.opik(command + ["-p", "app", "-f", expression])
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr.hasPrefix("opik: error: invalid --filter '\(expression)': column "))
            #expect(result.stderr.contains(message))
        }
        #expect(Self.searches(server).isEmpty)
    }

    @Test func aSpanCreatedWithoutTypeIsGeneral() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        let result = try server.opik(["spans", "create", "-p", "app", "--name", "plain"])
        #expect(result.status == 0, "\(result.stderr)")
        let id = result.stdout.trimmingCharacters(in: .newlines)
        #expect(server.span(id: id)?["type"] == "general")
    }
}
