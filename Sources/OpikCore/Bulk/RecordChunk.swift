/// The prepared records of one stretch of the input, read, checked and written one at a
/// time so that no record's parsed value outlives its turn. Generated ids are left as
/// placeholders: they depend on identical records earlier in the whole input, so
/// `RecordPreparation` fills them in once every stretch is done.
struct RecordChunk: Sendable {
    var payload = BulkPayload()
    /// Per record; empty where an id is still to be generated.
    var ids: [String] = []
    var traceIds: [String] = []
    /// The records whose `trace_id` is derived here rather than given.
    var derivedTraces: [Int] = []
    var pending: [PendingIdentity] = []
    /// How many records of each digest are pending here, for the stretches after this one.
    var occurrences: [RecordIdentity.Digest: Int] = [:]
    /// JSON syntax errors, each costing only its own line.
    var syntaxIssues: [RecordIssue] = []
    /// Records that break a rule.
    var issues: [RecordIssue] = []
    /// What stops the whole input: a syntax error in an array, an oversized record.
    var thrown: RecordIssue?
    /// Where the first record read begins, and where the one after the last would.
    var firstStart = 0
    var nextStart = 0

    /// A record whose id or trace id is to be made from its digest.
    struct PendingIdentity: Sendable {
        var record: Int
        var digest: RecordIdentity.Digest
        var startMillis: Int64
        /// How many records with the same digest came before it in this stretch.
        var occurrence = 0
        /// Where the 36 bytes of each go in the payload, when generated.
        var idOffset: Int?
        var traceOffset: Int?
    }

    /// The members put in front of records that lack them, and the rules records are checked by.
    struct Filler: Sendable {
        var rules: RecordRules
        /// Whether a record without `trace_id` gets one derived from it (spans).
        var derivesTraceIds: Bool
        var projectMember: [UInt8] = []
        var updateMember: [UInt8] = []
        /// What the digest of a record without `project_name` starts with: the project it goes
        /// to, then 0xFF (never a byte of UTF-8 text), so that one file sent to two projects
        /// makes two sets of records.
        var projectDigestPrefix: [UInt8] = []

        init(rules: RecordRules, derivesTraceIds: Bool, projectName: String, lastUpdatedAt: String) {
            self.rules = rules
            self.derivesTraceIds = derivesTraceIds
            projectDigestPrefix = Array(projectName.utf8) + [0xFF]
            JSONWriter.writeString("project_name", into: &projectMember)
            projectMember.append(UInt8(ascii: ":"))
            JSONWriter.writeString(projectName, into: &projectMember)
            projectMember.append(UInt8(ascii: ","))
            JSONWriter.writeString("last_updated_at", into: &updateMember)
            updateMember.append(UInt8(ascii: ":"))
            JSONWriter.writeString(lastUpdatedAt, into: &updateMember)
            updateMember.append(UInt8(ascii: ","))
        }
    }

    static let placeholder = [UInt8](repeating: UInt8(ascii: "0"), count: 36)

    var hasIssues: Bool { !issues.isEmpty || !syntaxIssues.isEmpty }

