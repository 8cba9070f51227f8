#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Ctrl-C sets a flag that the transfer and the waits check; a second Ctrl-C ends at once.
enum Interrupt {
    static let flag = Atomic<Bool>(false)

    static func install() {
        for signal in [SIGINT, SIGTERM] {
            var action = sigaction()
            // No SA_RESTART: a blocking wait in libcurl returns at once and sees the flag.
            action.sa_flags = 0
            action.__sigaction_handler.sa_handler = { number in
                if Interrupt.flag.exchange(true, ordering: .relaxed) { _exit(number == SIGINT ? 130 : 143) }
            }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
        // A parent may have left these signals blocked; a CLI must still hear Ctrl-C. The
        // handlers come first, so a signal already pending lands in them.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        sigaddset(&unblock, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
    }

    static var isSet: Bool { flag.load(ordering: .relaxed) }
}
