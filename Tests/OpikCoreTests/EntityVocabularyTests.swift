import OpikCore
import Testing

/// Each entity description agrees with itself (`Entity.inconsistencies`), and a description
/// with a slip in any of its tables is caught.
@Suite struct EntityVocabularyTests {
    @Test(arguments: Entity.all.map(\.name))
    func everyDescriptionAgreesWithItself(name: String) throws {
        let entity = try #require(Entity.all.first { $0.name == name })
        #expect(entity.inconsistencies == [])
    }

    @Test func slipsInADescriptionAreFound() {
        let span = Entity.span
        let broken = Entity(
            name: "span", plural: "spans", paths: span.paths,
            filterFields: span.filterFields + [FilterField("tags", .list)],
            filterExamples: span.filterExamples + [#"nmae = "x""#],
            sortableFields: span.sortableFields + ["nmae"], sortablePrefixes: span.sortablePrefixes + ["cost."],
            excludableFields: span.excludableFields + ["input_json"], fields: span.fields,
            defaultColumns: span.defaultColumns + [Column(header: "INPUT", csvHeader: "input", path: "input", kind: .text)],
            narrowDropOrder: span.narrowDropOrder + ["GONE"], defaultColumnFields: span.defaultColumnFields,
            recordRules: RecordRules(noun: "span", timeField: "name", fields: span.recordRules.fields + [
                RecordField("type", .choice(["llm"])), RecordField("colour", .string),
            ]),
            scoreSources: span.scoreSources, maxBatch: span.maxBatch, maxSearchPage: span.maxSearchPage,
            searchStripsAttachments: false)
        let problems = broken.inconsistencies
        for expected in [
            "filter field 'tags' is listed twice",
            "filter example 'nmae = \"x\"': ",
            "sortable field 'nmae' is not a field",
            "sortable prefix 'cost.' is not an open field and a dot",
            "exclude name 'input_json' is not a field",
            "default column 'input' is excluded from the default table",
            "drop order header 'GONE' is not a default column",
            "record time field 'name' is not checked as a time",
            "record field 'type' is listed twice",
            "record field 'type' accepts other values than its filter",
            "record field 'colour' is not a field",
        ] {
            #expect(problems.contains { $0.hasPrefix(expected) }, "\(expected) in \(problems)")
        }
    }
}
