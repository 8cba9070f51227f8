import OpikCore
import Testing

/// Each entity description agrees with itself: every name its parts use is a field it has,
/// so a mistake in a second entity's table fails here rather than in a listing.
@Suite struct EntityVocabularyTests {
    @Test(arguments: Entity.all.map(\.name))
    func defaultColumnsAreKnownFieldsAndAreNotExcluded(name: String) throws {
        let entity = try #require(Entity.all.first { $0.name == name })
        let paths = entity.defaultColumns.map(\.path)
        #expect(throws: Never.self) { try FieldSelection(paths: paths).check(entity.fields) }
        // What the default table reads is never excluded from it.
        let exclude = FieldSelection.defaultTableExclude(for: entity)
        for path in paths {
            let first = String(path.split(separator: ".")[0])
            #expect(!exclude.contains(first), "\(path)")
        }
        #expect(throws: Never.self) { try FieldSelection(paths: entity.defaultColumnFields).check(entity.fields) }
        #expect(Set(entity.defaultColumns.map(\.header)).count == entity.defaultColumns.count)
    }

    @Test(arguments: Entity.all.map(\.name))
    func dropOrderNamesDefaultColumnsOnceAndRanksThem(name: String) throws {
        let entity = try #require(Entity.all.first { $0.name == name })
        let headers = entity.defaultColumns.map(\.header)
        #expect(Set(entity.narrowDropOrder).count == entity.narrowDropOrder.count)
        for header in entity.narrowDropOrder { #expect(headers.contains(header), "\(header)") }
        for column in entity.defaultColumns {
            #expect(column.dropRank == entity.narrowDropOrder.firstIndex(of: column.header), "\(column.header)")
        }
        // The first two columns (the id and a name) always stay.
        #expect(entity.defaultColumns.prefix(2).allSatisfy { $0.dropRank == nil })
    }

    @Test(arguments: Entity.all.map(\.name))
    func sortableAndExcludableFieldsAreKnown(name: String) throws {
        let entity = try #require(Entity.all.first { $0.name == name })
        for list in [entity.sortableFields, entity.excludableFields] {
            #expect(Set(list).count == list.count)
            for field in list { #expect(entity.fields.names.contains(field), "\(field)") }
        }
        for prefix in entity.sortablePrefixes {
            #expect(prefix.hasSuffix("."))
            #expect(entity.fields.openFields.contains(String(prefix.dropLast())), "\(prefix)")
        }
        for field in entity.sortCompletionFields {
            #expect(throws: Never.self) { try SortSpec.parse(field, for: entity) }
        }
    }

    @Test(arguments: Entity.all.map(\.name))
    func fieldVocabularyIsClosed(name: String) throws {
        let entity = try #require(Entity.all.first { $0.name == name })
        let names = entity.fields.names
        #expect(Set(names).count == names.count)
        for open in entity.fields.openFields { #expect(names.contains(open), "\(open)") }
        #expect(throws: Never.self) { try FieldSelection(paths: entity.fields.knownPaths).check(entity.fields) }
    }

    @Test(arguments: Entity.all.map(\.name))
    func filterTableIsConsistent(name: String) throws {
        let entity = try #require(Entity.all.first { $0.name == name })
        let filterNames = entity.filterFields.map(\.name)
        #expect(Set(filterNames).count == filterNames.count)
        for field in entity.filterFields {
            if field.allowedValues != nil { #expect(field.type == .enumeration || field.type == .enumerationLegacy) }
            for refused in field.refusedOperators { #expect(field.type.operators.contains(refused), "\(field.name)") }
        }
        // The usage counters filters take are the usage paths `--fields` knows.
        #expect(!entity.usageCounters.isEmpty)
        for counter in entity.usageCounters { #expect(entity.fields.knownPaths.contains(counter), "\(counter)") }
        for example in entity.filterExamples {
            #expect(throws: Never.self) { try FilterLanguage.parse(example, for: entity) }
        }
    }

    @Test(arguments: Entity.all.map(\.name))
    func recordRulesNameKnownFieldsAndAgreeWithTheFilterValues(name: String) throws {
        let entity = try #require(Entity.all.first { $0.name == name })
        let rules = entity.recordRules
        let names = rules.fields.map(\.name)
        #expect(Set(names).count == names.count)
        for field in names { #expect(entity.fields.names.contains(field), "\(field)") }
        #expect(rules.field(named: rules.timeField)?.check == .time)
        #expect(rules.noun == entity.name)
        // An enum a record may carry accepts the same values as the filter on it.
        for field in rules.fields {
            guard case let .choice(values) = field.check else { continue }
            #expect(entity.values(of: field.name) == values, "\(field.name)")
        }
    }

    @Test(arguments: Entity.all.map(\.name))
    func pathsAndNamesFitTogether(name: String) throws {
        let entity = try #require(Entity.all.first { $0.name == name })
        #expect(entity.plural == entity.name + "s")
        #expect(entity.paths.base == "/v1/private/" + entity.plural)
        #expect(entity.paths.comment("c", of: "s") == entity.paths.base + "/s/comments/c")
        #expect(entity.maxBatch > 0 && entity.maxSearchPage > 0)
    }
}
