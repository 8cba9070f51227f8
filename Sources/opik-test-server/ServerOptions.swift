/// The command line of `opik-test-server`: options, their checks and the help text.
struct ServerOptions {
    var port: UInt16 = 0
    var seedSpans = 200
    var seedTraces = 0
    var seedTree = 0
    var project = "demo"
    var apiKey: String?
    var logRequests = false
    var showHelp = false

    /// A one-line reason the command line was refused.
    struct UsageError: Error {
        var message: String
    }

    static let help = """
        opik-test-server: a local Opik-compatible server, in memory

        usage: opik-test-server [--port N] [--seed-spans N] [--seed-traces N] [--seed-tree N]
                                [--project NAME] [--api-key KEY] [--log]

        Serves the Opik REST API on 127.0.0.1, both at the root (/v1/private/...) and under
        /api/ (/api/v1/private/...) as a local Opik install does, and prints
        "listening on http://127.0.0.1:PORT" once it is ready. Everything you create (projects,
        traces, spans, scores, comments) lasts while it runs and is gone when it stops (Ctrl-C or
        SIGTERM).
        Request bodies may be gzip-compressed, as the Python SDK sends them.

        options:
          --port N          port to listen on (default 0: any free port, printed at start)
          --seed-spans N    sample spans to create at start, grouped into traces (default 200;
                            0 for an empty server); the same data every time, ending a few
                            minutes before now; from 200 spans on it includes deep and wide
                            trees, orphan spans, threads, scores, an error and a hidden trace
          --seed-traces N   N more small traces of 0 to 2 spans each, before the sample
                            (default 0; for listing benchmarks)
          --seed-tree N     one more trace, named big-tree, of N spans in a deep and wide tree
                            (default 0; for tree-rendering benchmarks)
          --project NAME    project holding the sample data (default "demo")
          --api-key KEY     require this key as the Authorization header and a workspace
                            (Comet-Workspace: default), as Comet's hosted Opik does;
                            without it no key is needed, as on a local install
          --log             print one line per request answered: METHOD /path STATUS
          -h, --help        show this help

        point opik at it:
          export OPIK_URL_OVERRIDE=http://127.0.0.1:PORT/api
          opik spans list -p demo
          opik traces list -p demo

        point the Python SDK at it (pip install opik):
          export OPIK_URL_OVERRIDE=http://127.0.0.1:PORT/api OPIK_WORKSPACE=default OPIK_PROJECT_NAME=demo
          python3 -c 'import opik; c = opik.Opik(); c.span(name="hello"); c.flush()'

        """

    /// Reads `arguments` (without the program name); `--flag value` and `--flag=value` both work.
    init(_ arguments: [String]) throws(UsageError) {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "-h" || argument == "--help" {
                showHelp = true
                continue
            }
            if argument == "--log" {
                logRequests = true
                continue
            }
            var flag = argument
            var inline: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                flag = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            guard ["--port", "--seed-spans", "--seed-traces", "--seed-tree", "--project", "--api-key"].contains(flag) else {
                throw UsageError(message: "unknown option '\(flag)' (see --help)")
            }
            guard let value = inline ?? rest.popFirst() else { throw UsageError(message: "\(flag) needs a value") }
            switch flag {
            case "--port":
                guard let number = UInt16(value) else {
                    throw UsageError(message: "invalid --port '\(value)': expected a port number from 0 to 65535")
                }
                port = number
            case "--seed-spans", "--seed-traces", "--seed-tree":
                guard let number = Int(value), (0...10_000_000).contains(number) else {
                    throw UsageError(message: "invalid \(flag) '\(value)': expected a whole number from 0 to 10000000")
                }
                if flag == "--seed-spans" { seedSpans = number } else if flag == "--seed-traces" { seedTraces = number } else { seedTree = number }
            case "--project":
                guard !value.allSatisfy(\.isWhitespace) else { throw UsageError(message: "--project needs a non-blank name") }
                project = value
            default:
                guard !value.isEmpty else { throw UsageError(message: "--api-key needs a non-empty key") }
                apiKey = value
            }
        }
    }
}
