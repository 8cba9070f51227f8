import OpikCore

enum ScoreUpload {
    static let spec: CommandSpec = CommandSpec("upload", summary: "Upload scores from a file")
}
