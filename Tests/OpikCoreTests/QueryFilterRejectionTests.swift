import OpikCore
import Testing

@Suite struct QueryFilterRejectionTests {
    struct Rejection: Sendable, CustomTestStringConvertible {
        let expression: String
        let message: String
        let column: Int
        init(_ expression: String, _ message: String, _ column: Int) {
            (self.expression, self.message, self.column) = (expression, message, column)
        }
        var testDescription: String { expression }
    }

    static let dictionaryOperators = "=, !=, >, <, contains, not_contains, starts_with, ends_with, is_empty or is_not_empty"
    static let usageFields = "usage.total_tokens, usage.prompt_tokens and usage.completion_tokens"
    static let quoteKey = "a key with characters other than letters, digits and '_' needs quotes: "

    static let rejections: [Rejection] = [
        // Structure
        Rejection("", "empty filter expression", 1),
        Rejection("   ", "empty filter expression", 4),
        Rejection(#"name = "x" or type = "llm""#, "'or' is not supported: conditions can only be joined with 'and'", 12),
        Rejection(#"ttft > 100 OR ttft < 5"#, "'OR' is not supported: conditions can only be joined with 'and'", 12),
        Rejection(#"(name = "x")"#, "parentheses are not supported: conditions can only be joined with 'and'", 1),
        Rejection(#"name = "x" and (type = "llm")"#,
                  "parentheses are not supported: conditions can only be joined with 'and'", 16),
        Rejection(#"not name = "x""#, "'not' is not supported: use a negated operator such as != or not_contains", 1),
        Rejection(#"name = "x" and"#, "expected a condition after 'and'", 15),
        Rejection(#"name = "x" and and"#, "expected a condition before 'and'", 16),
        Rejection(#"name = "x" type = "llm""#, "expected 'and' before 'type'", 12),
        Rejection(#"name = "x" ; type = "llm""#, "expected 'and' after the condition, found ';'", 12),
        // Fields and keys
        Rejection(#"nmae contains "x""#, "unknown field 'nmae' (did you mean 'name'?)", 1),
        Rejection(#"status = "ok""#, "unknown field 'status'", 1),
        Rejection(#"trace-id = "x""#, "unknown field 'trace-id' (did you mean 'trace_id'?)", 1),
        Rejection(#"total_tokens > 5"#, "unknown field 'total_tokens' (did you mean 'usage.total_tokens'?)", 1),
        Rejection(#"name = "x" AND metdata.a = "y""#, "unknown field 'metdata' (did you mean 'metadata'?)", 16),
        Rejection(#"usage > 1"#, "field 'usage' needs a part: usage.total_tokens, usage.prompt_tokens or usage.completion_tokens", 1),
        Rejection(#"usage.cost > 1"#, "unknown field 'usage.cost'; only \(usageFields) can be filtered", 7),
        Rejection(#"usage.total_token > 1"#,
                  "unknown field 'usage.total_token' (did you mean 'usage.total_tokens'?); only \(usageFields) can be filtered", 7),
        Rejection(#"name.first = "x""#,
                  "field 'name' takes no key; only metadata, input_json, output_json and feedback_scores do", 6),
        Rejection(#"metadata = "x""#, "field 'metadata' needs a key, a JSON path such as metadata.model", 1),
        Rejection(#"feedback_scores > 0.5"#, "field 'feedback_scores' needs a score name, such as feedback_scores.accuracy", 1),
        Rejection(#"metadata."" = "x""#, "empty key", 10),
        Rejection(#"metadata. = "x""#, "expected a key after 'metadata.'", 10),
        Rejection(#"metadata.a.b = "x""#, quoteKey + #"metadata."a.b""#, 10),
        Rejection(#"metadata.my-key = "x""#, quoteKey + #"metadata."my-key""#, 10),
        Rejection(#"metadata."a = x"#, #"unterminated string: missing closing ""#, 10),
        // Operators
        Rejection(#"name contain "x""#, "unknown operator 'contain' (did you mean 'contains'?)", 6),
        Rejection(#"name == "x""#, "unknown operator '==' (did you mean '='?)", 6),
        Rejection(#"name <> "x""#, "unknown operator '<>' (did you mean '!='?)", 6),
        Rejection(#"name like "x""#, "unknown operator 'like' (did you mean 'contains'?)", 6),
        Rejection(#"name matches "x""#, "unknown operator 'matches'", 6),
        Rejection(#"tags is empty"#, "unknown operator 'is' (did you mean 'is_empty'?)", 6),
        Rejection(#"tags is not empty"#, "unknown operator 'is' (did you mean 'is_not_empty'?)", 6),
        Rejection(#"type not in ("llm")"#, "unknown operator 'not' (did you mean 'not_in'?)", 6),
        Rejection(#"name starts with "a""#, "unknown operator 'starts' (did you mean 'starts_with'?)", 6),
        Rejection(#"name"#, "expected an operator after 'name'", 5),
        Rejection(#"metadata.model"#, "expected an operator after 'metadata.model'", 15),
        Rejection(#"name # "x""#, "expected an operator after 'name', found '#'", 6),
        Rejection(#"metadata.model >= 1"#,
                  "operator '>=' is not allowed on 'metadata' (json); use \(dictionaryOperators)", 16),
        Rejection(#"name >= "a""#, "operator '>=' is not allowed on 'name' (text); "
                  + "use =, !=, >, <, contains, not_contains, starts_with or ends_with", 6),
        Rejection(#"tags > "x""#, "operator '>' is not allowed on 'tags' (list); "
                  + "use =, !=, contains, not_contains, is_empty or is_not_empty", 6),
        Rejection(#"error_info = "x""#, "operator '=' is not allowed on 'error_info' (error); use is_empty or is_not_empty", 12),
        Rejection(#"source in ("sdk")"#, "operator 'in' is not allowed on 'source' (enum); use = or !=", 8),
        Rejection(#"start_time contains "2026""#, "operator 'contains' is not allowed on 'start_time' (time); "
                  + "use =, !=, >, >=, < or <=", 12),
        Rejection(#"feedback_scores.a contains "x""#, "operator 'contains' is not allowed on 'feedback_scores' (score); "
                  + "use =, !=, >, >=, <, <=, is_empty or is_not_empty", 19),
        Rejection(#"name is_empty"#, "operator 'is_empty' is not allowed on 'name' (text); "
                  + "use =, !=, >, <, contains, not_contains, starts_with or ends_with", 6),
        // Values
        Rejection(#"name contains"#, "expected a value after 'contains'", 14),
        Rejection(#"name contains "x"#, #"unterminated string: missing closing ""#, 15),
        Rejection(#"name = retriev"#, #"values need double quotes: "retriev""#, 8),
        Rejection(#"name = 5"#, #"values need double quotes: "5""#, 8),
        Rejection(#"name = 'it''s'"#, #"values need double quotes: "it's""#, 8),
        Rejection(#"name = x"y"#, #"values need double quotes: "x""y""#, 8),
        Rejection(#"type = llm"#, #"values need double quotes: "llm""#, 8),
        Rejection(#"start_time > 2026-07-01"#, #"values need double quotes: "2026-07-01""#, 14),
        Rejection(#"duration > 1e5"#, "invalid number '1e5'; write numbers like 42, -3 or 0.5", 12),
        Rejection(#"duration > fast"#, "invalid number 'fast'; write numbers like 42, -3 or 0.5", 12),
        Rejection(#"duration > .5"#, "invalid number '.5'; write numbers like 42, -3 or 0.5", 12),
        Rejection(#"duration > 5and ttft > 1"#, "invalid number '5and'; write numbers like 42, -3 or 0.5", 12),
        Rejection(#"duration > "fast""#, #"'duration' takes a number, not "fast""#, 12),
        Rejection(#"feedback_scores.a >= "high""#, #"'feedback_scores' takes a number, not "high""#, 22),
        Rejection(#"metadata.temperature > "hot""#, #"'>' on 'metadata' compares numbers; "hot" is not one"#, 24),
        Rejection(#"metadata.n < 1.2.3"#, "invalid number '1.2.3'; write numbers like 42, -3 or 0.5", 14),
        Rejection(#"metadata.model = gpt"#, #"values need double quotes: "gpt""#, 18),
        Rejection(#"start_time > "yesterday""#,
                  #"invalid time "yesterday" for 'start_time'; write RFC 3339 such as "2026-07-01T10:00:00Z""#, 14),
        Rejection(#"created_at > "2026-02-30T00:00:00Z""#,
                  #"invalid time "2026-02-30T00:00:00Z" for 'created_at'; write RFC 3339 such as "2026-07-01T10:00:00Z""#, 14),
        Rejection(#"end_time < "2026-07-01T10:00:00+0200""#,
                  #"invalid time "2026-07-01T10:00:00+0200" for 'end_time'; write RFC 3339 such as "2026-07-01T10:00:00Z""#, 12),
        Rejection(#"end_time < "2026-07-01T10:00""#,
                  #"invalid time "2026-07-01T10:00" for 'end_time'; write RFC 3339 such as "2026-07-01T10:00:00Z""#, 12),
        Rejection(#"type = "lm""#, #"unknown type "lm" (did you mean "llm"?); use general, tool, llm or guardrail"#, 8),
        Rejection(#"type = "LLM""#, #"unknown type "LLM" (did you mean "llm"?); use general, tool, llm or guardrail"#, 8),
        Rejection(#"source = "cli""#, #"unknown source "cli"; use sdk, experiment, playground, optimization or evaluator"#, 10),
        Rejection(#"tags is_empty "x""#, "'is_empty' takes no value", 15),
        Rejection(#"tags is_empty x"#, "expected 'and' before 'x'", 15),
        // Lists
        Rejection(#"type in ("llm", "tol")"#, #"unknown type "tol" (did you mean "tool"?); use general, tool, llm or guardrail"#, 17),
        Rejection(#"type in "llm""#, #"'in' needs a list in parentheses, such as ("llm", "tool")"#, 9),
        Rejection(#"type not_in"#, #"'not_in' needs a list in parentheses, such as ("llm", "tool")"#, 12),
        Rejection(#"type = ("llm")"#, "a list is only valid after 'in' or 'not_in'", 8),
        Rejection(#"type in ()"#, "empty list", 10),
        Rejection(#"type in ("llm" "tool")"#, #"expected ',' or ')' in the list, found '"'"#, 16),
        Rejection(#"type in ("llm","#, #"expected a value after 'in'"#, 16),
        Rejection(#"type in ("llm""#, "unterminated list: expected ')'", 15),
        Rejection(#"type in (llm)"#, #"values need double quotes: "llm""#, 10),
        Rejection(#"type in ("llm,tool")"#, "list items cannot contain a comma", 10),
        Rejection(#"environment in ("a", "")"#, "empty list item", 22),
        // Accepted by the server's checks, then refused or failed on (500)
        Rejection(#"type is_empty"#, "operator 'is_empty' is not allowed on 'type' (enum); use =, !=, in or not_in", 6),
        Rejection(#"name = "x" and type is_not_empty"#,
                  "operator 'is_not_empty' is not allowed on 'type' (enum); use =, !=, in or not_in", 21),
        Rejection(#"usage.total_tokens > 1.5"#, "'usage.total_tokens' takes a whole number, not 1.5", 22),
        Rejection(#"usage.completion_tokens = 2.0"#, "'usage.completion_tokens' takes a whole number, not 2.0", 27),
        Rejection(#"name = """#, "'=' on 'name' needs a value that is not blank", 8),
        Rejection(#"tags != " ""#, "'!=' on 'tags' needs a value that is not blank", 9),
        Rejection(#"environment = "  ""#, "'=' on 'environment' needs a value that is not blank", 15),
        Rejection(#"type != """#, "'!=' on 'type' needs a value that is not blank", 9),
    ]

    @Test(arguments: rejections)
    func rejected(_ rejection: Rejection) {
        #expect(throws: FilterError(message: rejection.message, column: rejection.column,
                                    expression: rejection.expression)) {
            try FilterLanguage.parse(rejection.expression, for: .span)
        }
    }

    @Test func errorNamesTheColumnAndPointsAtIt() throws {
        let error = try #require(throws: FilterError.self) { try FilterLanguage.parse("name = \"x\" and\tnmae = \"y\"", for: .span) }
        #expect(error.description == "column 16: unknown field 'nmae' (did you mean 'name'?)")
        #expect(error.pointer == "name = \"x\" and nmae = \"y\"\n               ^")
    }

    @Test func pointerAfterTheEndForSomethingMissing() throws {
        let error = try #require(throws: FilterError.self) { try FilterLanguage.parse("tags =", for: .span) }
        #expect(error.pointer == "tags =\n      ^")
    }
}

extension QueryFilterRejectionTests {
    @Test func messageStaysOnOneLineWhenTheValueHasLineBreaks() throws {
        let error = try #require(throws: FilterError.self) { try FilterLanguage.parse("duration > \"1\n2\"", for: .span) }
        #expect(error.message == #"'duration' takes a number, not "1 2""#)
        #expect(error.pointer == "duration > \"1 2\"\n           ^")
    }
}
