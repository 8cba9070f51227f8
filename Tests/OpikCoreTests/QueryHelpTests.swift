import Foundation
import OpikCore
import Testing

@Suite struct QueryHelpTests {
    let text = FilterLanguage.helpTopic(for: Entity.all)
    var lines: [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false) }

    @Test func fitsEightyColumnsWithoutTrailingSpaces() {
        for line in lines {
            #expect(line.count <= 80, "\(line)")
            #expect(line.last != " ", "\(line)")
        }
        #expect(text.hasSuffix("\n"))
    }

    /// Every field of every entity, in that entity's own table.
    static let fields = Entity.all.flatMap { entity in entity.filterFields.map { (entity.name, $0) } }

    @Test(arguments: fields)
    func listsEveryFieldWithItsTypeAndOperators(entity: String, field: FilterField) throws {
        let title = entity.prefix(1).uppercased() + entity.dropFirst() + " fields"
        let start = try #require(lines.firstIndex { $0.hasPrefix(title) })
        let header = try #require(lines[start...].firstIndex { $0.hasPrefix("FIELD ") })
        let typeColumn = try #require(lines[header].range(of: "TYPE")).lowerBound.utf16Offset(in: lines[header])
        let operatorColumn = try #require(lines[header].range(of: "OPERATORS")).lowerBound.utf16Offset(in: lines[header])
        let shown = field.takesKey ? "\(field.name).\(field.type == .dictionary ? "KEY" : "NAME")" : field.name
        let index = try #require(lines[header...].firstIndex { $0.split(separator: " ").first.map(String.init) == shown })
        // A field's block starts after a blank line or the header; its first row has the type.
        var first = index
        while !lines[first - 1].isEmpty, !lines[first - 1].hasPrefix("FIELD ") { first -= 1 }
        #expect(lines[first].dropFirst(typeColumn).prefix(operatorColumn - typeColumn).trimmingCharacters(in: .whitespaces)
            == field.type.summary)
        var operators: [Substring] = []
        var row = first
        while row < lines.count, !lines[row].isEmpty {
            operators += lines[row].dropFirst(operatorColumn).split(separator: " ")
            row += 1
        }
        #expect(operators.map(String.init) == field.operators.map(\.rawValue))
    }

    @Test(arguments: Entity.all.map(\.name))
    func showsEveryExampleAndTheTimeOptions(name: String) throws {
        let entity = try #require(Entity.all.first { $0.name == name })
        for example in entity.filterExamples {
            #expect(text.contains("opik \(entity.plural) list -f '\(example)'"))
        }
        #expect(text.contains("opik spans list --since 24h"))
        // Each section is headed by the entity's title, the same for every entity.
        #expect(text.contains("\n\(entity.title) fields (opik \(entity.plural) … --filter)\n"))
        #expect(text.contains("\n\(entity.title) examples\n"))
        #expect(text.contains("type is one of: general, tool, llm, guardrail."))
        #expect(text.contains("visibility_mode is one of: default, hidden."))
    }

    @Test func titlesAreNamesWithACapital() {
        #expect(Entity.all.map(\.title) == ["Span", "Trace"])
        #expect(Entity.all.map(\.pluralTitle) == ["Spans", "Traces"])
    }

    @Test func examplesInHelpParse() throws {
        for entity in Entity.all {
            for example in entity.filterExamples {
                #expect(try !FilterLanguage.parse(example, for: entity).isEmpty)
            }
        }
    }
}
