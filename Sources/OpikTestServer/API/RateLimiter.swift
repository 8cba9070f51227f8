/// Fixed-window request budgets named like the server's buckets (see docs/SERVER.md#rate-limiting), off until configured.
struct RateLimiter {
    private struct Bucket {
        var limit: Int
        var windowMicros: Int64
        var windowStart: Int64 = 0
        var used = 0
    }

    private var buckets: [String: Bucket] = [:]

    mutating func set(bucket: String, limit: Int, windowMillis: Int) {
        buckets[bucket] = Bucket(limit: limit, windowMicros: Int64(max(1, windowMillis)) * 1000)
    }

    /// Charges `events` to each configured bucket among `names`; returns the headers to add and
    /// whether the request may go on.
    mutating func charge(_ names: [String], events: Int, now: Int64) -> (headers: [(String, String)], allowed: Bool, resetSeconds: Int) {
        var headers: [(String, String)] = []
        var allowed = true
        var reset = 1
        for name in names {
            guard var bucket = buckets[name] else { continue }
            if now - bucket.windowStart >= bucket.windowMicros {
                bucket.windowStart = now
                bucket.used = 0
            }
            let ttlMillis = max(0, (bucket.windowStart + bucket.windowMicros - now) / 1000)
            if bucket.used + events > bucket.limit {
                allowed = false
                reset = max(reset, Int((ttlMillis + 999) / 1000))
            } else {
                bucket.used += events
            }
            buckets[name] = bucket
            headers.append(("Opik-\(name)-Limit", name.lowercased().replacingOccurrences(of: "-", with: "_")))
            headers.append(("Opik-\(name)-Remaining-Limit", String(max(0, bucket.limit - bucket.used))))
            headers.append(("Opik-\(name)-Remaining-Limit-TTL-Millis", String(ttlMillis)))
        }
        return (headers, allowed, reset)
    }
}

extension String {
    func replacingOccurrences(of target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
