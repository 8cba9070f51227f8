#if canImport(Glibc)
import Glibc
#endif
import OpikCore

/// Small file helpers with the errors users should see.
enum Files {
    /// The file's text; a missing file is told apart from one that cannot be read, and text
    /// that is not UTF-8 is flagged with the line of its first bad byte.
    static func read(_ path: String) -> ConfigFileContent {
        switch readAll(path) {
        case let .success(bytes):
            let text = String(decoding: bytes, as: UTF8.self)
            if String(validating: bytes, as: UTF8.self) == nil {
                var decoder = UTF8()
                var iterator = bytes.makeIterator()
                var line = 1
                decoding: while true {
                    switch decoder.decode(&iterator) {
                    case let .scalarValue(scalar): if scalar == "\n" { line += 1 }
                    case .emptyInput, .error: break decoding
                    }
                }
                return .notUTF8(text, line: line)
            }
            return .text(text)
        case let .failure(error): return error.code == ENOENT ? .missing : .unreadable(reason(error.code))
        }
    }

    static func readBytes(_ path: String) throws -> [UInt8] {
        switch readAll(path) {
        case let .success(bytes): return bytes
        case let .failure(error):
            throw OpikError.file(path: path, message: error.code == ENOENT ? "no such file" : "cannot be read (\(reason(error.code)))")
        }
    }

    /// An errno as an error.
    struct Errno: UserFacingError {
        let code: Int32
        var userFacing: UserFacing { UserFacing(.file, Files.reason(code)) }
    }

    /// Reads the whole file with plain reads, so a FIFO or `/dev/fd/N` (a shell's `<(...)`)
    /// works like a regular file.
    static func readAll(_ path: String) -> Result<[UInt8], Errno> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(Errno(code: errno)) }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { return .failure(Errno(code: EISDIR)) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                return .failure(Errno(code: code))
            }
            if count == 0 { return .success(result) }
            result.append(contentsOf: buffer[0..<count])
        }
    }

    /// Writes `bytes` with the given mode. A regular file is replaced atomically: the bytes go
    /// to a temporary file made with `mkstemp` in the same directory, which is then renamed
    /// over it, so a reader never sees half a file. A symbolic link stays a link: the file it
    /// points to is replaced. Anything else that exists at `path` (a device such as
    /// /dev/stdout, a pipe) is written in place: a rename would replace the special file itself.
    static func write(_ bytes: [UInt8], to path: String, mode: Int) throws {
        let target = linkTarget(path) ?? path
        var info = stat()
        if stat(target, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            let descriptor = open(target, O_WRONLY | O_TRUNC | O_CLOEXEC)
            guard descriptor >= 0 else { throw failure(path, errno) }
            defer { close(descriptor) }
            if let code = writeAll(bytes, to: descriptor) { throw failure(path, code) }
            return
        }
        let slash = target.lastIndex(of: "/")
        let directory = slash.map { String(target[..<$0]) } ?? "."
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        var template = Array(((directory.isEmpty ? "/" : directory) + "/.\(name).XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw failure(path, errno) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var code = fchmod(descriptor, mode_t(mode)) == 0 ? writeAll(bytes, to: descriptor) : errno
        if close(descriptor) != 0, code == nil { code = errno }
        if code == nil, rename(temporary, target) != 0 { code = errno }
        if let code {
            unlink(temporary)
            throw failure(path, code)
        }
    }

    /// The file a symbolic link at `path` points to (which may not exist yet), or nil when
    /// `path` is not a link.
    static func linkTarget(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return nil }
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        // A dangling link: follow it one step, relative to the link's own directory.
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let destination = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if destination.hasPrefix("/") { return destination }
        let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
        return directory + destination
    }

    /// Writes every byte, retrying after signals; the errno of a failure, nil on success.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }

    static func failure(_ path: String, _ code: Int32) -> OpikError {
        .file(path: path, message: "cannot be written: \(reason(code))")
    }

    /// The system's words for an errno (`No space left on device`).
    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Creates the directory that will hold `path`, and its parents, if missing.
    static func createParentDirectory(of path: String) throws {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        let directory = String(path[..<slash])
        var info = stat()
        if stat(directory, &info) == 0 { return }
        try createParentDirectory(of: directory)
        guard mkdir(directory, 0o755) == 0 || errno == EEXIST else {
            throw OpikError.file(path: directory, message: "cannot be created (\(reason(errno)))")
        }
    }

    /// The permission bits of a file.
    static func permissions(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_mode) & 0o777
    }
}
