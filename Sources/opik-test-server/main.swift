import Foundation
import OpikTestServer

// opik-test-server [--port N] [--seed-spans N] [--project NAME] [--api-key KEY]
var port: UInt16 = 0
var seedSpans = 200
var project = "demo"
var apiKey: String?
var arguments = CommandLine.arguments.dropFirst()
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("opik-test-server: error: \(message)\nusage: opik-test-server [--port N] [--seed-spans N] [--project NAME] [--api-key KEY]\n".utf8))
    exit(2)
}
while let flag = arguments.popFirst() {
    guard let value = arguments.popFirst() else { fail("\(flag) needs a value") }
    switch flag {
    case "--port":
        guard let number = UInt16(value) else { fail("invalid port '\(value)'") }
        port = number
    case "--seed-spans":
        guard let number = Int(value), number >= 0 else { fail("invalid count '\(value)'") }
        seedSpans = number
    case "--project": project = value
    case "--api-key": apiKey = value
    default: fail("unknown option '\(flag)'")
    }
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
    server = try OpikTestServer.start(port: port, apiKey: apiKey)
} catch {
    fail("\(error)")
}
server.seed(project: project, count: seedSpans, endingNear: Date())
print("listening on \(server.baseURL)")
fflush(nil)
var received: Int32 = 0
sigwait(&signals, &received)
server.stop()
exit(0)
