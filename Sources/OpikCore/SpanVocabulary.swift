/// Fixed value sets of the span API, declared once for validation, help and completion.
public enum SpanVocabulary {
    /// `type` of a span (see docs/SERVER.md#span-filter-fields).
    public static let types = ["general", "tool", "llm", "guardrail"]
    /// `source` of a span.
    public static let sources = ["sdk", "experiment", "playground", "optimization", "evaluator"]
    /// `source` of a feedback score.
    public static let scoreSources = ["ui", "sdk", "online_scoring"]
    /// Largest batch the server accepts for spans, scores, ids (see docs/SERVER.md#creating-spans).
    public static let maxBatch = 1000
    /// Largest page of the search stream.
    public static let maxSearchPage = 2000
}
