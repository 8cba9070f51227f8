import Foundation
import OpikCLI
import OpikCore
import Testing

/// Runs the generated bash function on a command line, as bash would on TAB. `line` is the
/// COMP_LINE bash sets (the words as typed, before it split them at COMP_WORDBREAKS).
private func bashComplete(
    _ words: [String], line: String? = nil, root: CommandSpec = SampleTree.root,
    path: String = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
) throws -> [String] {
    let script = try temporaryFile(named: "opik.bash", contents: Completion.bash(root: root))
    func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
    let quoted = words.map(quote).joined(separator: " ")
    let typed = line.map { "COMP_LINE=\(quote($0)); COMP_POINT=${#COMP_LINE}; " } ?? ""
    let program = "PATH=\(path); source \(script); \(typed)COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); _opik; printf '%s\\n' \"${COMPREPLY[@]}\""
    let result = try runProcess("bash", ["--norc", "--noprofile", "-c", program])
    #expect(result.stderr == "")
    #expect(result.status == 0)
    return result.stdout.split(separator: "\n").map(String.init)
}

@Suite struct CompletionBashTests {
    @Test(arguments: [
        (["opik", "sp"], ["spans"]),
        (["opik", "spans", "sc"], ["score"]),
        (["opik", "spans", "score", ""], ["add", "upload", "delete", "names"]),
        (["opik", "config", ""], ["show", "set"]),
        (["opik", "completion", ""], ["bash", "zsh", "fish"]),
        (["opik", "spans", "list", "--ty"], ["--type"]),
        (["opik", "--format", "j"], ["json"]),
        (["opik", "--format", ""], ["table", "json", "ndjson", "csv"]),
        (["opik", "spans", "list", "--type", "l"], ["llm"]),
        (["opik", "help", "spans", "s"], ["score", "stats"]),
        (["opik", "config", "set", "w"], ["workspace"]),
    ])
    func completes(words: [String], expected: [String]) throws {
        #expect(try bashComplete(words) == expected)
    }

    @Test func globalOptionsAreOfferedAfterTheSubcommand() throws {
        let offered = try bashComplete(["opik", "spans", "list", "--"])
        #expect(offered.contains("--format"))
        #expect(offered.contains("--project"))
        #expect(offered.contains("--limit"))
        #expect(!offered.contains("--debug-dump"))
    }

    @Test func optionValuesAreNotTakenForSubcommands() throws {
        // "spans" is the value of -p here, so the command is still to be chosen.
        #expect(try bashComplete(["opik", "-p", "spans", "con"]) == ["config"])
        #expect(try bashComplete(["opik", "--format", "json", "spans", "st"]) == ["stats"])
        #expect(try bashComplete(["opik", "spans", "-qp", "x", "list", "--type", "g"]) == ["general", "guardrail"])
    }

    @Test func equalsSignFormsComplete() throws {
        // bash splits "--format=j" at "=" (COMP_WORDBREAKS) into three words.
        #expect(try bashComplete(["opik", "--format", "=", "n"]) == ["ndjson"])
        #expect(try bashComplete(["opik", "--format", "="]) == ["table", "json", "ndjson", "csv"])
        #expect(try bashComplete(["opik", "--format=n"]) == ["--format=ndjson"])
        #expect(try bashComplete(["opik", "--format=json", "sp"]) == ["spans"])
    }

    @Test func hiddenCommandsAreNotOffered() throws {
        let offered = try bashComplete(["opik", ""])
        #expect(offered == ["spans", "config", "completion", "help"])
    }

    @Test func helpOffersTopicsAndCommands() throws {
        let offered = try bashComplete(["opik", "help", ""])
        #expect(offered == ["spans", "config", "completion", "help", "environment", "filters", "formats", "exit-codes"])
    }

    @Test func nothingAfterDoubleDashIsAnOption() throws {
        #expect(try bashComplete(["opik", "spans", "list", "--", "--ty"]) == [])
    }

    @Test func fileValuesCompleteFileNames() throws {
        let file = try temporaryFile(named: "scores-upload.ndjson", contents: "")
        let prefix = String(file.dropLast("-upload.ndjson".count))
        #expect(try bashComplete(["opik", "--cacert", prefix]) == [file])
        #expect(try bashComplete(["opik", "spans", "score", "upload", prefix]) == [file])
    }

    @Test func projectNamesComeFromTheHiddenCompleteCommand() throws {
        // A stand-in for the binary records its arguments and prints two project names.
        let log = try temporaryFile(named: "arguments", contents: "")
        let fake = try temporaryFile(named: "opik", contents: """
            #!/bin/sh
            printf '%s\\n' "$@" > \(log)
            printf 'my-app\\nmy other app\\n'
            """)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake)
        let directory = (fake as NSString).deletingLastPathComponent
        let offered = try bashComplete(["opik", "spans", "list", "-p", "my"], path: directory + ":/usr/bin:/bin")
        #expect(offered == ["my-app", "my\\ other\\ app"])
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "__complete\nprojects\nmy\n")
    }

    @Test func sortCompletesFieldsThenDirectionsAcrossBashsColonSplit() throws {
        let root = CommandTree.root
        let list = ["opik", "spans", "list"]
        let fields = try bashComplete(list + ["--sort", ""], line: "opik spans list --sort ", root: root)
        #expect(fields == Entity.span.sortCompletionFields)
        #expect(try bashComplete(list + ["--sort", "dur"], line: "opik spans list --sort dur", root: root) == ["duration"])
        #expect(try bashComplete(list + ["--sort", "usage.t"], line: "opik spans list --sort usage.t", root: root) == ["usage.total_tokens"])
        // bash splits "duration:d" at the colon; the reply replaces only what follows it.
        #expect(try bashComplete(list + ["--sort", "duration", ":"], line: "opik spans list --sort duration:", root: root) == ["asc", "desc"])
        #expect(try bashComplete(list + ["--sort", "duration", ":", "d"], line: "opik spans list --sort duration:d", root: root) == ["desc"])
        #expect(try bashComplete(list + ["--sort", "=", "name", ":", "a"], line: "opik spans list --sort=name:a", root: root) == ["asc"])
        // A finished sort value is one word: what follows is completed as usual.
        #expect(try bashComplete(list + ["--sort", "name", ":", "desc", "--ty"], line: "opik spans list --sort name:desc --ty", root: root) == ["--type"])
        #expect(try bashComplete(list + ["--sort", "name", ":", "desc", "--type", "l"], line: "opik spans list --sort name:desc --type l", root: root) == ["llm"])
    }

    @Test func aMissingBinaryCompletesNothingQuietly() throws {
        #expect(try bashComplete(["opik", "--project", ""], path: "/nonexistent") == [])
    }
}
