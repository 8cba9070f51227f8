import OpikCore

/// Deterministic sample spans grouped into trace rows, with real UUIDv7 ids whose time is the
/// span's start (one millisecond apart at least, so ids sort like start times). Most traces are a
/// root span and a few children; with `shapes` on, some traces are deep or wide trees or hold
/// orphan spans (see `TraceShape`). Trace rows carry threads, scores, one error and one hidden
/// trace, chosen by the trace's number rather than drawn, so that a plain sample's spans are the
/// ones it always had.
struct SampleSpans {
    private var random: SplitMix64
    /// Fixed by default (2026-07-01T10:00:00Z) so that tests see the same data every run.
    static let defaultStartMicros: Int64 = 1_782_900_000_000_000
    /// Spans advance the clock by about this much on average (traces of ~4 spans, ~30 s apart).
    static let averageMicrosPerSpan: Int64 = 8_000_000
    /// The smallest sample that gets the shaped traces (smaller ones keep the plain shape).
    static let shapesFrom = 200
    private var clockMicros: Int64
    private var pending: [Row] = []
    private var traceNumber = 0
    /// How many traces `next` has started.
    var traceCount: Int { traceNumber }
    private let shapes: Bool

    init(seed: UInt64, startMicros: Int64 = SampleSpans.defaultStartMicros, shapes: Bool = false) {
        random = SplitMix64(state: seed &* 0x2545_F491_4F6C_DD1D)
        clockMicros = startMicros
        self.shapes = shapes
    }

    static let roots = ["agent_run", "chat_turn", "rag_pipeline", "answer_question"]
    static let children = ["retrieve_docs", "llm_call", "rerank", "tool:search", "embed_query", "guardrail_check", "llm_call", "format_answer"]
    private static let models = [("gpt-4o", "openai", 2500, 10000), ("gpt-4o-mini", "openai", 150, 600),
        ("claude-3-5-sonnet", "anthropic", 3000, 15000), ("gemini-1.5-pro", "google_ai", 1250, 5000)]
    private static let tags = ["prod", "staging", "experiment", "v2", "beta", "eval"]
    private static let topics = ["refund policy", "shipping times", "password reset", "API rate limits", "invoice download",
        "data retention", "SSO setup", "webhook retries"]

    /// The next span in start-time order, and the trace row when the span is its trace's first.
    mutating func next(projectID: String) -> (span: Row, trace: Row?) {
        var trace: Row?
        if pending.isEmpty { trace = makeTrace(projectID: projectID) }
        return (pending.removeFirst(), trace)
    }

    private mutating func makeTrace(projectID: String) -> Row {
        traceNumber += 1
        let shape = shapes ? TraceShape.of(traceNumber: traceNumber) : nil
        let topic = random.pick(Self.topics)
        let rootStart = clockMicros
        let traceID = UUIDv7.make(millis: rootStart / 1000, random: random.next(), random2: random.next())
        let layout = shape?.parents ?? Array(repeating: .node(0), count: 1 + random.below(5))
        var spans: [Row] = []
        var cursor = rootStart + 1000 + Int64(random.below(1000))
        let rootID = UUIDv7.make(millis: rootStart / 1000, random: random.next(), random2: random.next())
        let missingParent = UUIDv7.make(millis: rootStart / 1000 - 1, random: UInt64(traceNumber), random2: 0x0E7A)
        for parent in layout {
            let name = random.pick(Self.children)
            let duration = Int64(20_000 + random.below(1_500_000))
            let parentID: String
            switch parent {
            case let .node(index): parentID = index == 0 ? rootID : spans[index - 1].id
            case .missing: parentID = missingParent
            }
            var span = makeSpan(name: name, projectID: projectID, traceID: traceID, parent: parentID, topic: topic,
                start: cursor, end: cursor + duration)
            span.id = UUIDv7.make(millis: cursor / 1000, random: random.next(), random2: random.next())
            spans.append(span)
            // Deep trees nest each step in the one before; siblings follow one another.
            cursor += (shape?.nests ?? false ? duration / 4 : duration) + 1000 + Int64(random.below(20_000))
        }
        Self.coverChildren(&spans, layout)
        cursor = max(cursor, spans.compactMap(\.endMicros).max() ?? cursor)
        var root = makeSpan(name: shape?.rootName ?? random.pick(Self.roots), projectID: projectID, traceID: traceID,
            parent: nil, topic: topic, start: rootStart, end: cursor)
        root.id = rootID
        pending = [root] + spans
        clockMicros = cursor + 5_000 + Int64(random.below(60_000_000))
        return SampleTraces.trace(number: traceNumber, id: traceID, root: root)
    }

