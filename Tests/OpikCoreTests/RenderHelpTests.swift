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

    @Test func everyFormatHasASummary() {
        for format in OutputFormat.allCases {
            #expect(!format.summary.isEmpty && format.summary.count <= 70)
        }
    }
}
