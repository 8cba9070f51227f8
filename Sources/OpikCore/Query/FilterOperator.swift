/// An operator of the filter language, spelt as the server expects it.
package enum FilterOperator: String, CaseIterable, Sendable {
    case equal = "="
    case notEqual = "!="
    case greaterThan = ">"
    case greaterThanOrEqual = ">="
    case lessThan = "<"
    case lessThanOrEqual = "<="
    case contains
    case notContains = "not_contains"
    case startsWith = "starts_with"
    case endsWith = "ends_with"
    case isEmpty = "is_empty"
    case isNotEmpty = "is_not_empty"
    case `in`
    case notIn = "not_in"

    /// What follows the operator in an expression.
    package enum Operand: Sendable {
        case none, single, list
    }

    package var operand: Operand {
        switch self {
        case .isEmpty, .isNotEmpty: return .none
        case .in, .notIn: return .list
        default: return .single
        }
    }

    /// Spellings that users from other query languages type, with the operator they mean.
    static let aliases: [String: FilterOperator] = [
        "==": .equal, "<>": .notEqual, "!": .notEqual, "=>": .greaterThanOrEqual,
        "=<": .lessThanOrEqual, "like": .contains, "not_like": .notContains,
    ]
}
