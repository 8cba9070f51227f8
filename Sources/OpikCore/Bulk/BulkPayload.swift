/// Records ready to send: each one's compact JSON in one shared buffer, with the input line it
/// came from. Batch bodies are cut from it without serialising again.
public struct BulkPayload: Sendable {
    public private(set) var bytes: [UInt8] = []
    public private(set) var ranges: [Range<Int>] = []
    public private(set) var lines: [Int] = []

    public init() {}

    public var count: Int { ranges.count }

    public mutating func reserve(bytes count: Int, records: Int) {
        bytes.reserveCapacity(count)
        ranges.reserveCapacity(records)
        lines.reserveCapacity(records)
    }

    /// Appends one record, written by `write` into the shared buffer.
    public mutating func append(line: Int, _ write: (inout [UInt8]) -> Void) {
        let start = bytes.count
        write(&bytes)
        ranges.append(start..<bytes.count)
        lines.append(line)
    }

    /// Appends the records of `other` after these.
    public mutating func append(contentsOf other: BulkPayload) {
        let shift = bytes.count
        bytes.append(contentsOf: other.bytes)
        ranges.append(contentsOf: other.ranges.lazy.map { ($0.lowerBound + shift)..<($0.upperBound + shift) })
        lines.append(contentsOf: other.lines)
    }

    /// Writes `text` over the bytes from `offset` on, which must already be there.
    mutating func overwrite(at offset: Int, with text: String) {
        var text = text
        text.withUTF8 { utf8 in
            bytes.withUnsafeMutableBufferPointer { buffer in
                for (i, byte) in utf8.enumerated() { buffer[offset + i] = byte }
            }
        }
    }

    public func record(_ index: Int) -> ArraySlice<UInt8> { bytes[ranges[index]] }

    /// The encoded sizes, for `BatchPlan`.
    public var sizes: [Int] { ranges.map(\.count) }

    /// `{"<key>":[record,record,…]}` for the records in `batch`.
    public func body(key: String, batch: Range<Int>) -> [UInt8] {
        var body: [UInt8] = []
        let first = ranges[batch.lowerBound].lowerBound
        let last = ranges[batch.upperBound - 1].upperBound
        body.reserveCapacity(last - first + batch.count + key.utf8.count + 8)
        body.append(contentsOf: "{\"\(key)\":[".utf8)
        for index in batch {
            if index > batch.lowerBound { body.append(UInt8(ascii: ",")) }
            body.append(contentsOf: bytes[ranges[index]])
        }
        body.append(contentsOf: "]}".utf8)
        return body
    }
}
