/// One field of a bulk record that `RecordRules` checks or the preparation fills in.
package struct RecordField: Sendable, Equatable {
    /// How a present, non-null value is checked.
    package enum Check: Sendable, Equatable {
        /// A UUID, of version 7 when asked.
        case uuid(version7: Bool)
        /// An RFC 3339 time within the server's range.
        case time
        /// A time no later than the server accepts for an update.
        case updateTime
        case choice([String])
        case number(minimum: Double)
        /// Any string: the value need not be built to be checked.
        case string
        case text(maxLength: Int)
        /// An array of strings.
        case strings
        /// An object of 32-bit integer counts.
        case counts
        case object
    }

    package let name: String
    package let check: Check
    /// Given a value when absent; a `null` counts as absent.
    package let isFilled: Bool

    package init(_ name: String, _ check: Check, isFilled: Bool = false) {
        self.name = name
        self.check = check
        self.isFilled = isFilled
    }

    /// Whether the only rule is being a string, so a scanner may skip the value unbuilt.
    var isPlainString: Bool { check == .string }
}
