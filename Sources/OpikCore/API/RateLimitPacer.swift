#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Slows down before a 429 happens: Opik sends `Opik-<Bucket>-Remaining-Limit` and
/// `Opik-<Bucket>-Remaining-Limit-TTL-Millis` on every response of a rate-limited endpoint
/// (see docs/SERVER.md#rate-limiting). When a bucket is empty, the next request waits until its window resets.
final class RateLimitPacer {
    private var resumeAt: Date?

    func observe(_ head: HTTPResponseHead, now: Date) {
        for (name, value) in head.headers {
            let lower = name.lowercased()
            guard lower.hasPrefix("opik-"), lower.hasSuffix("-remaining-limit"),
                let remaining = Int(value.trimmingSpaces), remaining <= 0,
                let ttl = head.header(name + "-TTL-Millis").flatMap({ Double($0.trimmingSpaces) })
            else { continue }
            let until = now.addingTimeInterval(min(ttl, 300_000) / 1000)
            if resumeAt == nil || until > resumeAt! { resumeAt = until }
        }
    }

    /// Seconds to wait before the next request, if a bucket is exhausted.
    func delayBeforeNextRequest(now: Date) -> Double? {
        guard let resumeAt else { return nil }
        self.resumeAt = nil
        let wait = resumeAt.timeIntervalSince(now)
        return wait > 0 ? wait : nil
    }
}
