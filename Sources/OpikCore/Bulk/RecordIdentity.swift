/// Ids for records that come without one, the same on every run over the same input: the
/// time part from the record's start time, the other bits from a hash of the record's compact
/// JSON (after the project it goes to, when it does not name one) and how many identical
/// records came before it (counted by `RecordChunk`, which writes the ids). Re-sending an
/// input after an interruption therefore overwrites records instead of duplicating them.
enum RecordIdentity {
    struct Digest: Hashable {
        var high: UInt64
        var low: UInt64
    }

    /// The bits beside the time of both ids.
    static func randomBits(digest: Digest, occurrence: Int) -> (id: (UInt64, UInt64), trace: (UInt64, UInt64)) {
        let n = UInt64(occurrence)
        return ((mix(digest.high ^ n), mix(digest.low &+ n)), (mix(digest.low ^ 0x7472_6163_6500 ^ n), mix(digest.high &+ 0x5452 &+ n)))
    }

    /// Writes the 36 bytes of `UUIDv7.make(milliseconds:random:)` at `out`, without the
    /// arrays and the string that one makes.
    static func writeUUID(milliseconds: UInt64, random: (UInt64, UInt64), to out: UnsafeMutablePointer<UInt8>) {
        let a = random.0, b = random.1
        let hex: StaticString = "0123456789abcdef"
        var at = 0
        func put(_ byte: UInt8) {
            out[at] = hex.utf8Start[Int(byte >> 4)]
            out[at + 1] = hex.utf8Start[Int(byte & 0x0F)]
            at += 2
        }
        for i in 0..<16 {
            if i == 4 || i == 6 || i == 8 || i == 10 {
                out[at] = UInt8(ascii: "-")
                at += 1
            }
            switch i {
            case 0..<6: put(UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - UInt64(i)))))
            case 6: put(0x70 | UInt8(truncatingIfNeeded: a >> 60 & 0x0F))
            case 7: put(UInt8(truncatingIfNeeded: a >> 52))
            case 8: put(0x80 | UInt8(truncatingIfNeeded: a >> 46 & 0x3F))
            default: put(UInt8(truncatingIfNeeded: b >> (8 * UInt64(15 - i))))
            }
        }
    }

    /// The digest of `prefix`, then `first` (when given), then `bytes`: two FNV-1a hashes of
    /// different bases, for 128 bits of spread.
    static func digest(prefix: [UInt8] = [], first: UInt8?, _ bytes: UnsafeBufferPointer<UInt8>) -> Digest {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x6c62_272e_07bb_0142
        let prime: UInt64 = 0x0000_0100_0000_01B3
        for byte in prefix {
            a = (a ^ UInt64(byte)) &* prime
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_0233
        }
        if let byte = first {
            a = (a ^ UInt64(byte)) &* prime
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_0233
        }
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* prime
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_0233
        }
        return Digest(high: mix(a), low: mix(b))
    }

    /// SplitMix64's finaliser, so nearby inputs give unrelated bits.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
