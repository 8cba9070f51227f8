/// The program's version, shown by `--version` and sent in `User-Agent`.
public enum OpikVersion {
    public static let current = "0.1.0"
}
