#if canImport(Glibc)
import Glibc
#endif

/// Runs blocking work on plain threads. Requests block in libcurl, so Swift's cooperative
/// pool (one thread per core) would cap parallelism at the core count.
package enum WorkerThreads {
    private final class Work {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    /// The processors online, at least 1.
    package static var processorCount: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    /// Calls `body(i)` for `i` in `0..<count`, each on its own thread, and waits for all.
    package static func run(count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        if count == 1 {
            body(0)
            return
        }
        var threads: [pthread_t] = []
        for index in 0..<count {
            let work = Unmanaged.passRetained(Work { body(index) }).toOpaque()
            var thread = pthread_t()
            let started = pthread_create(&thread, nil, { argument in
                let work = Unmanaged<Work>.fromOpaque(argument!).takeRetainedValue()
                work.body()
                return nil
            }, work)
            if started == 0 {
                threads.append(thread)
            } else {
                // No thread to be had: do the share here rather than drop it.
                Unmanaged<Work>.fromOpaque(work).takeRetainedValue().body()
            }
        }
        for thread in threads { pthread_join(thread, nil) }
    }
}
