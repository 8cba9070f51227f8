import OpikCore

/// `opik spans|traces score add ID NAME=VALUE...`: adds or replaces scores on one record.
enum ScoreAdd {
    static let reason = OptionSpec("reason", value: "TEXT", help: "Why the scores were given.")
    static let category = OptionSpec("category", value: "NAME", help: "Category name of the scores.")
    static let source = OptionSpec("source", value: "SOURCE", help: "Who scored.", default: "sdk")

    static func spec(_ group: EntityCommands) -> CommandSpec {
        let entity = group.entity
        return group.leaf(
            "score add",
            summary: "Add or replace feedback scores on a \(entity.name)",
            discussion: """
                Sends one request per score (PUT /\(entity.plural)/ID/feedback-scores). A score with a name \
                the \(entity.name) already carries from the same author replaces it. Values are numbers \
                between -999999999.999999999 and 999999999.999999999. --reason and --category \
                apply to every score given. An unknown \(entity.name) id ends with exit status \(ExitStatus.notFound.code).
                """,
            arguments: [
                ArgumentSpec(group.idArgument, help: "The \(entity.name) to score."),
                ArgumentSpec("NAME=VALUE", help: "Score name and numeric value, e.g. accuracy=0.92.", variadic: true),
            ],
            options: [
                reason, category, source.choosing(from: entity.scoreSources),
                DryRun.option,
            ],
            run: run)
    }

    static func run(_ invocation: Invocation, group: EntityCommands, context: inout Context) throws -> ExitStatus {
        let entity = group.entity
        let recordId = try Selection.uuidOperand(invocation, 0, name: group.idArgument)
        let scores = try invocation.operands.dropFirst().map(parse)
        let session = try Session(invocation, context: context)
        let writes = scores.map { name, value in
            var body: [(String, JSONValue)] = [("name", .string(name)), ("value", value),
                                               ("source", .string(invocation.valueOrDefault(source) ?? ""))]
            if let reason = invocation.value(Self.reason) { body.append(("reason", .string(reason))) }
            if let category = invocation.value(Self.category) { body.append(("category_name", .string(category))) }
            return PlannedWrite(request: session.client.request("PUT", entity.paths.feedbackScores(of: recordId), body: .object(body)),
                                what: "score \(entity.name) \(recordId)", repetition: .safe)
        }
        let printed = try DryRun.printOrSend(writes, invocation, client: session.client, context: context) { _, _, status in
            status == 404 ? OpikError.notFound("\(entity.name) \(recordId) not found; no score added") : nil
        }
        if printed { return .success }
        if context.isStderrTerminal {
            session.notices.info("scored \(entity.name) \(recordId): \(scores.map(\.0).joined(separator: ", "))")
        }
        return .success
    }

    /// `accuracy=0.92` as a name and a JSON number, checked as the server would.
    static func parse(_ pair: String) throws -> (String, JSONValue) {
        let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else {
            throw OpikError.usage("invalid score '\(pair)': expected NAME=VALUE, e.g. accuracy=0.92")
        }
        let name = parts[0].trimmingSpaces
        guard !name.isEmpty else { throw OpikError.usage("invalid score '\(pair)': the name is blank") }
        let text = parts[1].trimmingSpaces
        guard FieldValues.number(text) != nil, let number = Double(text) else {
            throw OpikError.usage("invalid score '\(pair)': '\(text)' is not a number")
        }
        guard abs(number) <= 999_999_999.999999999 else {
            throw OpikError.usage("invalid score '\(pair)': values lie between -999999999.999999999 and 999999999.999999999")
        }
        return (name, .number(text))
    }
}
