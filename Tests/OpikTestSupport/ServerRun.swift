import OpikTestServer

/// The built `opik` against a bundled test server, as the end-to-end tests run it.
extension OpikTestServer {
    /// Starts a server for the length of `body`, then stops it.
    public static func with(apiKey: String? = nil, _ body: (OpikTestServer) throws -> Void) throws {
        let server = try OpikTestServer.start(apiKey: apiKey)
        defer { server.stop() }
        try body(server)
    }

    /// The environment that points `opik` at this server.
    public var environment: [String: String] { ["OPIK_URL_OVERRIDE": baseURL] }

    /// Runs the built binary against this server; `env` adds to (or overrides) its environment.
    public func opik(
        _ arguments: [String], env: [String: String] = [:], stdin: String? = nil, home: String? = nil, stdoutFile: String? = nil
    ) throws -> RunResult {
        try BinaryRunner.run(arguments, environment: environment.merging(env) { _, new in new }, stdin: stdin, home: home,
                             stdoutFile: stdoutFile)
    }

    /// Starts the built binary against this server without waiting for it (to interrupt it or
    /// read its output as it comes); `env` adds to its environment as in `opik`.
    public func running(_ arguments: [String], env: [String: String] = [:]) throws -> RunningBinary {
        try RunningBinary(arguments, environment: environment.merging(env) { _, new in new })
    }
}
