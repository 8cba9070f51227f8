import Foundation
import OpikCore
import OpikTestServer
import OpikTestSupport
import Testing

/// The built binary on pseudo-terminals of several widths, as a person at tmux sees it.
@Suite struct TerminalEndToEndTests {
    static let allHeaders = Entity.span.defaultColumns.map(\.header)

    /// The header words of a table's first line.
    func headers(_ table: String) -> [String] {
        (table.split(separator: "\n").first ?? "").split(separator: " ").map(String.init)
    }

    @Test(arguments: [60, 80, 120, 200])
    func theTableFitsTheTerminalDroppingColumnsInsteadOfCuttingThem(columns: Int) throws {
        try OpikTestServer.with { server in
            server.seed(project: "app", count: 80)
            let result = try TerminalRun.run(["spans", "list", "-p", "app", "-n", "40", "--no-color"], columns: columns, environment: server.environment)
            #expect(result.status == 0)
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.count == 41)
            for line in lines { #expect(DisplayWidth.of(String(line)) <= columns, "\(line)") }
            // Headers are whole words from the default set, in order, never cut.
            let shown = headers(result.stdout)
            #expect(shown.allSatisfy { Self.allHeaders.contains($0) })
            #expect(shown == Self.allHeaders.filter { shown.contains($0) })
            #expect(Array(shown.prefix(2)) == ["ID", "NAME"])
            // What is left out is left out in the documented order.
            let dropped = Self.allHeaders.filter { !shown.contains($0) }
            #expect(Set(dropped) == Set(Entity.span.narrowDropOrder.prefix(dropped.count)))
            switch columns {
            case 60: #expect(!shown.contains("MODEL") && !shown.contains("SCORES"))
            case 200: #expect(shown == Self.allHeaders)
            default: break
            }
            // Ids whole (and the server's), names whole: nothing in those columns is cut.
            let ids = Set(server.spans(project: "app").compactMap { $0["id"]?.stringValue })
            let names = Set(server.spans(project: "app").compactMap { $0["name"]?.stringValue })
            for line in lines.dropFirst() {
                let cells = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                #expect(ids.contains(cells[0]))
                #expect(names.contains(cells[1]), "\(line)")
            }
        }
    }

    @Test func everyIdOnScreenWorksWithGet() throws {
        try OpikTestServer.with { server in
            server.seed(project: "app", count: 5)
            let table = try TerminalRun.run(["spans", "list", "-p", "app", "--no-color"], columns: 80, environment: server.environment)
            let id = try #require(table.stdout.split(separator: "\n").dropFirst().first?.split(separator: " ").first)
            let get = try server.opik(["spans", "get", String(id), "--format", "json"])
            #expect(get.status == 0)
            #expect(get.stdout.contains(#""id": "\#(id)""#))
            let score = try server.opik(["spans", "score", "add", String(id), "accuracy=0.5"])
            #expect(score.status == 0)
            #expect(server.scores(spanId: String(id)).contains { $0["name"] == "accuracy" })
        }
    }

