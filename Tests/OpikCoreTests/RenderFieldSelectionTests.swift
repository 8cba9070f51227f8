import OpikCore
import Testing

@Suite struct RenderFieldSelectionTests {
    @Test func parseTrimsSpacesAndDropsDuplicates() throws {
        let selection = try FieldSelection.parse("id, name ,usage.total_tokens,id")
        #expect(selection.paths == ["id", "name", "usage.total_tokens"])
    }

    @Test(arguments: [
        ("id,,name", "invalid --fields: empty field name at position 2 in \"id,,name\""),
        ("", "invalid --fields: empty field name at position 1 in \"\""),
        ("id,", "invalid --fields: empty field name at position 2 in \"id,\""),
        ("usage..total", "invalid --fields: field \"usage..total\" has an empty part between dots"),
        ("feedback_scores.", "invalid --fields: field \"feedback_scores.\" has an empty part between dots"),
    ])
    func parseRejectsEmptyNames(text: String, message: String) {
        #expect {
            try FieldSelection.parse(text)
        } throws: { error in
            (error as? FieldSelectionError)?.description == message
        }
    }

    @Test func projectKeepsChosenKeysInOrderGiven() throws {
        let selection = try FieldSelection.parse(
            "feedback_scores.relevance,name,usage.completion_tokens,feedback_scores.accuracy,usage.prompt_tokens,missing,usage.none")
        #expect(
            JSONWriter.compact(selection.project(RenderFixtures.llmSpan))
                == #"{"feedback_scores":{"relevance":1,"accuracy":0.90},"name":"chat.completion","#
                + #""usage":{"completion_tokens":12,"prompt_tokens":300}}"#)
    }

    @Test func projectOfScoreNamesWithDots() throws {
        let span: JSONValue = ["feedback_scores": [["name": "rouge.l", "value": .number("0.5")]]]
        let selection = try FieldSelection.parse("feedback_scores.rouge.l")
        #expect(JSONWriter.compact(selection.project(span)) == #"{"feedback_scores":{"rouge.l":0.5}}"#)
    }

    @Test func wholeValueWinsOverItsParts() throws {
        let span = RenderFixtures.llmSpan
        let partsFirst = try FieldSelection.parse("usage.total_tokens,usage").project(span)
        let wholeFirst = try FieldSelection.parse("usage,usage.total_tokens").project(span)
        let expected = #"{"usage":{"prompt_tokens":300,"completion_tokens":12,"total_tokens":312}}"#
        #expect(JSONWriter.compact(partsFirst) == expected)
        #expect(JSONWriter.compact(wholeFirst) == expected)
        let scores = try FieldSelection.parse("feedback_scores,feedback_scores.accuracy").project(span)
        #expect(scores["feedback_scores"] == span["feedback_scores"])
    }

    @Test func projectOfARecordWithNoneOfTheFieldsIsEmpty() throws {
        let selection = try FieldSelection.parse("model,feedback_scores.accuracy")
        #expect(selection.project(RenderFixtures.toolSpan) == .object([]))
    }

    @Test func serverExcludeLeavesOutWhatTheSelectionDoesNotUse() throws {
        let selection = try FieldSelection.parse("id,name,usage.total_tokens,feedback_scores.accuracy")
        #expect(
            selection.serverExclude(for: .span) == [
                "type", "start_time", "end_time", "input", "output", "metadata", "model", "provider",
                "tags", "error_info", "created_at", "created_by", "last_updated_by", "comments",
                "total_estimated_cost", "total_estimated_cost_version", "duration", "ttft", "source",
                "environment",
            ])
    }

    @Test func defaultTableExcludesWhatItDoesNotShow() {
        let expected = [
            "input", "output", "metadata", "provider", "tags", "created_at", "created_by",
            "last_updated_by", "comments", "total_estimated_cost_version", "ttft", "source", "environment",
        ]
        #expect(FieldSelection.defaultTableExclude(for: .span) == expected)
        #expect(FieldSelection.serverExclude(format: .table, fields: nil, entity: .span) == expected)
        #expect(FieldSelection.serverExclude(format: .csv, fields: nil, entity: .span) == expected)
        #expect(FieldSelection.serverExclude(format: .json, fields: nil, entity: .span) == [])
        #expect(FieldSelection.serverExclude(format: .ndjson, fields: nil, entity: .span) == [])
    }

    @Test func jsonWithFieldsUsesTheSelectionsExclude() throws {
        let selection = try FieldSelection.parse("input")
        let exclude = FieldSelection.serverExclude(format: .json, fields: selection, entity: .span)
        #expect(!exclude.contains("input"))
        #expect(exclude.contains("output"))
        #expect(exclude.count == Entity.span.excludableFields.count - 1)
    }
}
