import OpikCore

/// The TEXT operand of comment commands.
enum CommentText {
    /// `text` itself, or standard input for `-`; blank text is a usage error.
    static func read(_ operand: String, context: Context) throws -> String {
        var text = operand
        if operand == "-" {
            text = String(decoding: try StdinReader.read(context, maxBytes: JSONRecordReader.defaultMaxRecordBytes, what: "comment text"), as: UTF8.self)
            while let last = text.last, last == "\n" || last == "\r" { text.removeLast() }
        }
        guard !text.trimmingSpaces.isEmpty else {
            throw OpikError.usage("the comment text is blank", hint: operand == "-" ? "standard input held no text" : nil)
        }
        return text
    }
}
