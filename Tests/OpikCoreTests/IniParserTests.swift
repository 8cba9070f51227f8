import OpikCore
import Testing

/// The config file reader against Python configparser's behaviour.
@Suite struct IniParserTests {
    func value(_ text: String, _ key: String, section: String = "opik") -> String? {
        IniParser(text: text).value(section: section, key: key)?.0.value
    }

    @Test func crlfAndABOMReadLikeLF() {
        let text = "\u{FEFF}[opik]\r\nurl_override = http://localhost:5173/api\r\nworkspace=team\r\n"
        #expect(value(text, "url_override") == "http://localhost:5173/api")
        #expect(value(text, "workspace") == "team")
        #expect(IniParser(text: text).problems.isEmpty)
        #expect(value("[opik]\rworkspace = cr-only\r", "workspace") == "cr-only")
    }

    @Test func commentsDelimitersAndKeyCase() {
        let text = """
            # a comment
            ; another
            [opik]
              ; an indented comment
            URL_Override   :   http://h/api
            workspace=a # not a comment
            project_name =
            """
        #expect(value(text, "url_override") == "http://h/api")
        #expect(value(text, "URL_OVERRIDE") == "http://h/api")
        #expect(value(text, "workspace") == "a # not a comment")
        #expect(value(text, "project_name") == "")
        #expect(IniParser(text: text).problems.isEmpty)
    }

    @Test func theFirstDelimiterSplits() {
        #expect(value("[opik]\nurl_override = http://h:8080/api\n", "url_override") == "http://h:8080/api")
        #expect(value("[opik]\nkey: a=b\n", "key") == "a=b")
    }

    @Test func indentedLinesContinueTheValue() {
        let text = "[opik]\nkey = first\n  second\n\n  # skipped\n\tthird\n\nworkspace = w\n"
        #expect(value(text, "key") == "first\nsecond\n\nthird")
        #expect(value(text, "workspace") == "w")
    }

    @Test func sectionNamesAreExactAndDefaultAppliesEverywhere() {
        let text = "[DEFAULT]\nworkspace = shared\n[OPIK]\nproject_name = upper\n[opik]\n"
        #expect(value(text, "project_name") == nil)
        #expect(value(text, "workspace") == "shared")
        #expect(value("[opik] ; header comment\nworkspace = w\n", "workspace") == "w")
    }

    @Test func aDuplicateKeyWarnsWithLinesAndTheLastWins() {
        let parser = IniParser(text: "[opik]\nworkspace = one\nWorkspace = two\n")
        #expect(parser.value(section: "opik", key: "workspace")?.0.value == "two")
        #expect(parser.problems == [.init(line: 3, message:
            "key 'workspace' in [opik] appears again (first on line 2); the value on line 3 wins")])
    }

    @Test func aDuplicateSectionIsMergedWithAWarning() {
        let parser = IniParser(text: "[opik]\nworkspace = one\n[other]\nx = 1\n[opik]\nproject_name = p\n")
        #expect(parser.value(section: "opik", key: "workspace")?.0.value == "one")
        #expect(parser.value(section: "opik", key: "project_name")?.0.value == "p")
        #expect(parser.problems.map(\.line) == [5])
        #expect(parser.problems.first?.message.contains("section [opik] appears again (first on line 1)") == true)
    }

    @Test func linesConfigparserRefusesAreReportedAndSkipped() {
        let parser = IniParser(text: "orphan = 1\n[opik]\njust words\n= value\nworkspace = w\n")
        #expect(parser.problems.map(\.line) == [1, 3, 4])
        #expect(parser.value(section: "opik", key: "workspace")?.0.value == "w")
    }

    @Test func percentSignsAreInterpolatedLikeConfigparser() {
        let text = "[opik]\nhost = h\nurl_override = http://%(host)s/api\napi_key = 50%%off\nworkspace = 100%\n"
        #expect(value(text, "url_override") == "http://h/api")
        #expect(value(text, "api_key") == "50%off")
        let lone = IniParser(text: text).value(section: "opik", key: "workspace")
        #expect(lone?.0.value == "100%")
        #expect(lone?.1?.line == 5)
    }

    @Test func editingReplacesTheValueWithItsContinuationsAndRepeats() {
        var ini = IniFile(text: "[opik]\r\nworkspace = a\r\n  more\r\nworkspace = b\r\n# keep\r\n")
        ini.set(section: "opik", key: "workspace", value: "c")
        #expect(ini.text == "[opik]\r\nworkspace = c\r\n# keep\r\n")
        var bom = IniFile(text: "\u{FEFF}[opik]\nx = 1\n")
        bom.set(section: "opik", key: "project_name", value: "p")
        #expect(bom.text == "\u{FEFF}[opik]\nx = 1\nproject_name = p\n")
    }
}
