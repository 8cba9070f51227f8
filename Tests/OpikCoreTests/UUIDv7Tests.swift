import OpikCore
import Testing

@Suite struct UUIDv7Tests {
    @Test func makesVersion7IdsCarryingTheirTime() {
        let id = UUIDv7.make(milliseconds: 1_782_907_200_123, random: (0xFFFF_FFFF_FFFF_FFFF, 0x0123_4567_89AB_CDEF))
        #expect(UUIDv7.isVersion7(id))
        #expect(UUIDv7.milliseconds(of: id) == 1_782_907_200_123)
        #expect(id.count == 36)
    }

    /// The time fills the first 48 bits; version and variant bits are set over the random ones.
    @Test func theIdIsMadeOfTheTimeAndTheRandomBits() {
        #expect(UUIDv7.make(milliseconds: 5, random: (1, 2)) == "00000000-0005-7000-8000-000000000002")
        #expect(UUIDv7.make(milliseconds: 5, random: (1, 3)) == "00000000-0005-7000-8000-000000000003")
        #expect(UUIDv7.make(milliseconds: 1_782_907_200_123, random: (0xFFFF_FFFF_FFFF_FFFF, 0x0123_4567_89AB_CDEF))
                    == "019f1d8c-e27b-7fff-bf23-456789abcdef")
    }

    @Test(arguments: [
        ("0190b5d2-7c1e-7a3b-8f00-5b9a1c2d3e4f", true, true),
        ("0190b5d2-7c1e-4a3b-8f00-5b9a1c2d3e4f", true, false),
        ("0190b5d2-7c1e-7a3b-8f00-5b9a1c2d3e4", false, false),
        ("not-a-uuid", false, false),
    ])
    func validation(text: String, valid: Bool, v7: Bool) {
        #expect(UUIDv7.isValid(text) == valid)
        #expect(UUIDv7.isVersion7(text) == v7)
    }
}
