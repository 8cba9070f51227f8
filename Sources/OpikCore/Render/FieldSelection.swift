/// A `--fields` list: which keys json/ndjson keep and which columns tables and CSV show.
///
/// Dotted paths reach into objects (`usage.total_tokens`); `feedback_scores.NAME` is the
/// `value` of the score called NAME (spans carry scores as an array of `{name, value, …}`).
package struct FieldSelection: Sendable, Equatable {
    /// The paths in the order given, without duplicates.
    package let paths: [String]

    package init(paths: [String]) {
        var seen = Set<String>()
        self.paths = paths.filter { seen.insert($0).inserted }
    }

    /// Parses `id,name,usage.total_tokens`; spaces around names are ignored.
    package static func parse(_ text: String) throws -> FieldSelection {
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map { name in
            let start = name.firstIndex(where: { $0 != " " }) ?? name.endIndex
            let end = name.lastIndex(where: { $0 != " " }).map(name.index(after:)) ?? start
            return String(name[start..<end])
        }
        for (index, name) in names.enumerated() {
            if name.isEmpty {
                throw FieldSelectionError(
                    message: "empty field name at position \(index + 1) in \"\(text)\"")
            }
            if name.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
                throw FieldSelectionError(message: "field \"\(name)\" has an empty part between dots")
            }
        }
        return FieldSelection(paths: names)
    }

    /// The record reduced to the chosen keys, nested paths rebuilt as nested objects in the
    /// order given; values the record lacks are left out.
    package func project(_ record: JSONValue) -> JSONValue {
        var members: [(String, JSONValue)] = []
        for path in paths {
            guard let value = Self.resolve(path, in: record) else { continue }
            Self.insert(value, at: Self.segments(of: path), into: &members)
        }
        return .object(members)
    }

    /// The fields of `entity`'s `exclude` list the server may leave out because the
    /// selection does not use them.
    package func serverExclude(for entity: Entity) -> [String] {
        let needed = Set(paths.map { Self.segments(of: $0)[0] })
        return entity.excludableFields.filter { !needed.contains($0) }
    }

    /// `exclude` for `entity`'s default table and CSV columns: everything they do not show.
    package static func defaultTableExclude(for entity: Entity) -> [String] {
        FieldSelection(paths: entity.defaultColumnFields).serverExclude(for: entity)
    }

    /// `exclude` for a listing of `entity` in `format` with optional `--fields`: json and
    /// ndjson without `--fields` print whole records, so they exclude nothing.
    package static func serverExclude(format: OutputFormat, fields: FieldSelection?, entity: Entity) -> [String] {
        if let fields { return fields.serverExclude(for: entity) }
        switch format {
        case .json, .ndjson: return []
        case .table, .csv: return defaultTableExclude(for: entity)
        }
    }

    /// Fields holding a list of scores, `[{"name", "value", …}]`, in which `FIELD.NAME` is
    /// that score's value: a span's or trace's own scores, and a trace's averages over its spans.
    static let scoreLists = ["feedback_scores", "span_feedback_scores"]

    /// The value at `path` in `record`; `feedback_scores.NAME` finds that score's `value`.
    package static func resolve(_ path: String, in record: JSONValue) -> JSONValue? {
        // Only score paths need their segments; every other path is followed as it is
        // (this runs for every cell of a table).
        if path.hasPrefix("feedback_scores.") || path.hasPrefix("span_feedback_scores.") {
            let parts = segments(of: path)
            if parts.count == 2 {
                guard let scores = record[parts[0]]?.arrayValue else { return nil }
                return scores.first(where: { $0["name"]?.stringValue == parts[1] })?["value"]
            }
        }
        return record.value(atPath: path)
    }

    /// Path parts; a score name after `feedback_scores.` stays whole even if it has dots.
    static func segments(of path: String) -> [String] {
        for field in scoreLists where path.hasPrefix(field + ".") && path.count > field.count + 1 {
            return [field, String(path.dropFirst(field.count + 1))]
        }
        return path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    private static func insert(_ value: JSONValue, at path: [String], into members: inout [(String, JSONValue)]) {
        let key = path[0]
        let index = members.firstIndex(where: { $0.0 == key })
        if path.count == 1 {
            // A whole value wins over parts of it chosen earlier (`usage.total_tokens,usage`).
            if let index { members[index].1 = value } else { members.append((key, value)) }
            return
        }
        let rest = Array(path.dropFirst())
        guard let index else {
            var nested: [(String, JSONValue)] = []
            insert(value, at: rest, into: &nested)
            members.append((key, .object(nested)))
            return
        }
        // Under a whole value chosen earlier (`usage,usage.total_tokens`) the part is already
        // there and is set again to the same value; a non-object (`feedback_scores`) is kept.
        guard var nested = members[index].1.objectMembers else { return }
        insert(value, at: rest, into: &nested)
        members[index].1 = .object(nested)
    }
}

/// A `--fields` list that cannot be used.
package struct FieldSelectionError: UserFacingError, Sendable, Equatable, CustomStringConvertible {
    package let message: String
    package var description: String { "invalid --fields: \(message)" }
    package var userFacing: UserFacing { UserFacing(.usage, description) }
}
