import Foundation

/// Programs some tests run (shells, groff, man, curl). A machine without one skips those
/// tests with a reason instead of failing them; CI installs them all, so there they run.
public enum ExternalTool {
    /// Whether `name` is an executable file in a directory of `PATH` (how `/usr/bin/env`, which
    /// the tests use to start programs, finds it).
    public static func isInstalled(_ name: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { directory in
            FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)")
        }
    }
}
