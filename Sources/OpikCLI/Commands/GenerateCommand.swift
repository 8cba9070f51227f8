import OpikCore

/// `opik __generate DIR`: writes the completion scripts and the man page under DIR, from the
/// command tree. Hidden; `make generate` runs it.
enum GenerateCommand {
    static let spec: CommandSpec = CommandSpec(
        "__generate",
        summary: "Write completions/ and man/ from the command tree",
        arguments: [ArgumentSpec("DIR", help: "The source tree's top directory.", completion: .file)],
        hidden: true,
        run: { invocation, context in
            let directory = invocation.operands[0]
            let date = ManPage.date(sourceDateEpoch: context.environment["SOURCE_DATE_EPOCH"])
            for file in GeneratedFiles.all(root: CommandTree.root, topics: Topics.texts, date: date) {
                let path = directory + "/" + file.path
                try Files.createParentDirectory(of: path)
                try Files.write(Array(file.contents.utf8), to: path, mode: 0o644)
                try context.stderr.write("wrote \(file.path)\n")
            }
            return .success
        })
}
