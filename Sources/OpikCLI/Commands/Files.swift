#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import OpikCore

/// Small file helpers with the errors users should see.
enum Files {
    /// The file's text, or nil when it cannot be read.
    static func readText(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func readBytes(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OpikError.file(path: path, message: FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
        }
        return [UInt8](data)
    }

    /// Writes `bytes` with the given mode, replacing a regular file atomically. Anything else
    /// that exists at `path` (a device such as /dev/stdout, a pipe) is written in place: a
    /// rename would replace the special file itself.
    static func write(_ bytes: [UInt8], to path: String, mode: Int) throws {
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            let fd = open(path, O_WRONLY | O_TRUNC)
            guard fd >= 0 else { throw OpikError.file(path: path, message: "cannot be written") }
            defer { close(fd) }
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { throw OpikError.file(path: path, message: "cannot be written") }
                offset += written
            }
            return
        }
        let temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes), attributes: [.posixPermissions: mode]) else {
            throw OpikError.file(path: path, message: "cannot be written")
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw OpikError.file(path: path, message: "cannot be written")
        }
    }

    /// Creates the directory that will hold `path`, if missing.
    static func createParentDirectory(of path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let directory = String(path[..<slash])
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw OpikError.file(path: directory, message: "cannot be created")
        }
    }

    /// The permission bits of a file.
    static func permissions(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_mode) & 0o777
    }
}
