import OpikCore
import Testing

@Suite struct QuerySuggestTests {
    static let names = ["name", "id", "trace_id", "tags", "type", "metadata", "feedback_scores", "contains",
                        "not_contains", "starts_with", "ends_with"]

    static let cases: [(String, String?)] = [
        ("nmae", "name"),
        ("Name", "name"),
        ("nam", "name"),
        ("tag", "tags"),
        ("typ", "type"),
        ("metdata", "metadata"),
        ("metadta", "metadata"),
        ("contain", "contains"),
        ("startswith", "starts_with"),
        ("notcontains", "not_contains"),
        ("feedback", "feedback_scores"),
        ("feedbak_score", "feedback_scores"),
        ("tarce_id", "trace_id"),
        ("colour", nil),
        ("xyz", nil),
        ("", nil),
        ("with", nil),
    ]

    @Test(arguments: cases)
    func closest(word: String, expected: String?) {
        #expect(Suggest.closest(to: word, in: Self.names) == expected)
    }

    @Test func tiesGoToTheEarlierCandidate() {
        #expect(Suggest.closest(to: "ab", in: ["ax", "ay"]) == "ax")
    }

    @Test func anExactMatchWinsOverACloseOne() {
        #expect(Suggest.closest(to: "tag", in: ["tags", "tag"]) == "tag")
    }
}

extension QuerySuggestTests {
    @Test func aTieGoesToTheCandidateWithTheSameFirstLetter() {
        #expect(Suggest.closest(to: "dsc", in: ["asc", "desc"]) == "desc")
    }
}
