/// Splits records into request batches of at most `maxCount` records and about `maxBytes`
/// bytes of body each, keeping input order. A record larger than `maxBytes` goes alone.
package enum BatchPlan {
    /// At most 1000 items per batch request (see docs/SERVER.md#creating-spans).
    package static let defaultMaxCount = Entity.span.maxBatch
    /// Well under what proxies commonly accept, and far under the server's string limit.
    package static let defaultMaxBytes = 16 * 1024 * 1024

    /// Ranges of record indexes, one per batch. `sizes` are the records' encoded sizes.
    package static func ranges(sizes: [Int], maxCount: Int = defaultMaxCount, maxBytes: Int = defaultMaxBytes) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var bytes = 0
        for (index, size) in sizes.enumerated() {
            let count = index - start
            // One comma between records, plus the envelope counted generously.
            if count > 0 && (count == maxCount || bytes + size + 1 + 32 > maxBytes) {
                ranges.append(start..<index)
                start = index
                bytes = 0
            }
            bytes += size + 1
        }
        if start < sizes.count { ranges.append(start..<sizes.count) }
        return ranges
    }
}
