import Foundation
@testable import OpikCLI
import OpikTestSupport
import Testing

/// The package root, found from this file's place in Tests/OpikCLITests.
private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite struct GenerateRealTreeTests {
    @Test func theCommandTreeIsSound() {
        #expect(SpecLint.problems(in: CommandTree.root) == [])
    }

    @Test(arguments: GeneratedFiles.all(root: CommandTree.root, topics: Topics.texts, date: ManPage.fixedDate).map { $0 })
    func committedFileMatchesTheCommandTree(file: (path: String, contents: String)) throws {
        let committed = try String(contentsOf: packageRoot.appendingPathComponent(file.path), encoding: .utf8)
        #expect(committed == file.contents, "\(file.path) is stale: run 'make generate' (or 'swift run opik __generate .') and commit it")
    }

    @Test(.enabled(if: ExternalTool.isInstalled("groff"), "needs groff")) func theRealManPageRendersWithoutWarnings() throws {
        let page = ManPage.render(root: CommandTree.root, topics: Topics.texts, date: ManPage.fixedDate)
        let file = try temporaryFile(named: "opik.1", contents: page)
        for device in ["ps", "utf8"] {
            let result = try runProcess("groff", ["-man", "-ww", "-z", "-T\(device)", file])
            #expect(result.stderr == "", "device \(device)")
        }
    }

    /// Runs `shell -n` on the real tree's script for that shell.
    func checkSyntax(_ shell: String, file name: String, script: String) throws {
        let file = try temporaryFile(named: name, contents: script)
        let result = try runProcess(shell, ["-n", file])
        #expect(result.stderr == "" && result.status == 0, "\(shell)")
    }

    @Test func bashAcceptsTheRealScript() throws {
        try checkSyntax("bash", file: "opik.bash", script: Completion.bash(root: CommandTree.root))
    }

    @Test(.enabled(if: ExternalTool.isInstalled("zsh"), "needs zsh")) func zshAcceptsTheRealScript() throws {
        try checkSyntax("zsh", file: "_opik", script: Completion.zsh(root: CommandTree.root))
    }

    @Test(.enabled(if: ExternalTool.isInstalled("fish"), "needs fish")) func fishAcceptsTheRealScript() throws {
        try checkSyntax("fish", file: "opik.fish", script: Completion.fish(root: CommandTree.root))
    }

    @Test func bashCompletesTheRealTree() throws {
        let script = try temporaryFile(named: "opik.bash", contents: Completion.bash(root: CommandTree.root))
        let program = "source \(script); COMP_WORDS=(opik spans list --format j); COMP_CWORD=4; _opik; printf '%s\\n' \"${COMPREPLY[@]}\""
        #expect(try runProcess("bash", ["--norc", "-c", program]).stdout == "json\n")
    }
}
