/// The rows of one kind, by id, with each project's ids kept sorted ascending so that cursor
/// paging is a binary search.
struct RowTable {
    private(set) var rows: [String: Row] = [:]
    private var idsByProject: [String: [String]] = [:]

    subscript(id: String) -> Row? { rows[id] }

    /// The project's row ids, oldest (smallest) first.
    func ids(in projectID: String) -> [String] { idsByProject[projectID] ?? [] }

    /// Inserts or replaces a row, moving it between projects when its project changed.
    mutating func put(_ row: Row) {
        if let old = rows[row.id], old.projectID != row.projectID { removeID(row.id, from: old.projectID) }
        if rows[row.id]?.projectID != row.projectID { insertID(row.id, into: row.projectID) }
        rows[row.id] = row
    }

    /// Removes the rows of `ids` that are there and returns them; each project's id list is
    /// rewritten once, however many of its rows go.
    @discardableResult
    mutating func removeAll(_ ids: Set<String>) -> [Row] {
        let removed = ids.compactMap { rows.removeValue(forKey: $0) }
        for projectID in Set(removed.map(\.projectID)) {
            idsByProject[projectID]?.removeAll { ids.contains($0) }
        }
        return removed
    }

    /// Edits a stored row in place and drops its cached stream form.
    mutating func update(_ id: String, _ body: (inout Row) -> Void) {
        guard var row = rows[id] else { return }
        row.streamBytes = nil
        body(&row)
        rows[id] = row
    }

    /// The stream form of a row, caching it.
    mutating func streamForm(_ id: String) -> [UInt8] {
        guard var row = rows[id] else { return [] }
        if let cached = row.streamBytes { return cached }
        let bytes = row.streamForm()
        rows[id] = row
        return bytes
    }

    /// Index of the first id in the project's sorted list that is not less than `id`.
    func lowerBound(_ id: String, in projectID: String) -> Int {
        let ids = idsByProject[projectID] ?? []
        var low = 0
        var high = ids.count
        while low < high {
            let mid = (low + high) / 2
            if ids[mid] < id { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private mutating func insertID(_ id: String, into projectID: String) {
        if let last = idsByProject[projectID]?.last, last > id {
            idsByProject[projectID]!.insert(id, at: lowerBound(id, in: projectID))
        } else {
            idsByProject[projectID, default: []].append(id)
        }
    }

    private mutating func removeID(_ id: String, from projectID: String) {
        let position = lowerBound(id, in: projectID)
        if let ids = idsByProject[projectID], position < ids.count, ids[position] == id {
            idsByProject[projectID]!.remove(at: position)
        }
    }
}
