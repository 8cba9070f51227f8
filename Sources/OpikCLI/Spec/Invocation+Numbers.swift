import OpikCore

extension Invocation {
    /// The whole number given for `option`, checked against `range`; nil when not given.
    func wholeNumber(_ option: OptionSpec, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = value(option) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            let expected = range.upperBound == Int.max
                ? "of at least \(range.lowerBound)" : "from \(range.lowerBound) to \(range.upperBound)"
            throw OpikError.usage("invalid --\(option.long) '\(text)': expected a whole number \(expected)")
        }
        return number
    }
}
