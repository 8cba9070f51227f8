import Foundation
@testable import OpikCLI
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
}
