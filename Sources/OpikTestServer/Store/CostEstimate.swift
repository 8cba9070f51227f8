import OpikCore

/// The server's cost estimate for a written span (see docs/SERVER.md): the model and provider
/// are looked up in a price table and `usage` priced per token; a span written with its own
/// `total_estimated_cost` keeps it. This table holds a few well-known models only.
enum CostEstimate {
    /// Written next to an estimated cost; a cost sent by the client has no version.
    static let version = "1.1"

    /// Dollars per million tokens (input, output) by `model/provider`.
    private static let prices: [String: (input: String, output: String)] = [
        "gpt-4o/openai": ("2.5", "10"), "gpt-4o-mini/openai": ("0.15", "0.6"), "gpt-4.1/openai": ("2", "8"),
        "gpt-4.1-mini/openai": ("0.4", "1.6"), "gpt-4.1-nano/openai": ("0.1", "0.4"), "gpt-4-turbo/openai": ("10", "30"),
        "gpt-3.5-turbo/openai": ("0.5", "1.5"), "o1/openai": ("15", "60"), "o3-mini/openai": ("1.1", "4.4"),
        "o4-mini/openai": ("1.1", "4.4"),
        "claude-3-5-sonnet-20241022/anthropic": ("3", "15"), "claude-3-5-sonnet-latest/anthropic": ("3", "15"),
        "claude-3-5-haiku-20241022/anthropic": ("0.8", "4"), "claude-3-7-sonnet-20250219/anthropic": ("3", "15"),
        "claude-sonnet-4-20250514/anthropic": ("3", "15"), "claude-opus-4-20250514/anthropic": ("15", "75"),
        "claude-3-haiku-20240307/anthropic": ("0.25", "1.25"),
        "gemini-1.5-pro/google_ai": ("1.25", "5"), "gemini-1.5-flash/google_ai": ("0.075", "0.3"),
        "gemini-2.0-flash/google_ai": ("0.1", "0.4"), "gemini-2.5-pro/google_ai": ("1.25", "10"),
        "gemini-2.5-flash/google_ai": ("0.3", "2.5"),
    ]

    /// Runtime provider names the price table knows under another name.
    private static let providerAliases = ["gemini": "google_ai", "vertex-ai": "google_vertexai"]

    /// The cost in picodollars (10⁻¹² USD), or nil when nothing prices the span: no known model
    /// and provider with usage, and no `metadata.cost` in USD.
    static func picodollars(model: String?, provider: String?, usage: JSONValue?, metadata: JSONValue?) -> Int64? {
        let modelName = model.flatMap { $0.trimmed(" ").isEmpty ? nil : $0 } ?? metadata?["model"]?.stringValue
        if let modelName, let provider, !provider.trimmed(" ").isEmpty,
            let price = lookUp(model: modelName, provider: providerAliases[provider] ?? provider)
        {
            let prompt = tokens(usage?["prompt_tokens"])
            let completion = tokens(usage?["completion_tokens"])
            let (input, inputOverflow) = prompt.multipliedReportingOverflow(by: price.input)
            let (output, outputOverflow) = completion.multipliedReportingOverflow(by: price.output)
            let (total, sumOverflow) = input.addingReportingOverflow(output)
            if !inputOverflow && !outputOverflow && !sumOverflow && total > 0 { return total }
        }
        // Otherwise a cost the application put in metadata, when in dollars.
        guard let cost = metadata?["cost"], cost["currency"]?.stringValue == "USD",
            case let .number(text)? = cost["total_cost"], let value = Double(text), value > 0, value < 9e6
        else { return nil }
        return Int64((value * 1e12).rounded())
    }

    /// Sets the cost of a span being created: the client's own (without a version), else the estimate.
    static func create(_ fields: inout [String: JSONValue]) {
        fields["total_estimated_cost_version"] = nil
        guard fields["total_estimated_cost"] == nil else { return }
        estimate(from: fields, into: &fields)
    }

    /// Sets the cost of an updated span: the update's own cost, else an estimate from the
    /// update's own model, provider, usage and metadata when they price it; else unchanged.
    static func update(_ fields: inout [String: JSONValue], with update: JSONValue) {
        if let cost = update["total_estimated_cost"], !cost.isNull {
            fields["total_estimated_cost"] = cost
            fields["total_estimated_cost_version"] = nil
            return
        }
        var changed: [String: JSONValue] = [:]
        for name in ["model", "provider", "usage", "metadata"] { changed[name] = update[name] }
        estimate(from: changed, into: &fields)
    }

    private static func estimate(from source: [String: JSONValue], into fields: inout [String: JSONValue]) {
        guard let cost = picodollars(model: source["model"]?.stringValue, provider: source["provider"]?.stringValue,
            usage: source["usage"], metadata: source["metadata"])
        else { return }
        fields["total_estimated_cost"] = .number(text(picodollars: cost))
        fields["total_estimated_cost_version"] = .string(version)
    }

    /// `0.000123450000`: the decimal text the server returns (twelve decimals).
    static func text(picodollars: Int64) -> String {
        let fraction = String(picodollars % 1_000_000_000_000)
        return "\(picodollars / 1_000_000_000_000)." + String(repeating: "0", count: 12 - fraction.count) + fraction
    }

    /// The server's fallbacks: an `openai/` style prefix dropped, then dots as hyphens, then a
    /// `-YYYY-MM-DD` date suffix dropped.
    private static func lookUp(model: String, provider: String) -> (input: Int64, output: Int64)? {
        let bare = model.firstIndex(of: "/").map { String(model[model.index(after: $0)...]) } ?? model
        let normalized = bare.lowercased().replacing(".", with: "-")
        for candidate in [bare, normalized, withoutDate(bare.lowercased()), withoutDate(normalized)] {
            if let price = prices["\(candidate)/\(provider)"] {
                return (perToken(price.input), perToken(price.output))
            }
        }
        return nil
    }

    private static func withoutDate(_ name: String) -> String {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count > 3 else { return name }
        let tail = parts.suffix(3)
        let lengths = tail.map(\.count)
        guard lengths == [4, 2, 2], tail.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return name }
        return parts.dropLast(3).joined(separator: "-")
    }

    /// Dollars per million tokens as picodollars per token (exact for the table's prices).
    private static func perToken(_ dollarsPerMillion: String) -> Int64 {
        let parts = dollarsPerMillion.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Int64(parts[0]) ?? 0
        let decimals = parts.count > 1 ? String(parts[1]) : ""
        let fraction = Int64(decimals + String(repeating: "0", count: 6 - decimals.count)) ?? 0
        return whole * 1_000_000 + fraction
    }

    private static func tokens(_ value: JSONValue?) -> Int64 {
        guard let double = value?.doubleValue, double > 0, double < 9e15 else { return 0 }
        return Int64(double)
    }
}
