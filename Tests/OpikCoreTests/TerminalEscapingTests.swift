import OpikCore
import Testing

/// Text bound for a terminal cannot drive it; a pipe gets the bytes unchanged.
@Suite struct TerminalEscapingTests {
    @Test func controlAndBidiCharactersBecomeVisible() {
        #expect(TerminalEscaping.escape("a\u{1B}]0;title\u{07}b") == "a\\x1B]0;title\\x07b")
        #expect(TerminalEscaping.escape("x\u{9B}2Jy\u{202E}z\u{2066}") == "x\\u009B2Jy\\u202Ez\\u2066")
        #expect(TerminalEscaping.escape("tab\tline\nend\r\u{7F}") == "tab\tline\nend\\x0D\\x7F")
        #expect(TerminalEscaping.escape("a,b\r\nc\rd\r") == "a,b\r\nc\\x0Dd\\x0D")
        #expect(TerminalEscaping.escape("héllo ✓") == "héllo ✓")
    }

    @Test func streamsEscapeOnlyOnATerminal() throws {
        let text = "\u{1B}[2J\u{1B}]52;c;aGk=\u{07}\u{202E}"
        let (pipe, piped) = OutputStream.memory()
        try pipe.write(text)
        #expect(piped.text == text)
        let (terminal, shown) = OutputStream.memory(escaping: .all)
        try terminal.write(text)
        try terminal.write(bytes: Array("\u{1B}c".utf8) + [0xFF])
        #expect(shown.text == "\\x1B[2J\\x1B]52;c;aGk=\\x07\\u202E\\x1Bc\\xFF")
        try terminal.writeControl("\r\u{1B}[K")
        #expect(shown.text.hasSuffix("\r\u{1B}[K"))
    }

    @Test func colourModeLetsOnlySGRThrough() {
        var out: [UInt8] = []
        TerminalEscaping.allButStyles.append(Array("\u{1B}[1;31mred\u{1B}[0m\u{1B}]0;t\u{07}\u{1B}[2J".utf8), to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "\u{1B}[1;31mred\u{1B}[0m\\x1B]0;t\\x07\\x1B[2J")
    }

    @Test func recordsAreCopiedWithoutRedactionButEscapedOnATerminal() throws {
        let (stream, shown) = OutputStream.memory(escaping: .all)
        stream.redaction = Redaction(secrets: ["sk-0123456789abcdef"])
        try stream.write("key sk-0123456789abcdef at http://u:p@h\n")
        try stream.writeRecords(Array("{\"url\":\"http://u:p@h\",\"k\":\"sk-0123456789abcdef\u{1B}\"}\n".utf8))
        #expect(shown.text == "key sk-*** at http://***@h\n{\"url\":\"http://u:p@h\",\"k\":\"sk-0123456789abcdef\\x1B\"}\n")
    }
}
