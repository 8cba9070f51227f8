#if canImport(Glibc)
import Glibc
#endif
import OpikCLI
import OpikCore
import OpikHTTP

// A closed pipe must surface as EPIPE on write (then: stop quietly), not kill the process.
signal(SIGPIPE, SIG_IGN)
// A standard descriptor the caller closed (`opik ... >&-`) would otherwise be reused by the
// next file or socket opened, and output would land there. /dev/null opened read-only takes
// its place: writes to it fail (EBADF) and are reported, reads see end of input.
for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 {
    let placeholder = open("/dev/null", O_RDONLY)
    if placeholder >= 0, placeholder != descriptor {
        dup2(placeholder, descriptor)
        close(placeholder)
    }
}
Interrupt.install()

var context = LiveContext.make()
let status = Runner.run(Array(CommandLine.arguments.dropFirst()), context: &context,
                        libcurlVersion: CurlTransport.libcurlVersion)
try? context.stdout.flush()
try? context.stderr.flush()
exit(status.rawValue)
