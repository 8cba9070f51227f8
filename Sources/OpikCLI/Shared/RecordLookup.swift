import OpikCore

/// Reads one record of an entity by id, checked to be that record.
enum RecordLookup {
    /// The record, checked to be one: any other 2xx answer (`{}`, a number, another record)
    /// is an error naming what came, never a success. A 404 is thrown as the server's error.
    static func fetch(_ id: String, entity: Entity, client: OpikClient) throws -> JSONValue {
        let what = "get \(entity.name) \(id)"
        let request = client.request("GET", entity.paths.item(id), query: [("strip_attachments", "true")])
        let record = try client.json(request, what: what, repetition: .safe)
        guard let record, record.objectMembers != nil, record["id"]?.stringValue?.lowercased() == id.lowercased() else {
            throw client.unexpected(what, expected: "\(entity.name) \(id)", received: record)
        }
        return record
    }

    /// The record, or nil when the server does not know it.
    static func find(_ id: String, entity: Entity, client: OpikClient) throws -> JSONValue? {
        do {
            return try fetch(id, entity: entity, client: client)
        } catch let OpikError.server(_, status, _, _) where status == 404 {
            return nil
        }
    }
}
