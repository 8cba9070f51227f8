import OpikCore

/// `opik __complete projects [PREFIX]`: project names for shell completion. Hidden; quick;
/// prints nothing and exits 0 on any error.
enum CompleteCommand {
    static let spec: CommandSpec = CommandSpec(
        "__complete",
        summary: "Values for shell completion",
        arguments: [
            ArgumentSpec("KIND", help: "What to complete.", choices: ["projects"]),
            ArgumentSpec("PREFIX", help: "What the user typed so far.", optional: true),
        ],
        hidden: true,
        run: { invocation, context in
            var quick = invocation
            quick.options[GlobalOptions.timeout.long] = ["2"]
            quick.options[GlobalOptions.retries.long] = ["0"]
            quick.options[GlobalOptions.quiet.long] = [""]
            quick.options[GlobalOptions.verbose.long] = nil
            let prefix = invocation.operands.count > 1 ? invocation.operands[1] : ""
            guard let session = try? Session(quick, context: context) else { return .success }
            var query = [("size", "100")]
            if !prefix.isEmpty { query.append(("name", prefix)) }
            let request = session.client.request("GET", "/v1/private/projects", query: query)
            guard let page = try? session.client.json(request, what: "list projects", repetition: .safe) else { return .success }
            for project in page["content"]?.arrayValue ?? [] {
                guard let name = project["name"]?.stringValue, name.lowercased().hasPrefix(prefix.lowercased()) else { continue }
                try context.stdout.write(name + "\n")
            }
            return .success
        })
}
