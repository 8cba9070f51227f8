/// The program's version, shown by `--version` and sent in `User-Agent`.
package enum OpikVersion {
    package static let current = "0.1.0"
}
