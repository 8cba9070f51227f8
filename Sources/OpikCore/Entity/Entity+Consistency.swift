extension Entity {
    /// What in this description contradicts the rest of it, one sentence each; empty when it
    /// agrees with itself. Every name the parts use must be a field the entity has, so a slip
    /// in a new entity's tables shows here rather than as an empty column or an ignored sort.
    package var inconsistencies: [String] {
        var problems: [String] = []
        func unknown(_ role: String, _ names: [String]) {
            for name in names where !fields.names.contains(name) { problems.append("\(role) '\(name)' is not a field") }
        }
        func repeated(_ role: String, _ names: [String]) {
            var seen = Set<String>()
            for name in names where !seen.insert(name).inserted { problems.append("\(role) '\(name)' is listed twice") }
        }
        func selection(_ role: String, _ paths: [String]) {
            do { try FieldSelection(paths: paths).check(fields) } catch { problems.append("\(role): \(error.message)") }
        }

        repeated("field", fields.names)
        unknown("open field", fields.openFields)
        selection("known path", fields.knownPaths)

        selection("default column", defaultColumns.map(\.path))
        repeated("column header", defaultColumns.map(\.header))
        selection("default column field", defaultColumnFields)
        let exclude = FieldSelection.defaultTableExclude(for: self)
        for path in defaultColumns.map(\.path) where exclude.contains(FieldSelection.segments(of: path)[0]) {
            problems.append("default column '\(path)' is excluded from the default table")
        }
        repeated("drop order header", narrowDropOrder)
        for header in narrowDropOrder where !defaultColumns.contains(where: { $0.header == header }) {
            problems.append("drop order header '\(header)' is not a default column")
        }

        unknown("sortable field", sortableFields)
        repeated("sortable field", sortableFields)
        for prefix in sortablePrefixes where !prefix.hasSuffix(".") || !fields.openFields.contains(String(prefix.dropLast())) {
            problems.append("sortable prefix '\(prefix)' is not an open field and a dot")
        }
        for field in sortCompletionFields {
            do { _ = try SortSpec.parse(field, for: self) } catch { problems.append("sort completion '\(field)': \(error)") }
        }
        unknown("exclude name", excludableFields)
        repeated("exclude name", excludableFields)

        repeated("filter field", filterFields.map(\.name))
        for field in filterFields {
            if field.allowedValues != nil, field.type != .enumeration, field.type != .enumerationLegacy {
                problems.append("filter field '\(field.name)' has values but is not an enum")
            }
            for refused in field.refusedOperators where !field.type.operators.contains(refused) {
                problems.append("filter field '\(field.name)' refuses '\(refused.rawValue)', which its type lacks")
            }
        }
        for counter in usageCounters where !fields.knownPaths.contains(counter) {
            problems.append("usage counter '\(counter)' is not a known --fields path")
        }
        for example in filterExamples {
            do { _ = try FilterLanguage.parse(example, for: self) } catch { problems.append("filter example '\(example)': \(error)") }
        }

        unknown("record field", recordRules.fields.map(\.name))
        repeated("record field", recordRules.fields.map(\.name))
        if recordRules.field(named: recordRules.timeField)?.check != .time {
            problems.append("record time field '\(recordRules.timeField)' is not checked as a time")
        }
        if recordRules.noun != name { problems.append("record noun '\(recordRules.noun)' is not '\(name)'") }
        for field in recordRules.fields {
            // An enum a record may carry accepts the same values as the filter on it.
            if case let .choice(values) = field.check, values != self.values(of: field.name) {
                problems.append("record field '\(field.name)' accepts other values than its filter")
            }
        }
        if !paths.base.hasSuffix("/" + plural) { problems.append("path '\(paths.base)' does not end in '\(plural)'") }
        return problems
    }
}
