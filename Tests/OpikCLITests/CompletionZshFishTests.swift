import Foundation
import OpikCLI
import OpikCore
import OpikTestSupport
import Testing

/// Types `line` and TAB twice into an interactive zsh that loaded the generated `_opik`, then
/// returns what the terminal showed: the inserted text and any listing.
private func zshComplete(_ line: String, root: CommandSpec = SampleTree.root) throws -> String {
    let directory = (try temporaryFile(named: "_opik", contents: Completion.zsh(root: root)) as NSString).deletingLastPathComponent
    // compinit gets a dump file of its own: zsh may replace the file it names.
    // The prompt and the end marker are spelled with '' so that their echo cannot match.
    let driver = try temporaryFile(named: "drive.zsh", contents: """
        zmodload zsh/zpty
        zpty z 'TERM=dumb zsh -f -i'
        zpty -w z "fpath=(\(directory) \\$fpath); autoload -Uz compinit; compinit -u -D -d \(directory)/zcompdump; opik() { : }; PROMPT='P''R> '"
        zpty -r z out '*PR> *'
        # zle skips listing while more keys are pending, so the rest is typed once it settles.
        zpty -n -w z "$1"$'\\t\\t'
        screen=''
        quiet=0
        while (( quiet < 5 )); do
          if zpty -r -t z out; then screen+=$out; quiet=0; else sleep 0.1; (( quiet++ )); fi
        done
        zpty -w z $'\\x15'"print DO''NE"
        zpty -r z out '*DONE*'
        print -r -- "$screen$out"
        zpty -d z
        """)
    let result = try runProcess("timeout", ["20", "zsh", "-f", driver, line])
    #expect(result.status == 0)
    // Bells and carriage returns are terminal noise around what was inserted.
    return result.stdout.replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\u{07}", with: "")
}

private func fishComplete(_ line: String, root: CommandSpec = SampleTree.root) throws -> [String] {
    let script = try temporaryFile(named: "opik.fish", contents: Completion.fish(root: root))
    let result = try runProcess("fish", ["--no-config", "-c", "source \(script); complete -C \(fishQuoted(line))"])
    #expect(result.stderr == "")
    return result.stdout.split(separator: "\n").map { String($0.split(separator: "\t", maxSplits: 1)[0]) }
}

private func fishQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
}

@Suite struct CompletionZshFishTests {
    @Test(.enabled(if: ExternalTool.isInstalled("zsh"), "needs zsh")) func zshAcceptsTheScript() throws {
        let file = try temporaryFile(named: "_opik", contents: Completion.zsh(root: SampleTree.root))
        let result = try runProcess("zsh", ["-n", file])
        #expect(result.stderr == "")
        #expect(result.status == 0)
    }

    @Test(.enabled(if: ExternalTool.isInstalled("fish"), "needs fish")) func fishAcceptsTheScript() throws {
        let file = try temporaryFile(named: "opik.fish", contents: Completion.fish(root: SampleTree.root))
        let result = try runProcess("fish", ["--no-config", "-n", file])
        #expect(result.stderr == "")
        #expect(result.status == 0)
    }

    @Test(.enabled(if: ExternalTool.isInstalled("zsh") && ExternalTool.isInstalled("timeout"), "needs zsh and timeout"), arguments: [
        ("opik sp", "opik spans "),
        ("opik --format j", "opik --format json "),
        ("opik spans list --ty", "opik spans list --type="),
        ("opik -q spans --format j", "opik -q spans --format json "),
        ("opik spans score -q add --rea", "opik spans score -q add --reason="),
    ])
    func zshInsertsTheOnlyCandidate(typed: String, shown: String) throws {
        #expect(try zshComplete(typed).contains("PR> " + shown))
    }

