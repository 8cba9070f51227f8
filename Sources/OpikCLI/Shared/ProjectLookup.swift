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
            throw client.unexpected("find project '\(name)'", expected: "a project with an id", received: project)
        }
        return id
    }

    /// The name of the project with id `id` (`GET /projects/{id}`): trace reads carry only
    /// their project's id (see docs/SERVER.md#traces), and writes take only its name.
    static func name(ofId id: String, client: OpikClient) throws -> String {
        let what = "get project \(id)"
        let project = try client.json(client.request("GET", "/v1/private/projects/" + id), what: what, repetition: .safe)
        guard let name = project?["name"]?.stringValue else {
            throw client.unexpected(what, expected: "a project with a name", received: project)
        }
        return name
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
