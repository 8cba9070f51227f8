import OpikCore

/// Trace rows for the sample: the root span's values plus what only traces have (threads,
/// scores, an error, a hidden trace), chosen by trace number so that any sample is the same data.
enum SampleTraces {
    /// Thread ids, each holding several traces.
    static let threads = ["support-chat-1", "support-chat-2", "onboarding-chat"]
    /// The trace numbers with an error of their own, and the server-made (hidden) one.
    static let errorTrace = 6
    static let hiddenTrace = 10

    static func trace(number: Int, id: String, root: Row) -> Row {
        var fields: [String: JSONValue] = ["visibility_mode": number == hiddenTrace ? "hidden" : "default"]
        for name in ["name", "start_time", "end_time", "input", "output", "metadata", "tags", "last_updated_at"] {
            fields[name] = root[name]
        }
        switch number {
        case _ where number % 5 == 1: fields["thread_id"] = .string(threads[0])
        case _ where number % 5 == 3: fields["thread_id"] = .string(threads[1])
        case _ where number % 11 == 7: fields["thread_id"] = .string(threads[2])
        default: break
        }
        if number == errorTrace {
            fields["error_info"] = .object([
                ("exception_type", "ValidationError"), ("message", "the answer failed the output check"),
                ("traceback", "Traceback (most recent call last):\n  File \"app.py\", line 88, in answer\nValidationError: the answer failed the output check"),
            ])
        }
        var trace = Row(kind: .trace, id: id, projectID: root.projectID, fields: fields, createdAt: root.createdAt)
        if number % 3 == 0 {
            let time = root.lastUpdatedAt
            trace.scores.append(SampleSpans.score("user_rating", SampleSpans.decimalText(number * 37 % 101, scale: 2), at: time))
            if number % 2 == 0 { trace.scores.append(SampleSpans.score("resolved", number % 4 == 0 ? "1" : "0", at: time)) }
        }
        return trace
    }

    /// `count` small traces of 0–2 spans each, one second apart from `startMicros` on: rows to
    /// list by the hundred thousand, not to read.
    static func bulk(count: Int, projectID: String, startMicros: Int64, seed: UInt64) -> [Row] {
        var random = SplitMix64(state: seed &* 0x9E37_79B9_7F4A_7C15)
        var rows: [Row] = []
        rows.reserveCapacity(count * 2)
        for number in 0..<count {
            let start = startMicros + Int64(number) * 1_000_000
            let id = UUIDv7.make(millis: start / 1000, random: random.next(), random2: random.next())
            var fields = timing(start, start + 400_000)
            fields["name"] = .string("bulk_trace_\(number)")
            fields["input"] = .object([("question", .string("question \(number)"))])
            fields["output"] = .object([("answer", .string("answer \(number)"))])
            fields["visibility_mode"] = "default"
            rows.append(Row(kind: .trace, id: id, projectID: projectID, fields: fields, createdAt: fields["last_updated_at"]!.stringValue!))
            for index in 0..<(number % 3) {
                let spanStart = start + 1000 * Int64(index + 1)
                rows.append(span(trace: id, parent: nil, number: index, projectID: projectID, start: spanStart, end: spanStart + 300_000,
                    random: &random))
            }
        }
        return rows
    }

    /// One trace named `big-tree` of `count` spans laid out by `TraceShape.big`, a millisecond apart.
    static func tree(count: Int, projectID: String, startMicros: Int64, seed: UInt64) -> [Row] {
        var random = SplitMix64(state: seed &* 0xD1B5_4A32_D192_ED03)
        let traceID = UUIDv7.make(millis: startMicros / 1000, random: random.next(), random2: random.next())
        let end = startMicros + Int64(count + 1) * 1000
        var fields = timing(startMicros, end)
        fields["name"] = "big-tree"
        fields["visibility_mode"] = "default"
        var rows = [Row(kind: .trace, id: traceID, projectID: projectID, fields: fields, createdAt: fields["last_updated_at"]!.stringValue!)]
        guard count > 0 else { return rows }
        var ids = [UUIDv7.make(millis: startMicros / 1000, random: random.next(), random2: random.next())]
        rows.append(span(trace: traceID, parent: nil, number: 0, projectID: projectID, start: startMicros, end: end, random: &random, id: ids[0]))
        for (index, parent) in TraceShape.big(count).parents.enumerated() {
            let start = startMicros + Int64(index + 1) * 1000
            guard case let .node(parentIndex) = parent else { continue }
            let row = span(trace: traceID, parent: ids[parentIndex], number: index + 1, projectID: projectID,
                start: start, end: start + 500, random: &random)
            ids.append(row.id)
            rows.append(row)
        }
        return rows
    }

    private static func timing(_ start: Int64, _ end: Int64) -> [String: JSONValue] {
        ["start_time": .string(Timestamp.format(micros: start)), "end_time": .string(Timestamp.format(micros: end)),
         "last_updated_at": .string(Timestamp.format(micros: end + 1000))]
    }

    /// A light span: every third an LLM call with usage.
    private static func span(trace: String, parent: String?, number: Int, projectID: String, start: Int64, end: Int64,
        random: inout SplitMix64, id: String? = nil) -> Row
    {
        var fields = timing(start, end)
        fields["trace_id"] = .string(trace)
        if let parent { fields["parent_span_id"] = .string(parent) }
        let llm = number % 3 == 1
        fields["name"] = .string(llm ? "llm_call" : "step_\(number)")
        fields["type"] = llm ? "llm" : "general"
        if llm {
            fields["model"] = "gpt-4o-mini"
            fields["provider"] = "openai"
            fields["usage"] = .object([("completion_tokens", .int(20)), ("prompt_tokens", .int(100)), ("total_tokens", .int(120))])
        }
        let spanID = id ?? UUIDv7.make(millis: start / 1000, random: random.next(), random2: random.next())
        return Row(id: spanID, projectID: projectID, fields: fields, createdAt: fields["last_updated_at"]!.stringValue!)
    }
}
