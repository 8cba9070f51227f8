import Foundation
@testable import OpikCLI
import OpikCore
import Testing

@Suite struct FilesTests {
    @Test func writingToASpecialFileKeepsIt() throws {
        let directory = NSTemporaryDirectory() + "opik-files-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let fifo = directory + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        final class Box: @unchecked Sendable { var data = Data() }
        let box = Box()
        let reader = Thread {
            if let handle = FileHandle(forReadingAtPath: fifo) { box.data = handle.readDataToEndOfFile() }
        }
        reader.start()
        try Files.write(Array("hello\n".utf8), to: fifo, mode: 0o644)
        while !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        var info = stat()
        #expect(stat(fifo, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFIFO)
        #expect(String(decoding: box.data, as: UTF8.self) == "hello\n")
    }

    @Test func regularFilesAreReplacedWithTheirMode() throws {
        let path = NSTemporaryDirectory() + "opik-file-" + UUID().uuidString
        try Files.write(Array("a".utf8), to: path, mode: 0o600)
        try Files.write(Array("bc".utf8), to: path, mode: 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "bc")
        #expect(Files.permissions(path) == 0o600)
    }

    @Test func aSymlinkStaysALinkAndNoTemporaryFileIsLeft() throws {
        let directory = NSTemporaryDirectory() + "opik-files-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory + "/real", withIntermediateDirectories: true)
        #expect(symlink("real/target", directory + "/link") == 0)
        try Files.write(Array("one".utf8), to: directory + "/link", mode: 0o600)
        try Files.write(Array("two".utf8), to: directory + "/link", mode: 0o600)
        var info = stat()
        #expect(lstat(directory + "/link", &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(try String(contentsOfFile: directory + "/real/target", encoding: .utf8) == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/real") == ["target"])
    }

    @Test func aFileThatCannotBeWrittenSaysWhy() {
        #expect(throws: OpikError.file(path: "/nonexistent/dir/f", message: "cannot be written: No such file or directory")) {
            try Files.write([], to: "/nonexistent/dir/f", mode: 0o644)
        }
        #expect(Files.read("/nonexistent/f") == .missing)
        #expect(Files.read(NSTemporaryDirectory()) == .unreadable("Is a directory"))
        let latin1 = NSTemporaryDirectory() + "opik-latin1-" + UUID().uuidString
        #expect(FileManager.default.createFile(atPath: latin1, contents: Data([0x5B, 0x6F, 0x5D, 0x0A, 0x61, 0x3D, 0xE9, 0x0A])))
        #expect(Files.read(latin1) == .notUTF8("[o]\na=\u{FFFD}\n", line: 2))
    }
}
