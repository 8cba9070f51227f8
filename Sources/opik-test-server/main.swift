import Foundation
import OpikTestServer

// opik-test-server [--port N] [--seed-spans N] [--seed-traces N] [--seed-tree N] [--project NAME] [--api-key KEY] [--log]; see --help.
func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data("opik-test-server: error: \(message)\n".utf8))
    exit(status)
}

let options: ServerOptions
do {
    options = try ServerOptions(Array(CommandLine.arguments.dropFirst()))
} catch {
    fail(error.message, status: 2)
}
if options.showHelp {
    print(ServerOptions.help, terminator: "")
    exit(0)
}
// Block the stop signals before any thread starts, so sigwait below receives them.
signal(SIGPIPE, SIG_IGN)
var signals = sigset_t()
sigemptyset(&signals)
sigaddset(&signals, SIGINT)
sigaddset(&signals, SIGTERM)
pthread_sigmask(SIG_BLOCK, &signals, nil)
let server: OpikTestServer
do {
    var log: (@Sendable (String) -> Void)?
    if options.logRequests {
        log = { @Sendable line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
    }
    server = try OpikTestServer.start(port: options.port, apiKey: options.apiKey, requestLog: log)
} catch {
    fail("\(error)", status: 1)
}
server.seed(project: options.project, count: options.seedSpans, traces: options.seedTraces, treeSpans: options.seedTree, endingNear: Date())
print("listening on \(server.baseURL)")
fflush(nil)
var received: Int32 = 0
sigwait(&signals, &received)
server.stop()
exit(0)
