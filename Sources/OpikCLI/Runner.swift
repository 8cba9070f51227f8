import OpikCore

/// The program: `run(arguments, context) -> ExitStatus`.
public enum Runner {
    /// Runs `arguments` (without the program name) and returns the exit status. The libcurl
    /// version is asked for only by `--version`.
    public static func run(_ arguments: [String], context: inout Context, libcurlVersion: @autoclosure () -> String) -> ExitStatus {
        let root = CommandTree.root
        do {
            let parsed = try ArgumentParser.parse(arguments, root: root)
            let invocation = parsed.invocation
            if invocation.flag(GlobalOptions.version) {
                try context.stdout.write("opik \(OpikVersion.current) (\(libcurlVersion()))\n")
                try context.stdout.flush()
                return .success
            }
            if invocation.flag(GlobalOptions.help) {
                try context.stdout.write(HelpRenderer.help(for: parsed.nodes, width: helpWidth(context)))
                try context.stdout.flush()
                return .success
            }
            guard let leaf = parsed.nodes.last, let run = leaf.run else {
                try context.stderr.write(HelpRenderer.help(for: parsed.nodes, width: helpWidth(context)))
                throw OpikError.usage("'\(ArgumentParser.commandName(parsed.nodes))' needs a subcommand")
            }
            try ArgumentParser.checkOperands(invocation, nodes: parsed.nodes)
            let status = try run(invocation, &context)
            try context.stdout.flush()
            return status
        } catch {
            // A closed stdout is not an error: `opik spans list | head -1` ends quietly.
            if error is OutputClosed { return .success }
            try? context.stdout.flush()
            return Report.status(for: error, stderr: context.stderr)
        }
    }

    static func helpWidth(_ context: Context) -> Int {
        context.isStdoutTerminal ? min(max(context.terminalWidth, 40), 100) : 80
    }
}
