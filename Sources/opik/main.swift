#if canImport(Glibc)
import Glibc
#endif
import OpikCLI
import OpikCore
import OpikHTTP

// A closed pipe must surface as EPIPE on write (then: stop quietly), not kill the process.
signal(SIGPIPE, SIG_IGN)
Interrupt.install()

var context = LiveContext.make()
let status = Runner.run(Array(CommandLine.arguments.dropFirst()), context: &context,
                        libcurlVersion: CurlTransport.libcurlVersion)
try? context.stdout.flush()
try? context.stderr.flush()
exit(status.rawValue)
