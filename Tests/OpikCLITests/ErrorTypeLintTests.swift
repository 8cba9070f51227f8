import Foundation
import Testing

/// `Report` shows an error through its `UserFacing` form, and a type that has none is a bug
/// (shown as "unexpected error"). So every error type of the program declares
/// `UserFacingError` rather than plain `Error`, and nothing throws a `Foundation` error type.
@Suite struct ErrorTypeLintTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `file:line: text` of every line of the binary's sources whose code matches `pattern`.
    static func lines(matching pattern: String) throws -> [String] {
        let regex = try Regex(pattern)
        var found: [String] = []
        for module in ["OpikCore", "OpikHTTP", "OpikCLI", "opik"] {
            let directory = root.appendingPathComponent("Sources/" + module)
            let files = FileManager.default.enumerator(atPath: directory.path)?.compactMap { $0 as? String } ?? []
            for file in files.sorted() where file.hasSuffix(".swift") {
                let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                    if code.contains(regex) { found.append("\(module)/\(file):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))") }
                }
            }
        }
        return found
    }

    @Test func everyErrorTypeSaysHowTheUserSeesIt() throws {
        // A declaration or extension whose inheritance list names `Error` itself.
        #expect(try Self.lines(matching: #"\b(struct|enum|class|actor|extension)\s+\w+(\.\w+)*\s*:[^{]*\bError\b"#) == [])
    }

    @Test func theLintFindsAPlainErrorType() throws {
        let regex = try Regex(#"\b(struct|enum|class|actor|extension)\s+\w+(\.\w+)*\s*:[^{]*\bError\b"#)
        #expect("    struct Errno: Error { let code: Int32 }".contains(regex))
        #expect("public enum OpikError: Sendable, Error, Equatable {".contains(regex))
        #expect(!"public enum OpikError: UserFacingError, Sendable, Equatable {".contains(regex))
        #expect(!"    static func describe(_ error: Error) -> String {".contains(regex))
    }

    @Test func nothingThrowsAnErrorTypeFromFoundation() throws {
        #expect(try Self.lines(matching: #"throw\s+(NSError|CocoaError|POSIXError|URLError)\b"#) == [])
    }
}
