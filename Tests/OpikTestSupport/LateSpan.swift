import Foundation
import OpikCore
import OpikTestServer

extension OpikTestServer {
    /// Adds a span named `late_arrival` whose id is a minute newer than now, as a span logged
    /// while `--follow` watches would be; returns its id.
    @discardableResult
    public func insertLateSpan(project: String, random: (UInt64, UInt64)) -> String {
        let id = UUIDv7.make(milliseconds: UInt64(Date().timeIntervalSince1970 * 1000) + 60_000, random: random)
        insert(span: ["id": .string(id), "trace_id": .string(id), "name": "late_arrival",
                      "start_time": "2026-07-01T12:00:00Z"], project: project)
        return id
    }
}
