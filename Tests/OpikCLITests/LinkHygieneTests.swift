import Foundation
import Testing

/// The release binary links the Swift runtime statically. Foundation's `Data` file writer
/// makes its temporary files with `mktemp`, and the linker warns "the use of `mktemp` is
/// dangerous" as soon as anything in the binary pulls it in: `Data`, `FileManager` and
/// `ProcessInfo` all do. The binary's own sources therefore use none of them (files go
/// through `Files`, which makes temporary files with `mkstemp`).
@Suite struct LinkHygieneTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theBinarysSourcesAvoidWhatLinksMktemp() throws {
        var offenders: [String] = []
        for module in ["OpikCore", "OpikHTTP", "OpikCLI", "opik"] {
            let directory = Self.root.appendingPathComponent("Sources/" + module)
            let files = FileManager.default.enumerator(atPath: directory.path)?.compactMap { $0 as? String } ?? []
            for file in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                    for banned in ["FileManager", "ProcessInfo", "Data(", "mktemp(", ": Data", "[UInt8](data)"] where code.contains(banned) {
                        offenders.append("\(module)/\(file):\(number + 1): \(banned)")
                    }
                }
            }
        }
        #expect(offenders == [])
    }
}
