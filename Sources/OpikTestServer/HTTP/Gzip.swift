/// Gzip (RFC 1952) without linking zlib: encoding with stored (uncompressed) deflate blocks,
/// valid gzip that any decoder accepts, and full decoding of request bodies through `Inflate`.
enum Gzip {
    /// Decodes one or more concatenated gzip members, checking each CRC-32 and length;
    /// nil when the data is not valid gzip.
    static func decode(_ data: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        var offset = 0
        repeat {
            guard data.count - offset >= 18, data[offset] == 0x1F, data[offset + 1] == 0x8B, data[offset + 2] == 8
            else { return nil }
            let flags = data[offset + 3]
            var cursor = offset + 10
            if flags & 0x04 != 0 {  // FEXTRA: a length, then that many bytes
                guard cursor + 2 <= data.count else { return nil }
                cursor += 2 + (Int(data[cursor]) | Int(data[cursor + 1]) << 8)
            }
            for flag: UInt8 in [0x08, 0x10] where flags & flag != 0 {  // FNAME, FCOMMENT: zero-terminated
                while cursor < data.count && data[cursor] != 0 { cursor += 1 }
                cursor += 1
            }
            if flags & 0x02 != 0 { cursor += 2 }  // FHCRC
            guard cursor < data.count, let (member, end) = try? Inflate.decode(data, from: cursor),
                end + 8 <= data.count
            else { return nil }
            let crc = readLittleEndian(data, at: end)
            let size = readLittleEndian(data, at: end + 4)
            guard crc == crc32(member), size == UInt32(truncatingIfNeeded: member.count) else { return nil }
            output += member
            offset = end + 8
        } while offset < data.count
        return output
    }

    private static func readLittleEndian(_ data: [UInt8], at index: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(data[index + $1]) << UInt32(8 * $1) }
    }

    static func encode(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
        var offset = 0
        repeat {
            let count = min(65535, data.count - offset)
            let isLast = offset + count == data.count
            out.append(isLast ? 1 : 0)
            out.append(UInt8(count & 0xFF))
            out.append(UInt8(count >> 8))
            out.append(UInt8(~count & 0xFF))
            out.append(UInt8((~count >> 8) & 0xFF))
            out.append(contentsOf: data[offset..<offset + count])
            offset += count
        } while offset < data.count
        appendLittleEndian(crc32(data), to: &out)
        appendLittleEndian(UInt32(truncatingIfNeeded: data.count), to: &out)
        return out
    }

    /// A gzip member that inflates to `count` zero bytes (rounded up to a whole run) from about
    /// `count / 170` bytes: one literal zero, then back-references of 258 bytes at distance 1,
    /// in fixed-Huffman deflate. The trailer's checksum is not computed (clients are meant to
    /// give up long before it).
    static func bomb(decompressedBytes count: Int) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
        var bits = BitWriter()
        bits.put(1, count: 1)  // BFINAL
        bits.put(1, count: 2)  // BTYPE 01: fixed Huffman codes
        bits.putCode(0b0011_0000, length: 8)  // literal 0
        for _ in 0..<max(0, (count - 1 + 257) / 258) {
            bits.putCode(0b1100_0101, length: 8)  // length code 285: 258 bytes
            bits.putCode(0, length: 5)  // distance code 0: distance 1
        }
        bits.putCode(0, length: 7)  // end of block
        out += bits.bytes
        appendLittleEndian(0, to: &out)
        appendLittleEndian(UInt32(truncatingIfNeeded: count), to: &out)
        return out
    }

    /// Deflate's bit order: values least significant bit first, Huffman codes most significant first.
    private struct BitWriter {
        var buffer: [UInt8] = []
        var current: UInt32 = 0
        var used: UInt32 = 0

        mutating func put(_ value: UInt32, count: UInt32) {
            for i in 0..<count { putBit((value >> i) & 1) }
        }

        mutating func putCode(_ code: UInt32, length: UInt32) {
            for i in (0..<length).reversed() { putBit((code >> i) & 1) }
        }

        mutating func putBit(_ bit: UInt32) {
            current |= bit << used
            used += 1
            if used == 8 {
                buffer.append(UInt8(current))
                current = 0
                used = 0
            }
        }

        /// The bits so far, the last byte filled up with zeros.
        var bytes: [UInt8] { used > 0 ? buffer + [UInt8(current)] : buffer }
    }

    private static func appendLittleEndian(_ value: UInt32, to out: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }

    private static let table: [UInt32] = (0..<256).map { index in
        var c = UInt32(index)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
