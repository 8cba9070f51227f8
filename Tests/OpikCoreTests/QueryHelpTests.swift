import Foundation
import OpikCore
import Testing

@Suite struct QueryHelpTests {
    let lines = FilterLanguage.helpTopic(for: .span).split(separator: "\n", omittingEmptySubsequences: false)

    @Test func fitsEightyColumnsWithoutTrailingSpaces() {
        for line in lines {
            #expect(line.count <= 80, "\(line)")
            #expect(line.last != " ", "\(line)")
        }
        #expect(FilterLanguage.helpTopic(for: .span).hasSuffix("\n"))
    }

    @Test(arguments: Entity.span.filterFields)
    func listsEveryFieldWithItsTypeAndOperators(field: FilterField) throws {
        let shown = field.takesKey ? "\(field.name).\(field.type == .dictionary ? "KEY" : "NAME")" : field.name
        let index = try #require(lines.firstIndex { $0.split(separator: " ").first.map(String.init) == shown })
        // A field's block starts after a blank line or the header; its first row has the type.
        var first = index
        while !lines[first - 1].isEmpty, !lines[first - 1].hasPrefix("FIELD ") { first -= 1 }
        #expect(lines[first].dropFirst(25).prefix(12).trimmingCharacters(in: .whitespaces) == field.type.summary)
        var operators: [Substring] = []
        var row = first
        while row < lines.count, !lines[row].isEmpty {
            operators += lines[row].dropFirst(37).split(separator: " ")
            row += 1
        }
        #expect(operators.map(String.init) == field.operators.map(\.rawValue))
    }

    @Test func showsEveryExampleAndTheTimeOptions() {
        for example in Entity.span.filterExamples {
            #expect(FilterLanguage.helpTopic(for: .span).contains("opik spans list -f '\(example)'"))
        }
        #expect(FilterLanguage.helpTopic(for: .span).contains("opik spans list --since 24h"))
        #expect(FilterLanguage.helpTopic(for: .span).contains("type is one of: general, tool, llm, guardrail."))
    }

    @Test func examplesInHelpParse() throws {
        for example in Entity.span.filterExamples {
            #expect(try !FilterLanguage.parse(example).isEmpty)
        }
    }
}
