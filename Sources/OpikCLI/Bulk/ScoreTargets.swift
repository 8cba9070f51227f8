import OpikCore

/// The spans that uploaded scores are for, checked before sending. The batch score endpoint
/// checks neither that a span exists nor that the score names its project (see
/// docs/SERVER.md: a score filed under another project is stored but never shows on the
/// span), so each distinct span id is looked up first: scores of unknown spans are left out
/// and reported as failed, and the others are sent under their span's own project.
struct ScoreTargets {
    /// The scores to send.
    var payload = BulkPayload()
    /// For each score to send, its index in the prepared input.
    var originalIndexes: [Int] = []
    /// Scores left out: their index in the prepared input and their span id.
    var missing: [(index: Int, id: String)] = []

    /// Every score, unchecked (`--no-check`).
    init(unchecked payload: BulkPayload) {
        self.payload = payload
        originalIndexes = Array(0..<payload.count)
    }

    init(checking prepared: BulkPayload, session: Session, parallel: Int, context: Context) throws {
        var records: [[(String, JSONValue)]] = []
        records.reserveCapacity(prepared.count)
        var ids: [String] = []
        var seen = Set<String>()
        for index in 0..<prepared.count {
            let members = (try? JSONParser.parse(bytes: Array(prepared.record(index))))?.objectMembers ?? []
            records.append(members)
            if let id = members.first(where: { $0.0 == "id" })?.1.stringValue?.lowercased(), seen.insert(id).inserted {
                ids.append(id)
            }
        }
        if context.isStderrTerminal { session.notices.info("checking \(ids.count) \(ids.count == 1 ? "span" : "spans")") }
        let work = ParallelWork(
            parallel: parallel, factory: session.clientFactory, context: context,
            gate: StderrGate(stderr: context.stderr), isQuiet: session.isQuiet)
        let found = try SpanExistence(ids: ids, work: work).run()
        for (index, members) in records.enumerated() {
            let id = members.first(where: { $0.0 == "id" })?.1.stringValue?.lowercased() ?? ""
            guard case let .span(projectName)? = found[id] else {
                missing.append((index, id))
                continue
            }
            let item = members.map { member in
                member.0 == "project_name" ? (member.0, projectName.map(JSONValue.string) ?? member.1) : member
            }
            payload.append(line: prepared.lines[index]) { JSONWriter.write(.object(item), into: &$0, indent: nil) }
            originalIndexes.append(index)
        }
    }

    /// The result of sending `payload`, in terms of the whole prepared input: left-out scores
    /// count as not accepted.
    func result(of sent: BulkSend.Result, total: Int) -> BulkSend.Result {
        var accepted = Array(repeating: false, count: total)
        for (position, index) in originalIndexes.enumerated() where sent.accepted[position] { accepted[index] = true }
        var result = sent
        result.accepted = accepted
        if !missing.isEmpty {
            result.leftOut = "\(missing.count) \(missing.count == 1 ? "names a span" : "name spans") that do\(missing.count == 1 ? "es" : "") not exist"
        }
        return result
    }

    /// One line per left-out score (a screenful at most), naming the span and the input line.
    func report(lines: [Int], file: String, stderr: OutputStream) {
        let shown = 20
        for (index, id) in missing.prefix(shown) {
            try? stderr.write("opik: error: \(file):\(lines[index]): span \(id) not found; score not uploaded\n")
        }
        if missing.count > shown { try? stderr.write("opik: error: ... \(missing.count - shown) more scores of unknown spans\n") }
    }
}
