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
        let result = try ProcessRunner.run(
            "/usr/bin/man", ["-l", Self.packageRoot.appendingPathComponent("man/opik.1").path],
            environment: ["MANWIDTH": "100", "MANPAGER": "cat", "PAGER": "cat", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
        #expect(result.status == 0)
        // Strip overstrike bold/underline (`X\bX`, `_\bX`) so plain text can be searched.
        var text = ""
        for char in result.stdout {
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
