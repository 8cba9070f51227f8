/// Everything the client knows about one kind of record on the server (spans, traces): its
/// paths, its name in messages, the fields filters, sorting, `exclude`, `--fields` and
/// tables may name, and the rules its bulk input must pass. Commands, the filter parser and
/// help, sorting, field selection, columns and record checks read it, so a second entity is
/// a second description (`Entity.span` in `Entity+Span.swift`, `Entity.trace` in
/// `Entity+Trace.swift`) rather than copies of them.
/// `EntityVocabularyTests` checks that each description agrees with itself.
package struct Entity: Sendable {
    /// In messages: `span`; counted with `Plural`.
    package let name: String
    /// The command group and messages about many: `spans`.
    package let plural: String
    package let paths: EntityPaths
    /// Every field filters may name, in the order help lists them.
    package let filterFields: [FilterField]
    /// Filter expressions shown by `opik help filters`; the tests parse each.
    package let filterExamples: [String]
    /// The fixed fields the server sorts on.
    package let sortableFields: [String]
    /// Prefixes of the sortable fields named by a key (`usage.`, `feedback_scores.`).
    package let sortablePrefixes: [String]
    /// Fields the server accepts in `exclude`, in its order.
    package let excludableFields: [String]
    /// The fields a record has, for checking `--fields`.
    package let fields: FieldVocabulary
    /// The columns of a listing without `--fields`.
    package let defaultColumns: [Column]
    /// The default columns (headers) a terminal too narrow for all of them leaves out, the
    /// first first, so that the others stay readable instead of every column being cut to a
    /// stub. `opik help formats` and the man page print the span list.
    package let narrowDropOrder: [String]
    /// What the default columns read: the fields a default table must not exclude.
    package let defaultColumnFields: [String]
    /// The checks a record for bulk create must pass.
    package let recordRules: RecordRules
    /// `source` of a feedback score.
    package let scoreSources: [String]
    /// Largest batch the server accepts (records, scores, ids).
    package let maxBatch: Int
    /// Largest page of the search stream.
    package let maxSearchPage: Int
    /// Whether the search stream takes `strip_attachments` (traces: yes; the span stream's
    /// body has no such member and the server refuses unknown ones).
    package let searchStripsAttachments: Bool

    package init(
        name: String, plural: String, paths: EntityPaths, filterFields: [FilterField], filterExamples: [String],
        sortableFields: [String], sortablePrefixes: [String], excludableFields: [String], fields: FieldVocabulary,
        defaultColumns: [Column], narrowDropOrder: [String], defaultColumnFields: [String],
        recordRules: RecordRules, scoreSources: [String], maxBatch: Int, maxSearchPage: Int,
        searchStripsAttachments: Bool
    ) {
        self.name = name
        self.plural = plural
        self.paths = paths
        self.filterFields = filterFields
        self.filterExamples = filterExamples
        self.sortableFields = sortableFields
        self.sortablePrefixes = sortablePrefixes
        self.excludableFields = excludableFields
        self.fields = fields
        // Each default column learns its place in the drop order here, so the order is given once.
        self.defaultColumns = defaultColumns.map { column in
            Column(header: column.header, csvHeader: column.csvHeader, path: column.path, kind: column.kind,
                   dropRank: narrowDropOrder.firstIndex(of: column.header))
        }
        self.narrowDropOrder = narrowDropOrder
        self.defaultColumnFields = defaultColumnFields
        self.recordRules = recordRules
        self.scoreSources = scoreSources
        self.maxBatch = maxBatch
        self.maxSearchPage = maxSearchPage
        self.searchStripsAttachments = searchStripsAttachments
    }

    /// Every entity the client knows, for the tests that check each description.
    package static let all: [Entity] = [.span, .trace]

    /// The name with a capital first letter, to start a sentence: "Span", "Trace".
    package var title: String { name.prefix(1).uppercased() + name.dropFirst() }
    /// The plural with a capital first letter: "Spans", "Traces".
    package var pluralTitle: String { plural.prefix(1).uppercased() + plural.dropFirst() }

    /// The filter field called `name`, if any.
    package func filterField(named name: String) -> FilterField? {
        filterFields.first { $0.name == name }
    }

    /// The values the enum field `name` accepts, from the filter table; empty when any goes.
    package func values(of name: String) -> [String] {
        filterField(named: name)?.allowedValues ?? []
    }

    /// The `usage.*` filter fields: the usage counters the server can filter on, also offered
    /// and suggested for sorting.
    package var usageCounters: [String] { filterFields.map(\.name).filter { $0.hasPrefix("usage.") } }

    /// What `--sort` completes to in every shell: the fixed fields, then the usage counters.
    package var sortCompletionFields: [String] { sortableFields + usageCounters }
}
