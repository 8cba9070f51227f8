import OpikCore

/// Finds projects by name, for endpoints that accept only a project id.
enum ProjectLookup {
    static let idOption = OptionSpec("project-id", value: "UUID", help: "Project by id instead of name.")

    /// The id of the project named `name` (`POST /projects/retrieve`); `notFound` when there is none.
    static func id(named name: String, client: OpikClient) throws -> String {
        let request = client.request("POST", "/v1/private/projects/retrieve", body: ["name": .string(name)])
        let project: JSONValue?
        do {
            // A read that happens to be a POST: repeating it changes nothing.
            project = try client.json(request, what: "find project '\(name)'", repetition: .safe)
        } catch let OpikError.server(_, status, _, _) where status == 404 {
            throw OpikError.notFound("project '\(name)' not found",
                                     hint: "check the name given with -p (or OPIK_PROJECT_NAME, project_name)")
        }
        guard let id = project?["id"]?.stringValue else {
            throw OpikError.server(what: "find project '\(name)'", status: 200, message: "the response has no project id")
        }
        return id
    }

    /// The project id from `--project-id`, or the project name (flag, environment, config,
    /// default) looked up.
    static func resolve(_ invocation: Invocation, session: Session) throws -> String {
        if let id = invocation.value(idOption) {
            try Selection.checkUUID(id, option: "--project-id")
            return id
        }
        return try id(named: session.projectName, client: session.client)
    }
}