    @Test(arguments: [60, 120, 200])
    func followShowsTableRowsAsTheyArrive(columns: Int) throws {
        try OpikTestServer.with { server in
            server.seed(project: "app", count: 3)
            let run = try TerminalRun(["spans", "list", "-p", "app", "--follow", "--no-color"], columns: columns, environment: server.environment)
            #expect(run.waitFor { out, _ in out.split(separator: "\n").count == 4 })
            #expect(run.shown.stdout.hasPrefix("ID "))
            let newId = server.insertLateSpan(project: "app", random: (1, 2))
            // The row shows while the command still runs, its id whole.
            #expect(run.waitFor { out, _ in out.contains(newId + "  late_arrival") })
            run.interrupt()
            let result = run.wait()
            #expect(result.status == 0)
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.count == 5)
            #expect(lines.filter { $0.hasPrefix("ID ") }.count == 1)
            for line in lines { #expect(DisplayWidth.of(String(line)) <= columns, "\(line)") }
            #expect(headers(result.stdout).contains("NAME"))
            if columns == 200 { #expect(headers(result.stdout) == Self.allHeaders) }
        }
    }

    @Test(arguments: ["csv", "json"])
    func followStreamsRowsInAPipeToo(format: String) throws {
        try OpikTestServer.with { server in
            server.seed(project: "app", count: 2)
            let run = try RunningBinary(["spans", "list", "-p", "app", "--follow", "--format", format, "--fields", "id,name"],
                                        environment: server.environment)
            #expect(run.waitForOutput { out, _ in out.components(separatedBy: "0").count > 2 })
            let newId = server.insertLateSpan(project: "app", random: (3, 4))
            #expect(run.waitForOutput { out, _ in out.contains("late_arrival") })
            run.interrupt()
            let result = run.wait()
            #expect(result.status == 0)
            if format == "csv" {
                #expect(result.stdout.hasPrefix("id,name\r\n"))
                #expect(result.stdout.hasSuffix("\(newId),late_arrival\r\n"))
            } else {
                let array = try JSONParser.parse(result.stdout)
                #expect(array.arrayValue?.count == 3)
                #expect(array.arrayValue?.last?["name"] == "late_arrival")
            }
        }
    }

    @Test func statsReadLikeTheListTable() throws {
        try OpikTestServer.with { server in
            server.seed(project: "app", count: 60)
            let result = try TerminalRun.run(["spans", "stats", "-p", "app", "--no-color"], columns: 100, environment: server.environment)
            #expect(result.status == 0)
            let rows = Dictionary(uniqueKeysWithValues: result.stdout.split(separator: "\n").dropFirst().map { line in
                let parts = line.split(separator: " ", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                return (parts[0], parts.count > 1 ? parts[1] : "")
            })
            #expect(rows["span_count"] == "60")
            let duration = try #require(rows["duration"])
            #expect(duration.wholeMatch(of: /p50=\S+(ms|s) p90=\S+(ms|s) p99=\S+(ms|s)/) != nil, "\(duration)")
            #expect(rows["total_estimated_cost"]?.hasPrefix("avg $") == true)
            #expect(rows["total_estimated_cost_sum"]?.hasPrefix("sum $") == true)
            #expect(rows["tags"]?.hasPrefix("avg ") == true)
            #expect(rows["usage_sum.total_tokens"]?.hasPrefix("sum ") == true)
            // Nothing raw: no long fractions anywhere.
            #expect(result.stdout.firstMatch(of: /\.\d{5,}/) == nil, "\(result.stdout)")
            // JSON keeps the exact numbers.
            let json = try server.opik(["spans", "stats", "-p", "app", "--format", "json"])
            let p50 = try JSONParser.parse(json.stdout)["duration"]?["p50"]
            #expect(p50?.doubleValue != nil)
        }
    }

    @Test func anEmptyResultSaysSoOnATerminalOnly() throws {
        try OpikTestServer.with { server in
            server.seed(project: "app", count: 3)
            let args = ["spans", "list", "-p", "app", "-f", "name = \"nothing-like-this\""]
            let terminal = try TerminalRun.run(args, columns: 100, environment: server.environment)
            #expect(terminal.status == 0)
            #expect(terminal.stdout == "")
            #expect(terminal.stderr == "opik: no spans match\n")
            let piped = try server.opik(args)
            #expect(piped.status == 0)
            #expect(piped.stdout == "")
            #expect(piped.stderr == "")
        }
    }

    @Test func aFooterSaysWhenMoreSpansMatchThanShown() throws {
        try OpikTestServer.with { server in
            server.seed(project: "app", count: 1203)
            // The search stream has no total: one span more than shown tells that more match.
            let stream = try TerminalRun.run(["spans", "list", "-p", "app", "--no-color"], columns: 120, environment: server.environment)
            #expect(stream.stdout.split(separator: "\n").count == 51)
            #expect(stream.stderr == "opik: 50 spans shown, more match — use -n or --all\n")
            // The paged list answers with a total.
            let paged = try TerminalRun.run(["spans", "list", "-p", "app", "--sort", "name", "--no-color"], columns: 120, environment: server.environment)
            #expect(paged.stderr == "opik: 50 of 1,203 spans — use -n or --all\n")
            // All shown, in a pipe, or -q: no footer.
            let all = try TerminalRun.run(["spans", "list", "-p", "app", "-n", "1203", "--no-color"], columns: 120, environment: server.environment)
            #expect(all.stderr == "")
            let piped = try server.opik(["spans", "list", "-p", "app"])
            #expect(piped.stdout.split(separator: "\n").count == 50)
            #expect(piped.stderr == "")
            let quiet = try TerminalRun.run(["spans", "list", "-p", "app", "-q"], columns: 120, environment: server.environment)
            #expect(quiet.stderr == "")
        }
    }
}
