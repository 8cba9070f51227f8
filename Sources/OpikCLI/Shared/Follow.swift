import OpikCore

/// `list --follow` of spans and traces: after the current matches, polls for records newer
/// than the newest seen (by id, which carries the record's time) and prints them oldest
/// first, each once.
enum Follow {
    static let interval = 2.0
    static let maxInterval = 30.0

    static func run(search: SearchStream, client: OpikClient, from newest: String?, writer: RecordWriter, context: Context) throws {
        var newest = newest
        var delay = interval
        while !context.isInterrupted() {
            context.sleep(delay)
            if context.isInterrupted() { break }
            var poll = search
            poll.limit = nil
            poll.after = nil
            if let newest {
                let filter: JSONValue = ["field": "id", "operator": ">", "key": "", "value": .string(newest)]
                poll.body = poll.body.map { member in
                    member.0 == "filters" ? ("filters", .array((member.1.arrayValue ?? []) + [filter])) : member
                }
                if !poll.body.contains(where: { $0.0 == "filters" }) { poll.body.append(("filters", [filter])) }
            }
            var fresh: [JSONValue] = []
            var ignored: String?
            do {
                try poll.run(client: client, lastId: &ignored, onRecord: { span, _ in fresh.append(span) })
                delay = interval
            } catch OpikError.interrupted {
                break
            } catch let error as OpikError where [.unreachable, .failure].contains(Report.exitStatus(of: error)) {
                delay = min(delay * 2, maxInterval)
                client.onWait("\(Report.describe(error).0.first ?? "poll failed"); polling again in \(Int(delay))s")
                continue
            }
            for span in fresh.reversed() {
                if let id = span["id"]?.stringValue, newest.map({ id > $0 }) ?? true {
                    try writer.write(span)
                    newest = id
                }
            }
            try writer.flushIfNeeded()
        }
    }
}
