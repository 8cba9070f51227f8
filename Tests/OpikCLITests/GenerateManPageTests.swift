import Foundation
import OpikCLI
import OpikTestSupport
import Testing

private let topics = HelpTopicTexts(
    filters: "A filter is a field, an operator and a value.\n\n  name contains \"retriev\"\n  .dotted = 'x' and back\\slash\n",
    formats: "Formats are table, json, ndjson and csv.")

private func manPage(_ root: CommandSpec = SampleTree.root) -> String {
    ManPage.render(root: root, topics: topics, date: "2025-06-01")
}

@Suite struct GenerateManPageTests {
    @Test(.enabled(if: ExternalTool.isInstalled("groff"), "needs groff")) func groffRendersThePageWithoutWarnings() throws {
        let file = try temporaryFile(named: "opik.1", contents: manPage())
        for device in ["ps", "utf8", "ascii"] {
            let result = try runProcess("groff", ["-man", "-ww", "-z", "-T\(device)", file])
            #expect(result.stderr == "", "device \(device)")
            #expect(result.status == 0)
        }
    }

    @Test func sectionsComeInTheUsualOrder() {
        let headings = manPage().split(separator: "\n").filter { $0.hasPrefix(".SH ") }.map { String($0.dropFirst(4)) }
        #expect(headings == [
            "\"NAME\"", "\"SYNOPSIS\"", "\"DESCRIPTION\"", "\"COMMANDS\"", "\"GLOBAL OPTIONS\"", "\"FILTERS\"",
            "\"OUTPUT FORMATS\"", "\"CONFIGURATION\"", "\"ENVIRONMENT\"", "\"FILES\"", "\"EXIT STATUS\"", "\"EXAMPLES\"",
            "\"SEE ALSO\"",
        ])
    }

    @Test func everyVisibleCommandHasASubsectionAndHiddenOnesNone() {
        let page = manPage()
        for path in CommandPath.visiblePaths(under: SampleTree.root) {
            let heading = ".SS \"" + CommandPath.synopsis(path).replacingOccurrences(of: "-", with: "\\-").replacingOccurrences(of: "|", with: "|\\:") + "\""
            #expect(page.contains(heading + "\n"), "\(heading)")
        }
        #expect(!page.contains("__complete"))
        #expect(!page.contains("debug"))
    }

    @Test func optionsUseMinusSignsAndFonts() {
        let page = manPage()
        #expect(page.contains(".TP\n\\fB\\-p\\fR, \\fB\\-\\-project\\fR \\fINAME\\fR\nProject to work in.\n"))
        // Choices may wrap after each bar.
        #expect(page.contains("Output format. [table|\\:json|\\:ndjson|\\:csv]\n"))
    }

    @Test func topicTextsAreEscapedAndLiteralLinesKept() {
        let page = manPage()
        #expect(page.contains(".SH \"FILTERS\"\n.PP\nA filter is a field, an operator and a value.\n.PP\n.RS 4\n.nf\nname contains \"retriev\"\n\\&.dotted = 'x' and back\\eslash\n.fi\n.RE\n"))
    }

    @Test func environmentAndExitStatusComeFromTheirEnums() {
        let page = manPage()
        #expect(page.contains(".TP\n\\fBOPIK_API_KEY\\fR\n"))
        #expect(page.contains(".TP\n\\fB130\\fR\ninterrupted (Ctrl\\-C)\n"))
    }

    @Test func configurationSpellsOutThePrecedence() {
        let page = manPage()
        #expect(page.contains("the command\\-line flag, then the environment variable, then the config file, then the default."))
        #expect(page.contains(".TP\n\\fB~/.opik.config\\fR\n"))
    }

    @Test func examplesIncludeEveryCommandsAndTheCIUpload() {
        let page = manPage()
        let examplesSection = String(page[page.range(of: ".SH \"EXAMPLES\"")!.upperBound...])
        #expect(examplesSection.contains("opik spans comment delete CID\n"))
        #expect(examplesSection.contains("| jq "))
        #expect(examplesSection.contains("spans score upload scores.ndjson \\-\\-failed rejected.ndjson; then\n"))
    }

    @Test func titleCarriesTheGivenDate() {
        #expect(manPage().contains(".TH \"OPIK\" 1 \"2025\\-06\\-01\" \"opik\" \"User Commands\"\n"))
    }

    @Test(arguments: [
        (nil as String?, ManPage.fixedDate), ("0", "1970-01-01"), ("951782400", "2000-02-29"),
        ("1735689599", "2024-12-31"), ("1767225600", "2026-01-01"), ("not a number", ManPage.fixedDate),
    ])
    func dateFollowsSourceDateEpoch(epoch: String?, date: String) {
        #expect(ManPage.date(sourceDateEpoch: epoch) == date)
    }
}

@Suite struct GenerateFilesTests {
    @Test func listsTheFourCommittedFiles() {
        let files = GeneratedFiles.all(root: SampleTree.root, topics: topics)
        #expect(files.map(\.path) == ["completions/opik.bash", "completions/_opik", "completions/opik.fish", "man/opik.1"])
        #expect(files[0].contents == Completion.bash(root: SampleTree.root))
        #expect(files[3].contents == ManPage.render(root: SampleTree.root, topics: topics, date: ManPage.fixedDate))
    }
}
