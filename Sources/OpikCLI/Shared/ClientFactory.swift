import OpikCore

/// Makes `OpikClient`s with the session's settings, one per thread that needs its own
/// connection: a transport (a libcurl handle) must not be shared between threads.
struct ClientFactory: @unchecked Sendable {
    let baseURL: String
    let apiKey: String?
    let workspace: String
    let options: TransportOptions
    let timeout: Double
    let retries: Int
    let context: Context

    /// A client whose verbose log lines and wait notices go to `log` and `onWait`.
    func make(log: @escaping (String) -> Void, onWait: @escaping (String) -> Void) -> OpikClient {
        let transport = context.makeTransport(options, log)
        let client = OpikClient(
            baseURL: baseURL, apiKey: apiKey, workspace: workspace,
            transport: transport, timeout: timeout, retries: retries, context: context)
        client.onWait = onWait
        return client
    }
}
