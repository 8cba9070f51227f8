import OpikCore
import OpikTestSupport
import Testing
@testable import OpikCLI

/// Options are declared once and read through their constants. A command's variant of a
/// shared option (its own help, placeholder or default) keeps the long name, so reading
/// through the shared constant sees what that command was given; a default lives in the spec,
/// where both the help and the code read it.
@Suite struct OptionConstantsTests {
    @Test func aVariantKeepsTheLongNameAndChangesOnlyWhatItSays() {
        let shared = RecordOptions.parentSpanId
        let variant = shared.help("The parent.").placeholder("UUID|none").defaulting(to: "none")
        #expect(variant.long == shared.long)
        #expect(variant.help == "The parent." && variant.valueName == "UUID|none" && variant.defaultValue == "none")
        #expect(shared.help == "Parent span." && shared.valueName == "UUID" && shared.defaultValue == nil)
    }

    @Test func aVariantIsReadThroughTheSharedConstant() {
        let invocation = Invocation(path: ["spans", "update"], options: ["trace-id": ["a"], "parent-span-id": ["b"]])
        let updateOptions = SpanIdentity.options
        #expect(updateOptions.map { invocation.value($0) } == ["a", "b"])
        #expect(invocation.value(RecordOptions.traceId) == "a" && invocation.value(RecordOptions.parentSpanId) == "b")
    }

    @Test func defaultsLiveInTheSpecAndShowInHelp() {
        #expect(CommandPath.describe(RecordFlags.type) == "Span type (default general). [general|tool|llm|guardrail]")
        #expect(CommandPath.describe(BulkOptions.parallel) == "Batches in flight at once, 1 to 16 (default 4).")
        #expect(Invocation().valueOrDefault(RecordFlags.type) == "general")
        #expect(Invocation(options: ["type": ["llm"]]).valueOrDefault(RecordFlags.type) == "llm")
    }

    @Test func spansCreateWithoutTypeSendsTheDefaultOfTheSpec() throws {
        let transport = FakeTransport()
        transport.stub("POST", "/api/v1/private/traces", status: 201)
        transport.stub("POST", "/api/v1/private/spans/batch", status: 204)
        let result = CLIHarness.run(["spans", "create", "-p", "my-app", "--name", "answer"], transport: transport)
        #expect(result.status == 0)
        let spans = try JSONParser.parse(bytes: transport.requests.last?.body ?? [])["spans"]?.arrayValue ?? []
        #expect(spans.count == 1)
        #expect(spans.first?["type"] == .string(RecordFlags.defaultType))
    }

    @Test func completionWordsAreBackslashedBeforeEachSpecialCharacter() {
        #expect("a b(c)".backslashing(" ()") == #"a\ b\(c\)"#)
        #expect(FishQuote.word("$x;y") == #"\$x\;y"#)
        #expect(ZshQuote.word("a:b") == #"a\:b"#)
    }
}