    /// Adds a checked record: `{`, the members it lacks, then `body`, which writes the rest of
    /// its compact text (everything after its `{`).
    mutating func add(line: Int, startMillis: Int64, id: String?, traceId: String?, hasProject: Bool, hasUpdate: Bool,
                      filler: Filler, body: (inout [UInt8]) -> Void)
    {
        var identity = PendingIdentity(record: payload.count, digest: .init(high: 0, low: 0), startMillis: startMillis)
        // Offsets in the record; the payload's offsets are known only once it is added.
        var bodyStart = 0
        var idOffset: Int?
        var traceOffset: Int?
        payload.append(line: line) { out in
            let recordStart = out.count
            out.append(UInt8(ascii: "{"))
            // Ids are plain hex and dashes: no escaping needed.
            if id == nil {
                out.append(contentsOf: #""id":""#.utf8)
                idOffset = out.count - recordStart
                out.append(contentsOf: Self.placeholder)
                out.append(contentsOf: #"","#.utf8)
            }
            if traceId == nil && filler.derivesTraceIds {
                out.append(contentsOf: #""trace_id":""#.utf8)
                traceOffset = out.count - recordStart
                out.append(contentsOf: Self.placeholder)
                out.append(contentsOf: #"","#.utf8)
            }
            if !hasProject { out.append(contentsOf: filler.projectMember) }
            if !hasUpdate { out.append(contentsOf: filler.updateMember) }
            bodyStart = out.count - recordStart
            body(&out)
        }
        if id == nil || traceOffset != nil {
            // The digest is of the record's own compact text, `{` included, after the project
            // it is sent to when the text does not name one.
            let record = payload.ranges[payload.count - 1]
            identity.idOffset = idOffset.map { record.lowerBound + $0 }
            identity.traceOffset = traceOffset.map { record.lowerBound + $0 }
            if traceOffset != nil { derivedTraces.append(payload.count - 1) }
            let prefix = hasProject ? [] : filler.projectDigestPrefix
            identity.digest = payload.withBytes((record.lowerBound + bodyStart)..<record.upperBound) {
                RecordIdentity.digest(prefix: prefix, first: UInt8(ascii: "{"), $0)
            }
            identity.occurrence = occurrences[identity.digest, default: 0]
            occurrences[identity.digest] = identity.occurrence + 1
            pending.append(identity)
        }
        ids.append(id ?? "")
        traceIds.append(traceId ?? "")
    }

    /// Makes the ids left to generate and writes them into their places. `earlier` are the
    /// `occurrences` of the stretches before this one: identical records are told apart by
    /// how many came before them in the whole input.
    mutating func fillIdentities(earlier: [[RecordIdentity.Digest: Int]]) {
        for item in pending {
            var occurrence = item.occurrence
            for counts in earlier { occurrence += counts[item.digest, default: 0] }
            let bits = RecordIdentity.randomBits(digest: item.digest, occurrence: occurrence)
            let millis = UInt64(max(item.startMillis, 0))
            if let offset = item.idOffset {
                ids[item.record] = payload.withMutableBytes(at: offset, count: 36) { out in
                    RecordIdentity.writeUUID(milliseconds: millis, random: bits.id, to: out)
                    return String(decoding: UnsafeBufferPointer(start: out, count: 36), as: UTF8.self)
                }
            }
            if let offset = item.traceOffset {
                traceIds[item.record] = payload.withMutableBytes(at: offset, count: 36) { out in
                    RecordIdentity.writeUUID(milliseconds: millis, random: bits.trace, to: out)
                    return String(decoding: UnsafeBufferPointer(start: out, count: 36), as: UTF8.self)
                }
            }
        }
        pending = []
    }

    /// Checks and adds a parsed record. `source` holds its text at `range` when it has any.
    mutating func add(value: JSONValue, line: Int, source: UnsafeBufferPointer<UInt8>?, range: Range<Int>, filler: Filler) {
        let startMillis: Int64
        do {
            startMillis = try filler.rules.check(value, line: line)
        } catch {
            issues.append(error)
            return
        }
        guard !hasIssues else { return }
        var value = value
        var hasNull = false
        for field in filler.rules.fields where field.isFilled && value[field.name]?.isNull == true {
            value = value.removing(field.name)
            hasNull = true
        }
        var compact: [UInt8] = []
        if let source, !hasNull, !range.isEmpty {
            JSONCompactor.append(UnsafeBufferPointer(rebasing: source[range]), to: &compact)
        } else {
            JSONWriter.write(value, into: &compact, indent: nil)
        }
        add(line: line, startMillis: startMillis, id: value["id"]?.stringValue, traceId: filler.derivesTraceIds ? value["trace_id"]?.stringValue : nil,
            hasProject: value["project_name"] != nil, hasUpdate: value["last_updated_at"] != nil, filler: filler) { out in
            out.append(contentsOf: compact.dropFirst())
        }
    }
}
