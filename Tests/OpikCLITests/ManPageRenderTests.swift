import Foundation
import OpikCLI
import OpikCore
import OpikTestSupport
import Testing

/// `man -l man/opik.1` shows what a reader looks for: every spans subcommand, every
/// environment variable and every exit status.
@Suite(.enabled(if: ExternalTool.isInstalled("man"), "needs man (man-db)")) struct ManPageRenderTests {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    func renderedPage() throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/man")
        process.arguments = ["-l", Self.packageRoot.appendingPathComponent("man/opik.1").path]
        process.environment = ["MANWIDTH": "100", "MANPAGER": "cat", "PAGER": "cat", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        // Strip overstrike bold/underline (`X\bX`, `_\bX`) so plain text can be searched.
        var text = ""
        for char in String(decoding: data, as: UTF8.self) {
            if char == "\u{8}" { _ = text.popLast() } else { text.append(char) }
        }
        return text
    }

    @Test func showsEverySpansSubcommandVariableAndStatus() throws {
        let page = try renderedPage()
        let spans = try #require(CommandTree.root.subcommand(named: "spans"))
        for command in spans.visibleSubcommands {
            #expect(page.contains("opik spans \(command.name)"), "missing spans \(command.name)")
        }
        for variable in EnvironmentVariable.allCases {
            #expect(page.contains(variable.name), "missing \(variable.name)")
        }
        for status in ExitStatus.allCases {
            #expect(page.contains(status.meaning), "missing status \(status.rawValue)")
        }
    }
}
