/// Prints a stream of records (spans) in one output format, as they arrive.
///
/// Call `begin()` once, `write(_:)` per record, `flushIfNeeded()` at the end of each network
/// chunk, and `end(footer:)` once. Every method may throw `OutputClosed` when the reader
/// went away; callers let it propagate.
package protocol RecordWriter: AnyObject {
    func begin() throws
    func write(_ record: JSONValue) throws
    /// Pushes out what is ready so a reader sees spans before the listing ends.
    func flushIfNeeded() throws
    /// Finishes the output; `footer` (e.g. `page 2 of 7, 312 spans`) shows only on a terminal.
    func end(footer: String?) throws
}
