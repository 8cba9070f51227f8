import OpikCore
import Testing

@Suite struct RenderStatsTests {
    static let response = try! JSONParser.parse(
        """
        {"stats":[{"name":"span_count","type":"COUNT","value":120},\
        {"name":"duration","type":"PERCENTAGE","value":{"p50":812.5,"p90":2011.0,"p99":4830.2}},\
        {"name":"total_estimated_cost_sum","type":"AVG","value":0.1230},\
        {"name":"feedback_scores.accuracy","type":"AVG","value":0.85},\
        {"name":"error_count","type":"COUNT","value":3}]}
        """)

    @Test func statsObjectIsKeyedByNameWithExactNumbers() {
        #expect(
            JSONWriter.compact(Renderer.statsObject(Self.response))
                == #"{"span_count":120,"duration":{"p50":812.5,"p90":2011.0,"p99":4830.2},"#
                + #""total_estimated_cost_sum":0.1230,"feedback_scores.accuracy":0.85,"error_count":3}"#)
    }

    @Test func statsOfAnEmptyResponse() {
        #expect(Renderer.statsObject(["stats": []]) == .object([]))
        #expect(Renderer.statsObject([:]) == .object([]))
    }

    func table(isTerminal: Bool, useColor: Bool = false) throws -> String {
        let (stream, memory) = OutputStream.memory()
        try Renderer.writeStatsTable(Self.response, to: stream, isTerminal: isTerminal, useColor: useColor, width: 80)
        return memory.text
    }

    @Test func statsTableOnATerminal() throws {
        #expect(
            try table(isTerminal: true) == """
                NAME                      VALUE
                span_count                120
                duration                  p50=813ms p90=2.0s p99=4.8s
                total_estimated_cost_sum  sum $0.1230
                feedback_scores.accuracy  avg 0.85
                error_count               3

                """)
        let coloured = try table(isTerminal: true, useColor: true)
        #expect(coloured.hasPrefix("\u{1B}[1mNAME\u{1B}[0m                      \u{1B}[1mVALUE\u{1B}[0m\n"))
    }

    @Test func statsTableInAPipe() throws {
        #expect(
            try table(isTerminal: false) == "span_count\t120\nduration\tp50=812.5 p90=2011.0 p99=4830.2\n"
                + "total_estimated_cost_sum\t0.1230\nfeedback_scores.accuracy\t0.85\nerror_count\t3\n")
    }

    @Test func statsInEachFormat() throws {
        func render(_ format: OutputFormat) throws -> String {
            let (stream, memory) = OutputStream.memory()
            try Renderer.writeStats(Self.response, format: format, to: stream, isTerminal: false, useColor: false, width: 80)
            return memory.text
        }
        #expect(
            try render(.ndjson) == #"{"span_count":120,"duration":{"p50":812.5,"p90":2011.0,"p99":4830.2},"#
                + #""total_estimated_cost_sum":0.1230,"feedback_scores.accuracy":0.85,"error_count":3}"# + "\n")
        #expect(try render(.json).hasPrefix("{\n  \"span_count\": 120,\n  \"duration\": {\n    \"p50\": 812.5,"))
        #expect(
            try render(.csv) == "name,value\r\nspan_count,120\r\nduration,p50=812.5 p90=2011.0 p99=4830.2\r\n"
                + "total_estimated_cost_sum,0.1230\r\nfeedback_scores.accuracy,0.85\r\nerror_count,3\r\n")
        #expect(
            try render(.table) == "span_count\t120\nduration\tp50=812.5 p90=2011.0 p99=4830.2\n"
                + "total_estimated_cost_sum\t0.1230\nfeedback_scores.accuracy\t0.85\nerror_count\t3\n")
    }
}
