/// The files committed under `completions/` and `man/`, as `opik __generate DIR` writes them.
package enum GeneratedFiles {
    /// Paths relative to the package root, and their exact contents.
    package static func all(root: CommandSpec, topics: HelpTopicTexts, date: String = ManPage.fixedDate) -> [(path: String, contents: String)] {
        Completion.Shell.allCases.map { (path: $0.scriptPath, contents: Completion.script(for: $0, root: root)) }
            + [(path: manPagePath, contents: ManPage.render(root: root, topics: topics, date: date))]
    }

    package static let manPagePath = "man/opik.1"
}
