import OpikCore
import Testing

@Suite struct RenderHelpTests {
    @Test func formatsTopicFitsEightyColumnsWithoutTrailingSpaces() {
        let lines = OutputFormat.helpTopic.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines {
            #expect(DisplayWidth.of(String(line)) <= 80, "\(line)")
            #expect(!line.hasSuffix(" "), "\(line)")
        }
        for format in OutputFormat.allCases {
            #expect(OutputFormat.helpTopic.contains("  \(format.rawValue) "))
        }
    }

    @Test(arguments: Entity.all.map(\.name))
    func formatsTopicGivesEachEntitysDropOrderAndDefaultColumns(name: String) throws {
        let entity = try #require(Entity.all.first { $0.name == name })
        let lines = OutputFormat.helpTopic.split(separator: "\n").map { $0.trimmingPrefix(while: { $0 == " " }) }
        #expect(lines.contains { $0.hasPrefix(entity.plural + " ") && $0.hasSuffix(" " + entity.narrowDropOrder.joined(separator: " ")) })
        #expect(lines.contains { $0.hasPrefix(entity.plural + " ") && $0.hasSuffix(" " + entity.defaultColumns.map(\.header).joined(separator: " ")) })
    }

    @Test func everyFormatHasASummary() {
        for format in OutputFormat.allCases {
            #expect(!format.summary.isEmpty && format.summary.count <= 70)
        }
    }
}
