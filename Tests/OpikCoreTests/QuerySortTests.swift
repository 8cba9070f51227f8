import OpikCore
import Testing

@Suite struct QuerySortTests {
    static let accepted: [(String, String, String)] = [
        ("start_time", "start_time", "ASC"),
        ("start_time:desc", "start_time", "DESC"),
        ("name:ASC", "name", "ASC"),
        ("duration:Desc", "duration", "DESC"),
        ("usage.total_tokens:desc", "usage.total_tokens", "DESC"),
        ("usage.cached_tokens", "usage.cached_tokens", "ASC"),
        ("feedback_scores.accuracy:desc", "feedback_scores.accuracy", "DESC"),
        ("feedback_scores.my:score:asc", "feedback_scores.my:score", "ASC"),
        (" created_by ", "created_by", "ASC"),
    ]

    @Test(arguments: accepted)
    func sortField(text: String, field: String, direction: String) throws {
        let sorting = try SortSpec.parse(text, for: .span)
        #expect(sorting == [["field": .string(field), "direction": .string(direction)]])
        #expect(JSONWriter.compact(sorting) == #"[{"field":"\#(field)","direction":"\#(direction)"}]"#)
    }

    @Test(arguments: Entity.span.sortableFields)
    func everySortableFieldIsAccepted(field: String) throws {
        #expect(try SortSpec.parse(field + ":desc", for: .span) == [["field": .string(field), "direction": "DESC"]])
    }

    static let rejected: [(String, String)] = [
        ("nmae", "unknown --sort field 'nmae' (did you mean 'name'?)"),
        ("start", "unknown --sort field 'start' (did you mean 'start_time'?)"),
        ("total_tokens", "unknown --sort field 'total_tokens' (did you mean 'usage.total_tokens'?)"),
        ("colour", "unknown --sort field 'colour'"),
        ("usage.", "invalid --sort field 'usage.': name the counter after the dot, such as usage.total_tokens"),
        ("feedback_scores.", "invalid --sort field 'feedback_scores.': name the score after the dot, "
            + "such as feedback_scores.accuracy"),
        ("name:up", "invalid --sort direction 'up'; use asc or desc"),
        ("name:dsc", "invalid --sort direction 'dsc'; use asc or desc"),
        ("name:", "invalid --sort direction ''; use asc or desc"),
        (":desc", "invalid --sort ':desc': expected FIELD[:asc|desc]"),
        ("", "invalid --sort '': expected FIELD[:asc|desc]"),
    ]

    @Test(arguments: rejected)
    func rejectedSort(text: String, message: String) {
        #expect(throws: QueryError(message)) { try SortSpec.parse(text, for: .span) }
    }
}
