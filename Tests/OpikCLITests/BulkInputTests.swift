import Foundation
import OpikCLI
import OpikCore
import OpikTestSupport
import Testing

/// What bulk inputs are refused or accepted before anything is sent: repeated keys, where a
/// syntax error is reported, text encodings; and ids that depend on the project.
@Suite struct BulkInputTests {
    static let span1 = BulkScoreUploadTests.span1
    static let span2 = BulkScoreUploadTests.span2
    static let time = "2026-07-01T10:00:00Z"

    static func create(_ input: String, project: String = "p") -> (RunResult, FakeTransport) {
        let transport = FakeTransport()
        transport.stub("POST", BulkCreateTests.batchPath, status: 204)
        transport.acceptNewTraces()
        let result = CLIHarness.run(["spans", "create", "-p", project, "--file", "-", "--format", "ndjson"],
                                    transport: transport, stdin: input)
        return (result, transport)
    }

    static func upload(_ input: String, csv: Bool = false) -> (RunResult, FakeTransport) {
        let transport = FakeTransport()
        transport.stub("PUT", BulkScoreUploadTests.path, status: 204)
        // Parsing is what these tests check: the span lookups are tested end to end.
        let result = CLIHarness.run(["spans", "score", "upload", "-", "--no-check"] + (csv ? ["--input-format", "csv"] : []),
                                    transport: transport, stdin: input)
        return (result, transport)
    }

    @Test func spansWithTheSameIdAreRefusedNamingBothLines() {
        let input = """
            {"id":"\(Self.span1)","start_time":"\(Self.time)"}
            {"id":"\(Self.span2)","start_time":"\(Self.time)"}
            {"start_time":"\(Self.time)"}
            {"id":"\(Self.span1.uppercased())","start_time":"\(Self.time)","name":"again"}

            """
        let (result, transport) = Self.create(input)
        #expect(result.status == 2)
        #expect(transport.requests.isEmpty)
        #expect(result.stderr == """
            opik: error: <stdin>:4: field "id": the same id as line 1 (the server would keep only one of them)
            hint: nothing was sent; fix the record and run the command again

            """)
    }

    @Test(arguments: [false, true])
    func scoresWithTheSameIdAndNameAreRefusedNamingBothLines(csv: Bool) {
        let rows = [(Self.span1, "accuracy"), (Self.span1, "relevance"), (Self.span2, "accuracy"), (Self.span1, "accuracy")]
        let input = csv
            ? "id,name,value\n" + rows.map { "\($0.0),\($0.1),0.5\n" }.joined()
            : rows.map { #"{"id":"\#($0.0)","name":"\#($0.1)","value":0.5}"# + "\n" }.joined()
        let (result, transport) = Self.upload(input, csv: csv)
        #expect(result.status == 2)
        #expect(transport.requests.isEmpty)
        let (line, first) = csv ? (5, 2) : (4, 1)
        #expect(result.stderr == """
            opik: error: <stdin>:\(line): field "id": the same id and name as line \(first) (the server would keep only one of them)
            hint: nothing was sent; fix the record and run the command again

            """)
    }

    @Test func generatedIdsDependOnTheProjectARecordGoesTo() throws {
        let input = """
            {"name":"a","start_time":"\(Self.time)"}
            {"name":"b","start_time":"\(Self.time)","project_name":"own"}

            """
        let (first, _) = Self.create(input, project: "one")
        let (second, _) = Self.create(input, project: "two")
        let (again, _) = Self.create(input, project: "one")
        #expect(first.status == 0 && second.status == 0)
        #expect(again.stdout == first.stdout)
        let one = try first.stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        let two = try second.stdout.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(one[0]["id"] != two[0]["id"])
        #expect(one[0]["trace_id"] != two[0]["trace_id"])
        // A record that names its project goes there whatever --project says.
        #expect(one[1] == two[1])
    }

    @Test(arguments: [false, true])
    func aRecordCutShortIsReportedOnTheLineItStarts(scores: Bool) {
        let good = { (n: Int) in
            scores ? #"{"id":"\#(Self.span1)","name":"s\#(n)","value":1}"# : #"{"start_time":"\#(Self.time)","name":"\#(n)"}"#
        }
        let cut = scores ? #"{"id":"\#(Self.span2)","name":"a""# : #"{"start_time":"\#(Self.time)""#
        let input = [good(1), good(2), cut, "", good(3), good(4)].joined(separator: "\n") + "\n"
        let (result, transport) = scores ? Self.upload(input) : Self.create(input)
        #expect(result.status == 2)
        #expect(transport.requests.isEmpty)
        #expect(result.stderr == """
            opik: error: <stdin>:3: invalid JSON in the record starting here: expected ',' or '}' in an object at line 5, column 1
            hint: nothing was sent; fix the record and run the command again

            """)
    }

    @Test func csvThatIsNotUTF8IsRefusedNamingTheFileAndLine() throws {
        let transport = FakeTransport()
        let path = NSTemporaryDirectory() + "opik-scores-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        var bytes = Array("id,name,value,reason\n\(Self.span1),a,0.5,fine\n\(Self.span2),a,0.5,caf".utf8)
        bytes += [0xE9] + Array("\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = CLIHarness.run(["spans", "score", "upload", path], transport: transport)
        #expect(result.status == 2)
        #expect(transport.requests.isEmpty)
        #expect(result.stderr.hasPrefix("opik: error: \(path):3: invalid CSV: field 4 is not valid UTF-8 text\n"))
    }

    @Test(arguments: [false, true])
    func aByteOrderMarkStartsJSONInputLikeCSV(array: Bool) throws {
        let spans = [#"{"name":"a","start_time":"\#(Self.time)"}"#, #"{"name":"b","start_time":"\#(Self.time)"}"#]
        let text = array ? "[" + spans.joined(separator: ",") + "]\n" : spans.joined(separator: "\n") + "\n"
        let (withMark, sent) = Self.create("\u{FEFF}" + text)
        let (without, _) = Self.create(text)
        #expect(withMark.status == 0, "\(withMark.stderr)")
        #expect(withMark.stdout == without.stdout)
        #expect(try BulkCreateTests.spans(in: sent.requests(to: BulkCreateTests.batchPath)[0]).count == 2)
        let scores = "\u{FEFF}" + #"{"id":"\#(Self.span1)","name":"a","value":1}"# + "\n"
        let (uploaded, _) = Self.upload(array ? "[" + scores.dropFirst().dropLast() + "]" : scores)
        #expect(uploaded.status == 0, "\(uploaded.stderr)")
    }

    @Test func aByteOrderMarkTakesNoColumnInErrors() {
        let (result, _) = Self.create("\u{FEFF}{\"start_time\" 1}\n")
        #expect(result.stderr.hasPrefix("opik: error: <stdin>:1:15: invalid JSON: expected ':' after key \"start_time\"\n"))
    }
}
