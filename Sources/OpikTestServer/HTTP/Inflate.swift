/// A DEFLATE decoder (RFC 1951: stored, fixed-Huffman and dynamic-Huffman blocks), so the server
/// reads `Content-Encoding: gzip` request bodies without linking zlib.
struct Inflate {
    /// Why a stream could not be decoded.
    enum Failure: Error {
        case truncated
        case invalid(String)
    }

    /// Larger outputs are refused rather than decoded into memory.
    static let maximumOutput = 512 << 20

    private let input: [UInt8]
    private var position: Int
    private var bitBuffer: UInt32 = 0
    private var bitCount = 0
    private var output: [UInt8] = []

    /// Decodes the DEFLATE stream starting at `start`; returns the bytes and the index just past
    /// the stream's last (partially used) byte.
    static func decode(_ input: [UInt8], from start: Int) throws(Failure) -> (bytes: [UInt8], end: Int) {
        var decoder = Inflate(input: input, position: start)
        var isLast = false
        while !isLast {
            isLast = try decoder.bits(1) == 1
            switch try decoder.bits(2) {
            case 0: try decoder.storedBlock()
            case 1: try decoder.huffmanBlock(Self.fixedLiterals, Self.fixedDistances)
            case 2:
                let (literals, distances) = try decoder.dynamicTables()
                try decoder.huffmanBlock(literals, distances)
            default: throw .invalid("reserved block type")
            }
        }
        return (decoder.output, decoder.position)
    }

    private mutating func bits(_ count: Int) throws(Failure) -> Int {
        while bitCount < count {
            guard position < input.count else { throw .truncated }
            bitBuffer |= UInt32(input[position]) << UInt32(bitCount)
            position += 1
            bitCount += 8
        }
        let value = Int(bitBuffer & ((1 << UInt32(count)) - 1))
        bitBuffer >>= UInt32(count)
        bitCount -= count
        return value
    }

    private mutating func storedBlock() throws(Failure) {
        // Stored blocks start on a byte boundary; fewer than 8 bits are ever buffered here.
        bitBuffer = 0
        bitCount = 0
        guard position + 4 <= input.count else { throw .truncated }
        let length = Int(input[position]) | Int(input[position + 1]) << 8
        let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
        guard length == ~complement & 0xFFFF else { throw .invalid("stored block length check") }
        position += 4
        guard position + length <= input.count else { throw .truncated }
        try append(input[position..<position + length])
        position += length
    }

    private mutating func append(_ bytes: ArraySlice<UInt8>) throws(Failure) {
        guard output.count + bytes.count <= Self.maximumOutput else { throw .invalid("body too large") }
        output.append(contentsOf: bytes)
    }

    private mutating func decodeSymbol(_ code: HuffmanCode) throws(Failure) -> Int {
        var value = 0
        var first = 0
        var index = 0
        for length in 1..<HuffmanCode.maximumBits + 1 {
            value |= try bits(1)
            let count = code.counts[length]
            if value - first < count { return code.symbols[index + value - first] }
            index += count
            first = (first + count) << 1
            value <<= 1
        }
        throw .invalid("bad Huffman code")
    }

    private mutating func huffmanBlock(_ literals: HuffmanCode, _ distances: HuffmanCode) throws(Failure) {
        while true {
            let symbol = try decodeSymbol(literals)
            if symbol < 256 {
                guard output.count < Self.maximumOutput else { throw .invalid("body too large") }
                output.append(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            let lengthIndex = symbol - 257
            guard lengthIndex < Self.lengthBase.count else { throw .invalid("bad length symbol") }
            let length = Self.lengthBase[lengthIndex] + (try bits(Self.lengthExtra[lengthIndex]))
            let distanceIndex = try decodeSymbol(distances)
            guard distanceIndex < Self.distanceBase.count else { throw .invalid("bad distance symbol") }
            let distance = Self.distanceBase[distanceIndex] + (try bits(Self.distanceExtra[distanceIndex]))
            guard distance <= output.count else { throw .invalid("distance too far back") }
            guard output.count + length <= Self.maximumOutput else { throw .invalid("body too large") }
            // Byte by byte: a copy may overlap the bytes it produces.
            let start = output.count - distance
            for offset in 0..<length { output.append(output[start + offset]) }
        }
    }

    private mutating func dynamicTables() throws(Failure) -> (HuffmanCode, HuffmanCode) {
        let literalCount = try bits(5) + 257
        let distanceCount = try bits(5) + 1
        let codeLengthCount = try bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw .invalid("too many codes") }
        var codeLengths = [Int](repeating: 0, count: 19)
        for index in 0..<codeLengthCount { codeLengths[Self.codeLengthOrder[index]] = try bits(3) }
        let lengthCode = try HuffmanCode(lengths: codeLengths[...])
        var lengths: [Int] = []
        lengths.reserveCapacity(literalCount + distanceCount)
        while lengths.count < literalCount + distanceCount {
            let symbol = try decodeSymbol(lengthCode)
            var repeated: Int
            var count: Int
            switch symbol {
            case 0..<16:
                lengths.append(symbol)
                continue
            case 16:
                guard let previous = lengths.last else { throw .invalid("repeat with no previous length") }
                (repeated, count) = (previous, 3 + (try bits(2)))
            case 17: (repeated, count) = (0, 3 + (try bits(3)))
            default: (repeated, count) = (0, 11 + (try bits(7)))
            }
            guard lengths.count + count <= literalCount + distanceCount else { throw .invalid("too many lengths") }
            lengths += [Int](repeating: repeated, count: count)
        }
        guard lengths[256] != 0 else { throw .invalid("no end-of-block code") }
        return (try HuffmanCode(lengths: lengths[0..<literalCount]), try HuffmanCode(lengths: lengths[literalCount...]))
    }

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
        131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025,
        1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12,
        12, 13, 13]
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    private static let fixedLiterals = try! HuffmanCode(
        lengths: ([Int](repeating: 8, count: 144) + [Int](repeating: 9, count: 112) + [Int](repeating: 7, count: 24)
            + [Int](repeating: 8, count: 8))[...])
    private static let fixedDistances = try! HuffmanCode(lengths: [Int](repeating: 5, count: 30)[...])
}

/// A canonical Huffman code as counts of codes per bit length and symbols in code order.
struct HuffmanCode {
    static let maximumBits = 15
    var counts = [Int](repeating: 0, count: maximumBits + 1)
    var symbols: [Int]

    init(lengths: ArraySlice<Int>) throws(Inflate.Failure) {
        for length in lengths { counts[length] += 1 }
        // Refuse over-subscribed codes; incomplete ones are legal (a single distance code).
        var left = 1
        for length in 1...Self.maximumBits {
            left = left << 1 - counts[length]
            guard left >= 0 else { throw .invalid("over-subscribed Huffman code") }
        }
        var offsets = [Int](repeating: 0, count: Self.maximumBits + 1)
        for length in 1..<Self.maximumBits { offsets[length + 1] = offsets[length] + counts[length] }
        symbols = [Int](repeating: 0, count: lengths.count)
        for (symbol, length) in lengths.enumerated() where length != 0 {
            symbols[offsets[length]] = symbol
            offsets[length] += 1
        }
    }
}
