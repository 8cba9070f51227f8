import OpikCore
import OpikTestSupport
import Testing

/// Preparing spans straight from the input, on any number of threads, gives exactly what
/// reading every record first and preparing the records after gives.
@Suite struct BulkPreparationTests {
    struct Outcome: Equatable {
        var bodies: [[UInt8]] = []
        var ids: [String] = []
        var traceIds: [String] = []
        var issues: [RecordIssue] = []
        var thrown: RecordIssue?
    }

    static func bodies(_ payload: BulkPayload) -> [[UInt8]] {
        (0..<payload.count).map { Array(payload.record($0)) } + (payload.count > 0 ? [payload.body(key: "spans", batch: 0..<payload.count)] : [])
    }

    /// The two passes of the first implementation.
    static func readThenPrepare(_ input: [UInt8], maxRecordBytes: Int) -> Outcome {
        do {
            let read = try JSONRecordReader.read(input, maxRecordBytes: maxRecordBytes)
            let prepared = RecordPreparation(records: read.records, source: input, entity: .span, derivesTraceIds: true, projectName: "p q", lastUpdatedAt: "2026-07-01T12:00:00.000Z")
            let issues = RecordIssue.merged(read.issues, prepared.issues)
            guard issues.isEmpty else { return Outcome(issues: issues) }
            return Outcome(bodies: bodies(prepared.payload), ids: prepared.ids, traceIds: prepared.traceIds)
        } catch {
            return Outcome(thrown: error)
        }
    }

    static func prepare(_ input: [UInt8], maxRecordBytes: Int, threads: Int) -> Outcome {
        do {
            let prepared = try RecordPreparation(input: input, entity: .span, derivesTraceIds: true, projectName: "p q", lastUpdatedAt: "2026-07-01T12:00:00.000Z",
                                               maxRecordBytes: maxRecordBytes, threads: threads)
            guard prepared.issues.isEmpty else { return Outcome(issues: prepared.issues) }
            return Outcome(bodies: bodies(prepared.payload), ids: prepared.ids, traceIds: prepared.traceIds)
        } catch {
            return Outcome(thrown: error)
        }
    }

    static func records(_ count: Int) -> [(text: String, separator: String)] { SampleSpanRecords.mixed(count) }

    static let inputs: [(name: String, text: String, maxRecordBytes: Int)] = {
        var broken = records(700)
        broken[5] = (#"{"name":"x", oops}"#, "\n")
        broken[90] = (#"{"start_time":"2026-07-01T10:00:00Z","type":"lm"}"#, " ")
        broken[91] = (#"{"start_time":"2026-07-01T10:00:00Z" "#, "\n")
        broken[400] = (#"{"start_time":"2026-07-01T10:00:00Z","name":"\ud800"}"#, "\n")
        broken[650] = ("7", "\n")
        let pretty = records(120).map { "{\n" + $0.text.dropFirst().replacingOccurrences(of: ",\"", with: ",\n  \"") }.joined(separator: "\n")
        return [
            ("mixed", records(700).map { $0.text + $0.separator }.joined(), 1 << 20),
            ("broken", broken.map { $0.text + $0.separator }.joined(), 1 << 20),
            ("pretty", pretty + "\n", 1 << 20),
            ("oversized", records(300).map { $0.text + $0.separator }.joined(), 150),
            ("array", SampleSpanRecords.mixedArray(300), 1 << 20),
            ("bad array", "[" + records(50).map(\.text).joined(separator: ",") + ",]", 1 << 20),
            ("values", #"{"start_time":"2026-07-01T10:00:00Z","escaped":"\u00e9\"\\\/\b\f\n\r\t","n":[-0.5e+3,1E2,0,{}],"k\u0065y":"\u00"}"# + "\n"
                + #"{"start_time":"2026-07-01T10:00:00Z","bad":"\xff"}"#.replacingOccurrences(of: "\\xff", with: "\u{FFFD}") + "\n"
                + #"{"start_time":"2026-07-01T10:00:00Z","n":01}"# + "\n" + #"{"start_time":"2026-07-01T10:00:00Z","m":"a"}"#, 1 << 20),
            ("empty", " \n ", 1 << 20),
        ]
    }()

    @Test(arguments: inputs.indices)
    func preparingDirectlyMatchesReadingFirst(input: Int) {
        let (name, text, limit) = Self.inputs[input]
        let bytes = Array(text.utf8)
        let expected = Self.readThenPrepare(bytes, maxRecordBytes: limit)
        #expect((expected == Outcome()) == (name == "empty"))
        for threads in [1, 2, 3, 5, 8] {
            #expect(Self.prepare(bytes, maxRecordBytes: limit, threads: threads) == expected, "\(name), \(threads) threads")
        }
    }

    @Test func invalidUTF8IsAnIssueOnItsLine() {
        var bytes = Array(#"{"start_time":"2026-07-01T10:00:00Z","x":"é"}"#.utf8) + [0x0A]
        bytes += Array(#"{"start_time":"2026-07-01T10:00:00Z","x":"#.utf8) + [0x22, 0xC3, 0x28, 0x22, 0x7D, 0x0A]
        let expected = Self.readThenPrepare(bytes, maxRecordBytes: 1 << 20)
        #expect(expected.issues.map(\.line) == [2])
        #expect(Self.prepare(bytes, maxRecordBytes: 1 << 20, threads: 2) == expected)
    }
}

/// Score rows prepared on several threads give what one thread gives.
@Suite struct BulkScorePreparationTests {
    static func csv(_ count: Int, bad: Set<Int>) -> String {
        var text = "id,name,value,reason\n"
        for i in 0..<count {
            let id = "0190b5d2-7c1e-7a3b-8f00-\(String(repeating: "0", count: 12 - String(i).count))\(i)"
            switch bad.contains(i) ? i % 3 : -1 {
            case 0: text += "\(id),accuracy,high,\"r\"\n"
            case 1: text += "\(id),accuracy\n"
            case 2: text += "not-an-id,accuracy,0.5,\n"
            default: text += "\(id),accuracy,0.\(i % 1000),\"judge \(i % 7), \"\"run\"\" 4\"\n"
            }
        }
        return text
    }

    static func outcome(_ text: String, threads: Int) throws -> (bodies: [[UInt8]], issues: [RecordIssue]) {
        let table = try #require(try CSVReader.read(Array(text.utf8)))
        let prepared = ScorePreparation(header: table.header, rows: table.rows, projectName: "p", entity: .span, threads: threads)
        return ((0..<prepared.payload.count).map { Array(prepared.payload.record($0)) }, prepared.issues)
    }

    @Test(arguments: [Set<Int>(), [3, 500, 501, 998]])
    func severalThreadsMatchOne(bad: Set<Int>) throws {
        let text = Self.csv(1000, bad: bad)
        let one = try Self.outcome(text, threads: 1)
        #expect(one.issues.count == bad.count)
        #expect(one.bodies.count == (bad.isEmpty ? 1000 : one.bodies.count))
        for threads in [2, 3, 7] {
            let many = try Self.outcome(text, threads: threads)
            #expect(many.issues == one.issues)
            if bad.isEmpty { #expect(many.bodies == one.bodies) }
        }
    }
}
