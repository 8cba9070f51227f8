/// The server's type of a filterable field, which decides the operators and values it takes
/// (see docs/SERVER.md#operators-per-type).
package enum FilterFieldType: String, CaseIterable, Sendable {
    case string = "STRING"
    case stringExact = "STRING_EXACT"
    case dateTime = "DATE_TIME"
    case number = "NUMBER"
    case dictionary = "DICTIONARY"
    case list = "LIST"
    /// Comma-separated ids (traces' `experiment_ids`): only `in` and `not_in`.
    case stringList = "STRING_LIST"
    case feedbackScoresNumber = "FEEDBACK_SCORES_NUMBER"
    case errorContainer = "ERROR_CONTAINER"
    case enumeration = "ENUM"
    case enumerationLegacy = "ENUM_LEGACY"

    /// The operators the server accepts for this type, in the order help shows them.
    package var operators: [FilterOperator] {
        switch self {
        case .string, .stringExact:
            return [.equal, .notEqual, .greaterThan, .lessThan, .contains, .notContains, .startsWith, .endsWith]
        case .dateTime, .number:
            return [.equal, .notEqual, .greaterThan, .greaterThanOrEqual, .lessThan, .lessThanOrEqual]
        case .dictionary:
            // No >= or <= for dictionaries, although the SDK's parser offers them (see docs/SERVER.md#sdk-filter-language).
            return [.equal, .notEqual, .greaterThan, .lessThan, .contains, .notContains, .startsWith,
                    .endsWith, .isEmpty, .isNotEmpty]
        case .list:
            return [.equal, .notEqual, .contains, .notContains, .isEmpty, .isNotEmpty]
        case .stringList:
            return [.in, .notIn]
        case .feedbackScoresNumber:
            return [.equal, .notEqual, .greaterThan, .greaterThanOrEqual, .lessThan, .lessThanOrEqual,
                    .isEmpty, .isNotEmpty]
        case .errorContainer:
            return [.isEmpty, .isNotEmpty]
        case .enumeration:
            return [.equal, .notEqual, .isEmpty, .isNotEmpty, .in, .notIn]
        case .enumerationLegacy:
            return [.equal, .notEqual]
        }
    }

    /// Whether the server runs values of this type through a URL decoder after parsing the
    /// JSON (see docs/SERVER.md#filter-encoding), so `%` and `+` must be sent percent-encoded.
    package var isURLDecoded: Bool {
        switch self {
        case .string, .stringExact, .stringList, .enumeration: return false
        default: return true
        }
    }

    /// Whether an unquoted number is a natural value (`duration > 100`); other types want
    /// their values in double quotes.
    var acceptsBareNumber: Bool {
        switch self {
        case .number, .feedbackScoresNumber, .dictionary: return true
        default: return false
        }
    }

    /// A short lowercase name for messages and help.
    package var summary: String {
        switch self {
        case .string: return "text"
        case .stringExact: return "exact text"
        case .dateTime: return "time"
        case .number: return "number"
        case .dictionary: return "json"
        case .list: return "list"
        case .stringList: return "id list"
        case .feedbackScoresNumber: return "score"
        case .errorContainer: return "error"
        case .enumeration, .enumerationLegacy: return "enum"
        }
    }
}
