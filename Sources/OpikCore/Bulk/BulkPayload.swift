/// Records ready to send: each one's compact JSON in shared buffers, with the input line it
/// came from. Batch bodies are cut from them without serialising again.
package struct BulkPayload: Sendable {
    /// The records' bytes, in order: records are appended to the last buffer, and payloads
    /// prepared apart are joined by taking over their buffers instead of copying them.
    private var segments: [[UInt8]] = [[]]
    /// Where each buffer starts in the offsets `ranges` use, as if the buffers were one.
    private var segmentStarts: [Int] = [0]
    package private(set) var ranges: [Range<Int>] = []
    package private(set) var lines: [Int] = []

    package init() {}

    package var count: Int { ranges.count }

    /// The size of all records together.
    var byteCount: Int { segmentStarts[segmentStarts.count - 1] + segments[segments.count - 1].count }

    package mutating func reserve(bytes count: Int, records: Int) {
        segments[segments.count - 1].reserveCapacity(count)
        ranges.reserveCapacity(records)
        lines.reserveCapacity(records)
    }

    /// Appends one record, written by `write` at the end of the last buffer.
    package mutating func append(line: Int, _ write: (inout [UInt8]) -> Void) {
        let last = segments.count - 1
        let base = segmentStarts[last]
        let start = segments[last].count
        write(&segments[last])
        ranges.append((base + start)..<(base + segments[last].count))
        lines.append(line)
    }

    /// Appends the records of `other` after these.
    package mutating func append(contentsOf other: BulkPayload) {
        let shift = byteCount
        ranges.append(contentsOf: other.ranges.lazy.map { ($0.lowerBound + shift)..<($0.upperBound + shift) })
        lines.append(contentsOf: other.lines)
        segmentStarts.append(contentsOf: other.segmentStarts.map { $0 + shift })
        segments.append(contentsOf: other.segments)
    }

    /// The buffer holding the bytes at `offset`, and where it starts.
    private func segment(at offset: Int) -> Int {
        var index = segments.count - 1
        while segmentStarts[index] > offset { index -= 1 }
        return index
    }

    /// Calls `body` with the bytes of `range`, which must lie in one record.
    func withBytes<Result>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let index = segment(at: range.lowerBound)
        let base = segmentStarts[index]
        return segments[index].withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[(range.lowerBound - base)..<(range.upperBound - base)])) }
    }

    /// Calls `body` with `count` bytes from `offset` on, which must lie in one record, to
    /// change them in place.
    mutating func withMutableBytes<Result>(at offset: Int, count: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Result) -> Result {
        let index = segment(at: offset)
        let start = offset - segmentStarts[index]
        return segments[index].withUnsafeMutableBufferPointer { buffer in
            precondition(start + count <= buffer.count)
            return body(buffer.baseAddress! + start)
        }
    }

    /// The records at `indexes` as NDJSON, one per line: what `--failed` receives.
    package func ndjson(of indexes: [Int]) -> [UInt8] {
        var bytes: [UInt8] = []
        for index in indexes {
            bytes.append(contentsOf: record(index))
            bytes.append(0x0A)
        }
        return bytes
    }

    package func record(_ index: Int) -> ArraySlice<UInt8> {
        let range = ranges[index]
        let segment = segment(at: range.lowerBound)
        let base = segmentStarts[segment]
        return segments[segment][(range.lowerBound - base)..<(range.upperBound - base)]
    }

    /// The encoded sizes, for `BatchPlan`.
    package var sizes: [Int] { ranges.map(\.count) }

    /// `{"<key>":[record,record,…]}` for the records in `batch`.
    package func body(key: String, batch: Range<Int>) -> [UInt8] {
        let head = Array("{\"\(key)\":[".utf8)
        let size = head.count + batch.reduce(0) { $0 + ranges[$1].count } + (batch.count - 1) + 2
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var at = 0
            func put(_ bytes: UnsafeBufferPointer<UInt8>) {
                guard let source = bytes.baseAddress else { return }
                (buffer.baseAddress! + at).initialize(from: source, count: bytes.count)
                at += bytes.count
            }
            head.withUnsafeBufferPointer { put($0) }
            var segment = segment(at: ranges[batch.lowerBound].lowerBound)
            for index in batch {
                if index > batch.lowerBound {
                    buffer[at] = UInt8(ascii: ",")
                    at += 1
                }
                let range = ranges[index]
                while segment + 1 < segments.count && segmentStarts[segment + 1] <= range.lowerBound { segment += 1 }
                let base = segmentStarts[segment]
                segments[segment].withUnsafeBufferPointer { put(UnsafeBufferPointer(rebasing: $0[(range.lowerBound - base)..<(range.upperBound - base)])) }
            }
            buffer[at] = UInt8(ascii: "]")
            buffer[at + 1] = UInt8(ascii: "}")
            initialized = at + 2
        }
    }
}