    /// Stretches each span's end over its children's (the root is made last, over all).
    private static func coverChildren(_ spans: inout [Row], _ layout: [TraceShape.Parent]) {
        for index in spans.indices.reversed() {
            guard case let .node(parent) = layout[index], parent > 0, let end = spans[index].endMicros else { continue }
            if (spans[parent - 1].endMicros ?? 0) < end {
                spans[parent - 1]["end_time"] = .string(Timestamp.format(micros: end + 1000))
                spans[parent - 1]["last_updated_at"] = .string(Timestamp.format(micros: end + 2000))
            }
        }
    }

    private mutating func makeSpan(
        name: String, projectID: String, traceID: String, parent: String?, topic: String, start: Int64, end: Int64
    ) -> Row {
        var f: [String: JSONValue] = [:]
        f["trace_id"] = .string(traceID)
        if let parent { f["parent_span_id"] = .string(parent) }
        f["name"] = .string(name)
        let type = name == "llm_call" ? "llm" : name == "tool:search" ? "tool" : name == "guardrail_check" ? "guardrail" : "general"
        f["type"] = .string(type)
        f["start_time"] = .string(Timestamp.format(micros: start))
        f["end_time"] = .string(Timestamp.format(micros: end))
        let user = "user-\(100 + random.below(900))"
        f["input"] = .object([
            ("messages", .array([
                .object([("role", "system"), ("content", "You are a helpful support assistant. Answer briefly and cite the documents you used.")]),
                .object([("role", "user"), ("content", .string("Can you explain our \(topic)? I need the details for a customer ticket (#\(10000 + random.below(90000))).")) ]),
            ])),
            ("query", .string(topic)),
        ])
        f["output"] = .object([
            ("answer", .string("Here is a summary of the \(topic): the current policy applies to all plans, with exceptions listed in section \(1 + random.below(9)).")),
            ("documents", .array((0..<(1 + random.below(3))).map { _ in .string("kb/\(topic.replacing(" ", with: "-"))/\(random.below(500)).md") })),
        ])
        let environment = random.below(4) == 0 ? "staging" : "production"
        var metadata: [(String, JSONValue)] = [("environment", .string(environment)), ("user_id", .string(user))]
        if type == "llm" {
            let (model, provider, inputPrice, outputPrice) = random.pick(Self.models)
            f["model"] = .string(model)
            f["provider"] = .string(provider)
            metadata.append(("model", .string(model)))
            metadata.append(("temperature", .number(["0", "0.2", "0.7", "1.0"][random.below(4)])))
            let prompt = 50 + random.below(3000)
            let completion = 10 + random.below(800)
            f["usage"] = .object([("completion_tokens", .int(completion)), ("prompt_tokens", .int(prompt)), ("total_tokens", .int(prompt + completion))])
            // Prices are in micro-dollars per thousand tokens; the cost text is exact.
            let microDollars = (prompt * inputPrice + completion * outputPrice) / 1000
            f["total_estimated_cost"] = .number(Self.decimalText(microDollars, scale: 6))
        }
        f["metadata"] = .object(metadata)
        let tagCount = random.below(3)
        if tagCount > 0 {
            var chosen: [String] = []
            for _ in 0..<tagCount {
                let tag = random.pick(Self.tags)
                if !chosen.contains(tag) { chosen.append(tag) }
            }
            f["tags"] = .array(chosen.map { .string($0) })
        }
        if random.below(25) == 0 {
            f["error_info"] = .object([
                ("exception_type", random.below(2) == 0 ? "TimeoutError" : "RateLimitError"),
                ("message", "upstream call failed"),
                ("traceback", "Traceback (most recent call last):\n  File \"app.py\", line 42, in run\nTimeoutError: upstream call failed"),
            ])
        }
        let updated = Timestamp.format(micros: end + 1000)
        f["last_updated_at"] = .string(updated)
        var span = Row(id: "", projectID: projectID, fields: f, createdAt: updated)
        if type == "llm" && random.below(3) == 0 {
            span.scores.append(Self.score("relevance", Self.decimalText(random.below(101), scale: 2), at: updated))
            if random.below(2) == 0 {
                span.scores.append(Self.score("hallucination", Self.decimalText(random.below(101), scale: 2), at: updated))
            }
        }
        return span
    }

    static func score(_ name: String, _ value: String, at time: String) -> ScoreRecord {
        ScoreRecord(name: name, value: .number(value), reason: nil, categoryName: nil, source: "sdk", author: "admin",
            createdAt: time, lastUpdatedAt: time)
    }

    /// `1234` with scale 6 → `0.001234`; trailing zeros kept off except one decimal.
    static func decimalText(_ units: Int, scale: Int) -> String {
        var divisor = 1
        for _ in 0..<scale { divisor *= 10 }
        var fraction = String(units % divisor)
        fraction = String(repeating: "0", count: scale - fraction.count) + fraction
        while fraction.count > 1 && fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(units / divisor).\(fraction)"
    }
}
