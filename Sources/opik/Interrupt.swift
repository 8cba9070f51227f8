#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Ctrl-C sets a flag that the transfer and the waits check; a second Ctrl-C ends at once.
enum Interrupt {
    static let flag = Atomic<Bool>(false)

    static func install() {
        signal(SIGINT) { _ in
            if Interrupt.flag.exchange(true, ordering: .relaxed) { _exit(130) }
        }
        signal(SIGTERM) { _ in
            if Interrupt.flag.exchange(true, ordering: .relaxed) { _exit(143) }
        }
    }

    static var isSet: Bool { flag.load(ordering: .relaxed) }
}