    @Test(.enabled(if: ExternalTool.isInstalled("zsh") && ExternalTool.isInstalled("timeout"), "needs zsh and timeout")) func zshListsChoicesAfterOptionsBetweenCommands() throws {
        let screen = try zshComplete("opik spans -qp x list --type ")
        #expect(screen.contains("general    guardrail  llm        tool"))
    }

    @Test(.enabled(if: ExternalTool.isInstalled("zsh") && ExternalTool.isInstalled("timeout"), "needs zsh and timeout")) func zshListsTopicsAndCommandsUnderHelp() throws {
        let screen = try zshComplete("opik help ")
        #expect(screen.contains("spans       -- Query and manage spans."))
        #expect(screen.contains("environment  exit-codes   filters      formats"))
        #expect(!screen.contains("__complete"))
    }

    @Test(.enabled(if: ExternalTool.isInstalled("fish"), "needs fish"), arguments: [
        ("opik sp", ["spans"]),
        ("opik spans score ", ["add", "delete", "names", "upload"]),
        ("opik --format j", ["json"]),
        ("opik --format=n", ["--format=ndjson"]),
        ("opik spans list --ty", ["--type"]),
        ("opik -p spans co", ["completion", "config"]),
        ("opik spans -qp x list --type g", ["general", "guardrail"]),
        ("opik completion ", ["bash", "fish", "zsh"]),
        ("opik help spans s", ["score", "stats"]),
        ("opik help ex", ["exit-codes"]),
        ("opik config set w", ["workspace"]),
    ])
    func fishCompletes(typed: String, expected: [String]) throws {
        #expect(try fishComplete(typed) == expected)
    }

    @Test(.enabled(if: ExternalTool.isInstalled("fish"), "needs fish")) func fishOffersGlobalAndLocalOptionsButNoHiddenOnes() throws {
        let offered = try fishComplete("opik spans list --")
        #expect(offered.contains("--limit"))
        #expect(offered.contains("--format"))
        #expect(!offered.contains("--debug-dump"))
        #expect(try fishComplete("opik spans get --li") == [])
    }

    @Test(.enabled(if: ExternalTool.isInstalled("fish"), "needs fish")) func fishCompletesFilesOnlyWhereAFileIsExpected() throws {
        let file = try temporaryFile(named: "scores.csv", contents: "")
        let prefix = String(file.dropLast(4))
        #expect(try fishComplete("opik --cacert \(prefix)") == [file])
        #expect(try fishComplete("opik spans score upload \(prefix)") == [file])
        #expect(try fishComplete("opik spans get \(prefix)") == [])
    }

    @Test(.enabled(if: ExternalTool.isInstalled("fish"), "needs fish")) func sortCompletesFieldsThenDirectionsInFish() throws {
        let root = CommandTree.root
        #expect(try fishComplete("opik spans list --sort ", root: root).sorted() == Entity.span.sortCompletionFields.sorted())
        #expect(try fishComplete("opik spans list --sort dur", root: root) == ["duration"])
        #expect(try fishComplete("opik spans list --sort duration:", root: root) == ["duration:asc", "duration:desc"])
        #expect(try fishComplete("opik spans list --sort=name:d", root: root) == ["--sort=name:desc"])
    }

    @Test(.enabled(if: ExternalTool.isInstalled("zsh") && ExternalTool.isInstalled("timeout"), "needs zsh and timeout")) func sortCompletesFieldsThenDirectionsInZsh() throws {
        let root = CommandTree.root
        let field = try zshComplete("opik spans list --sort dur", root: root)
        // (The real tree's script loads slowly; the prompt may have been read before the line.)
        #expect(field.contains("opik spans list --sort duration "), "\(field)")
        let direction = try zshComplete("opik spans list --sort duration:d", root: root)
        #expect(direction.contains("opik spans list --sort duration:desc "), "\(direction)")
        let screen = try zshComplete("opik spans list --sort duration:", root: root)
        #expect(screen.contains("asc   desc") || screen.contains("asc  desc"), "\(screen)")
    }
}
