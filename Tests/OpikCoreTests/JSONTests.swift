import OpikCore
import Testing

@Suite struct JSONTests {
    @Test(arguments: [
        #"{"b":1,"a":[true,false,null],"c":"x"}"#,
        #"{"cost":0.000123456789000,"big":12345678901234567890,"exp":1E+3,"neg":-0}"#,
        #"[]"#, #"{}"#, #""é\n\"\\""#,
    ])
    func roundTripsCompactTextExactly(text: String) throws {
        #expect(JSONWriter.compact(try JSONParser.parse(text)) == text)
    }

    @Test func keepsKeyOrderAndNumberText() throws {
        let value = try JSONParser.parse(#"{"z": 1.50, "a": {"y": 2, "b": 3}}"#)
        #expect(value.objectMembers?.map(\.0) == ["z", "a"])
        #expect(value["z"] == .number("1.50"))
        #expect(value.value(atPath: "a.b") == .number("3"))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        #expect(try JSONParser.parse(#""\u00e9\ud83d\ude00\t""#) == .string("é😀\t"))
    }

    @Test(arguments: [
        ("{\"a\":1,}", 1, 8, "expected a quoted key"),
        ("{\"a\" 1}", 1, 6, "expected ':' after key \"a\""),
        ("[1,\n  tru]", 2, 3, "invalid literal"),
        ("01", 1, 1, "leading zero in a number"),
        ("\"abc", 1, 1, "unterminated string"),
        ("{} x", 1, 4, "unexpected text after the JSON value"),
    ])
    func reportsWhereTheTextIsWrong(text: String, line: Int, column: Int, message: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
        do {
            _ = try JSONParser.parse(text)
        } catch let error as JSONSyntaxError {
            #expect(error.line == line)
            #expect(error.column == column)
            #expect(error.message == message)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func prettyPrintsWithTwoSpaces() throws {
        let value = try JSONParser.parse(#"{"a":[1,{"b":null}],"c":{}}"#)
        #expect(JSONWriter.pretty(value) == "{\n  \"a\": [\n    1,\n    {\n      \"b\": null\n    }\n  ],\n  \"c\": {}\n}")
    }

    @Test func escapesControlCharacters() {
        #expect(JSONWriter.compact(.string("a\u{01}b")) == #""a\u0001b""#)
    }
}
