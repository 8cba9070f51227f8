import OpikCore
import Testing

/// The pure parts of the bulk commands: CSV, JSON records, batches and ids.
@Suite struct BulkRecordTests {
    @Test func csvFollowsRFC4180() throws {
        let text = "\u{FEFF}id,reason\r\n1,\"a, \"\"b\"\"\"\r\n\r\n2,\"multi\nline\"\n3,\n"
        let table = try #require(try CSVReader.read(Array(text.utf8)))
        #expect(table.header.fields == ["id", "reason"])
        #expect(table.rows.map(\.fields) == [["1", "a, \"b\""], ["2", "multi\nline"], ["3", ""]])
        #expect(table.rows.map(\.line) == [2, 4, 6])
        #expect(table.rows.map(\.text) == ["1,\"a, \"\"b\"\"\"", "2,\"multi\nline\"", "3,"])
    }

    @Test func csvRefusesTextAfterAClosingQuote() {
        #expect(throws: RecordIssue(line: 2, message: "invalid CSV: text after a closing quote (a quote inside a field must be doubled)")) {
            try CSVReader.read(Array("a,b\n\"x\"y,1\n".utf8))
        }
    }

    @Test func batchesAreCutByCountAndByBytes() {
        #expect(BatchPlan.ranges(sizes: Array(repeating: 10, count: 2500)) == [0..<1000, 1000..<2000, 2000..<2500])
        #expect(BatchPlan.ranges(sizes: [40, 40, 40, 200, 10], maxCount: 1000, maxBytes: 120) == [0..<2, 2..<3, 3..<4, 4..<5])
        #expect(BatchPlan.ranges(sizes: [20, 20, 20, 20], maxCount: 1000, maxBytes: 100) == [0..<3, 3..<4])
        #expect(BatchPlan.ranges(sizes: []) == [])
    }

    @Test func aBatchBodyJoinsTheRecordsAsTheyWereEncoded() throws {
        var payload = BulkPayload()
        for text in [#"{"a":1}"#, #"{"b":2}"#, #"{"c":3}"#] { payload.append(line: 1) { $0.append(contentsOf: text.utf8) } }
        #expect(String(decoding: payload.body(key: "spans", batch: 1..<3), as: UTF8.self) == #"{"spans":[{"b":2},{"c":3}]}"#)
    }

    @Test func missingFieldsAreFilledInFrontAndNullsCountAsMissing() throws {
        let record = try JSONParser.parse(#"{"id":null,"start_time":"2026-07-01T10:00:00.5Z","name":"x"}"#)
        let prepared = RecordPreparation(records: [SourceRecord(value: record, line: 1)], entity: .span, derivesTraceIds: true,
                                       projectName: "p", lastUpdatedAt: "2026-07-01T12:00:00.000Z")
        let sent = try JSONParser.parse(bytes: Array(prepared.payload.record(0)))
        #expect(sent.objectMembers?.map(\.0) == ["id", "trace_id", "project_name", "last_updated_at", "start_time", "name"])
        #expect(UUIDv7.milliseconds(of: prepared.ids[0]) == 1_782_900_000_500)
    }

    @Test func oversizedRecordsAreRefused() {
        let text = #"{"start_time":"2026-07-01T10:00:00Z","input":"\#(String(repeating: "x", count: 100))"}"#
        #expect(throws: RecordIssue(line: 1, message: "record of 148 bytes is larger than the limit of 100 bytes")) {
            try JSONRecordReader.read(Array(text.utf8), maxRecordBytes: 100)
        }
    }
}
