extension FilterLanguage {
    /// The text of `opik help filters` for `entities`: the grammar, then for each entity every
    /// field with its type and operators (from `filterFields`) and its examples. At most 80
    /// columns.
    package static func helpTopic(for entities: [Entity]) -> String {
        let plurals = QueryText.listing(entities.map(\.plural), "and")
        var lines = """
            Filter expressions (-f, --filter) select \(plurals) on the server.
            They use the query language of the Opik SDK:

                FIELD[.KEY] OPERATOR [VALUE] [and FIELD[.KEY] OPERATOR [VALUE] ...]

            Conditions are joined with "and" (in any case); "or", "not" and parentheses
            are not supported. When -f is repeated, every expression must hold.

            Values
              text      in double quotes: "retriev"; "" inside stands for one quote
              numbers   unquoted, on number, score and json fields: 42, -3, 0.5
              times     RFC 3339 in double quotes: "2026-07-01T10:00:00Z"; an offset is
                        converted to UTC, and a date alone means midnight UTC
              lists     after in and not_in: ("llm", "tool")
              nothing   after is_empty and is_not_empty
            """.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // One name column for every table, so the tables line up with each other.
        let nameWidth = entities.flatMap(\.filterFields).map { displayName($0).count }.max()! + 2
        for entity in entities {
            lines += [""] + section(for: entity, nameWidth: nameWidth)
        }
        let command = "opik \(entities[0].plural) list"
        lines += [
            "",
            "Times",
            "  --since WHEN and --until WHEN bound start_time. WHEN is RFC 3339, a date",
            "  (midnight UTC), or a duration before now: 30s, 15m, 24h, 7d, 2w, 1h30m.",
            "  \(command) --since 24h",
            "  \(command) --since 2026-07-01 --until 2026-07-02T12:00:00+02:00",
        ]
        return lines.map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            return String(trimmed)
        }.joined(separator: "\n") + "\n"
    }

    /// One entity's part: its keys, its field table, its fixed values and its examples.
    static func section(for entity: Entity, nameWidth: Int) -> [String] {
        let fields = entity.filterFields
        let command = "opik \(entity.plural) list"
        // Every command of the entity that takes --filter takes the same fields.
        var lines = ["\(entity.title) fields (opik \(entity.plural) … --filter)"]
        let paths = fields.filter { $0.type == .dictionary }.map(\.name)
        if let first = paths.first {
            lines += ["  \(QueryText.listing(paths, "and")) take\(paths.count == 1 ? "s" : "") a JSON path: \(first).model;",
                      "  quote a path that has dots or other characters: \(first).\"a.b\"."]
        }
        for scores in fields.filter({ $0.type == .feedbackScoresNumber }).map(\.name) {
            lines.append("  \(scores) takes a score name: \(scores).accuracy.")
        }
        lines.append("")
        lines += fieldTable(fields, nameWidth: nameWidth)
        for field in fields {
            if let values = field.allowedValues {
                lines += wrap("\(field.name) is one of: \(values.joined(separator: ", ")).", width: 80)
            }
        }
        let whole = fields.filter(\.takesWholeNumbers).map(\.name)
        if !whole.isEmpty { lines += wrap("\(QueryText.listing(whole, "and")) take whole numbers.", width: 80) }
        lines += ["", "\(entity.title) examples"]
        lines += entity.filterExamples.map { "  \(command) -f '\($0)'" }
        return lines
    }

    /// FIELD, TYPE and OPERATORS columns, one block per run of fields sharing a type and
    /// operators.
    static func fieldTable(_ fields: [FilterField], nameWidth: Int) -> [String] {
        var groups: [[FilterField]] = []
        for field in fields {
            if let last = groups.last?.last, last.type == field.type, last.operators == field.operators {
                groups[groups.count - 1].append(field)
            } else {
                groups.append([field])
            }
        }
        let typeWidth = FilterFieldType.allCases.map(\.summary.count).max()! + 2
        let header = "FIELD".padded(to: nameWidth) + "TYPE".padded(to: typeWidth) + "OPERATORS"
        var lines = [header]
        for (number, group) in groups.enumerated() {
            if number > 0 { lines.append("") }
            let type = group[0].type
            let operators = wrap(group[0].operators.map(\.rawValue).joined(separator: " "),
                                 width: 80 - nameWidth - typeWidth)
            for row in 0..<max(group.count, operators.count) {
                let name = row < group.count ? displayName(group[row]) : ""
                let typeName = row == 0 ? type.summary : ""
                lines.append(name.padded(to: nameWidth) + typeName.padded(to: typeWidth)
                    + (row < operators.count ? operators[row] : ""))
            }
        }
        lines.append("")
        return lines
    }

    static func displayName(_ field: FilterField) -> String {
        switch field.type {
        case .dictionary: return field.name + ".KEY"
        case .feedbackScoresNumber: return field.name + ".NAME"
        default: return field.name
        }
    }

    /// Words of `text` in lines of at most `width` characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        TextWrap.lines(text, width: width)
    }
}

extension String {
    fileprivate func padded(to width: Int) -> String {
        self + String(repeating: " ", count: max(width - count, 0))
    }
}
