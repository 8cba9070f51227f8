import Foundation
import OpikCore
import Testing

/// Values nested as deeply as the server accepts (1000 levels) go through every path that
/// walks a `JSONValue`, on a thread whose stack is small; deeper text is a clean error.
@Suite struct JSONDepthTests {
    /// `[[…[{"k":[…]}]…]]`: arrays and objects alternating, `levels` containers deep.
    static func nested(_ levels: Int) -> String {
        var open = ""
        var close = ""
        for level in 0..<levels {
            if level % 2 == 0 {
                open += "["
                close = "]" + close
            } else {
                open += #"{"k":"#
                close = "}" + close
            }
        }
        return open + "1" + close
    }

    /// Runs `body` on a thread with a 512 KiB stack (a common size for secondary threads),
    /// where recursion per level of a 1000-level value would overflow.
    static func onSmallStack(_ body: @escaping @Sendable () -> Void) {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            body()
            done.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        done.wait()
    }

    @Test func aSpanWithInputNested1000LevelsIsParsedWrittenSelectedAndShown() {
        Self.onSmallStack {
            do {
                let input = Self.nested(1000)
                let text = #"{"id":"0197a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b","name":"deep","input":"# + input + "}"
                // Wrapped like a page of a listing: two more levels.
                let page = try JSONParser.parse(#"{"content":["# + text + "]}")
                let span = try #require(page["content"]?.arrayValue?.first)
                #expect(JSONWriter.compact(span) == text)
                #expect(try JSONParser.parse(JSONWriter.pretty(span)) == span)
                let selected = FieldSelection(paths: ["input", "name"]).project(span)
                #expect(JSONWriter.compact(selected["input"] ?? .null) == input)
                let cell = Column.columns(for: FieldSelection(paths: ["input"]), entity: .span)[0].rawCell(span)
                #expect(cell == input)
                let (stream, memory) = OutputStream.memory()
                try Renderer.writeDetail(span, to: stream, useColor: false, width: 80, now: Date(timeIntervalSince1970: 0))
                #expect(memory.text.contains("INPUT\n  [\n    {\n      \"k\": [\n"))
                #expect(span != span.setting("input", to: try JSONParser.parse(Self.nested(999))))
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test func deeperThanTheLimitIsACleanSyntaxError() {
        let text = "\n" + Self.nested(JSONParser.maxDepth + 1)
        do {
            _ = try JSONParser.parse(text)
            Issue.record("parsed a value deeper than the limit")
        } catch let error as JSONSyntaxError {
            #expect(error.message == "nesting too deep")
            #expect(error.line == 2)
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(throws: Never.self) { try JSONParser.parse(Self.nested(JSONParser.maxDepth)) }
    }

    @Test func theLimitLeavesRoomFor1000LevelsInsideASpanInsideAPage() {
        #expect(JSONParser.maxDepth >= 1003)
    }
}
