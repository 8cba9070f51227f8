/// The API paths of one entity, all under its collection path (`/v1/private/spans`); see
/// docs/SERVER.md for each endpoint. Ids are inserted as given.
package struct EntityPaths: Sendable, Equatable {
    /// The collection: `GET` lists a page of it.
    package let base: String

    package init(base: String) {
        self.base = base
    }

    /// `GET`: one page of a project's records.
    package var list: String { base }
    /// `POST`: the search stream.
    package var search: String { base + "/search" }
    /// `GET`: statistics over a selection.
    package var stats: String { base + "/stats" }
    /// `POST` creates, `PATCH` updates many at once.
    package var batch: String { base + "/batch" }
    /// `PUT`: a batch of feedback scores.
    package var feedbackScores: String { base + "/feedback-scores" }
    /// `GET`: the score names used in a project.
    package var feedbackScoreNames: String { base + "/feedback-scores/names" }
    /// `POST`: deletes records by id (traces; servers cannot delete single spans).
    package var delete: String { base + "/delete" }
    /// `POST`: deletes comments by id.
    package var deleteComments: String { base + "/comments/delete" }

    /// `GET` reads, `PATCH` updates, `DELETE` deletes one record.
    package func item(_ id: String) -> String { base + "/" + id }
    /// `PUT`: one feedback score of a record.
    package func feedbackScores(of id: String) -> String { item(id) + "/feedback-scores" }
    /// `POST`: deletes feedback scores of a record by name.
    package func deleteFeedbackScores(of id: String) -> String { item(id) + "/feedback-scores/delete" }
    /// `POST`: adds a comment to a record.
    package func comments(of id: String) -> String { item(id) + "/comments" }
    /// `GET`: one comment of a record.
    package func comment(_ commentId: String, of id: String) -> String { comments(of: id) + "/" + commentId }
    /// `PATCH`: a comment, by its id alone.
    package func comment(_ commentId: String) -> String { base + "/comments/" + commentId }
}
