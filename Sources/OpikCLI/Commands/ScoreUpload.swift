import OpikCore

/// `opik spans|traces score upload FILE|-`: feedback scores in bulk, from NDJSON, a JSON array or CSV.
enum ScoreUpload {
    static let inputFormat = OptionSpec(
        "input-format", value: "FORMAT", help: "Format of the input (default: csv for a .csv file, json otherwise).", choices: ["json", "csv"])
    static let noCheck = OptionSpec("no-check", help: "Send without looking up each record first.")

    static func spec(_ group: EntityCommands) -> CommandSpec {
        let (one, many) = (group.entity.name, group.entity.plural)
        return group.leaf(
            "score upload",
            summary: "Upload feedback scores in bulk from NDJSON, JSON or CSV",
            discussion: """
                Reads scores from FILE (- for standard input): NDJSON, a JSON array, or CSV with a \
                header (RFC 4180: quoted fields may hold commas, quotes and line breaks). CSV is \
                recognised by the .csv extension or --input-format csv. Fields: id (the \(one) id, \
                a UUIDv7), name, value (a number), and optionally reason, category_name, \
                project_name (default --project) and source (default sdk). Every row is checked \
                before the first request (CSV must be UTF-8; the same id and name twice is refused, \
                the server would keep one); an error names the file, line and field, the exit status \
                is \(ExitStatus.usage.code) and nothing is sent.

                The server's batch endpoint checks neither that a \(one) exists nor that the score \
                names the \(one)'s project: a score filed under another project is stored but never \
                shows on the \(one). So each distinct \(one) id is looked up first (GET \
                /\(many)/ID, --parallel at a time): scores of \(many) that do not exist are not sent \
                and count as failed (exit status \(ExitStatus.partialFailure.code), and they go to \
                --failed), and the others are sent under their \(one)'s own project, whatever -p or \
                project_name say. --no-check skips the lookups, for speed when the ids and projects \
                are known to be right.

                Scores go out in batches of at most \(group.entity.maxBatch) through PUT \
                \(group.entity.paths.feedbackScores), --parallel at a time, retried when the \
                connection drops or the server is busy: a score sent twice replaces itself. If \
                some batches fail for good the exit status is \(ExitStatus.partialFailure.code), and --failed FILE receives the \
                rows that were not accepted in the input's own format (CSV rows under the header \
                for CSV input, NDJSON otherwise).
                """,
            arguments: [ArgumentSpec("FILE", help: "Scores file; - reads standard input.", completion: .file)],
            options: [
                inputFormat,
                noCheck.help("Send without looking up each \(one) first: unknown \(one) ids and scores under another project than the \(one)'s are then accepted by the server and never show."),
            ] + BulkOptions.specs,
            run: run)
    }

    static func endpoint(_ entity: Entity) -> BulkUpload.Endpoint {
        BulkUpload.Endpoint(method: "PUT", path: entity.paths.feedbackScores, key: "scores", action: "upload scores", noun: "score")
    }

    static func run(_ invocation: Invocation, group: EntityCommands, context: inout Context) throws -> ExitStatus {
        let entity = group.entity
        let endpoint = endpoint(entity)
        let options = try BulkOptions(invocation)
        guard let path = invocation.operands.first else { throw OpikError.usage("no scores file given", hint: "use - to read standard input") }
        let session = try Session(invocation, context: context)
        // Standard input has no extension: --input-format alone says it is CSV.
        let input = try BulkInput(path: path, context: context, syntax: invocation.value(inputFormat) == "csv" ? .csv : .json)
        let isCSV = invocation.value(inputFormat).map { $0 == "csv" } ?? (input.fileExtension == "csv")
        let prepared: ScorePreparation
        var readIssues: [RecordIssue] = []
        var csv: (header: CSVRow, rows: [CSVRow])?
        do {
            if isCSV {
                guard let table = try CSVReader.read(input.bytes) else {
                    throw OpikError.invalidInput("\(input.name): no scores in the file")
                }
                csv = table
                prepared = ScorePreparation(header: table.header, rows: table.rows, projectName: session.projectName, entity: entity)
            } else {
                let records = try JSONRecordReader.read(input.bytes)
                readIssues = records.issues
                prepared = ScorePreparation(records: records.records, projectName: session.projectName, entity: entity)
            }
        } catch let issue as RecordIssue {
            throw BulkInput.reject([issue], file: input.name, noun: "score", stderr: context.stderr)
        }
        let issues = RecordIssue.merged(readIssues, prepared.issues)
        if !issues.isEmpty {
            throw BulkInput.reject(issues, file: input.name, noun: "score", stderr: context.stderr)
        }
        guard prepared.payload.count > 0 else { throw OpikError.invalidInput("\(input.name): no scores in the file") }
        if options.isDryRun {
            let send = BulkSend(payload: prepared.payload, endpoint: endpoint, options: options, pastTense: "uploaded")
            try BulkDryRun.print(send, format: session.format, stdout: context.stdout)
            return .success
        }
        let targets = invocation.flag(noCheck)
            ? ScoreTargets(unchecked: prepared.payload, entity: entity)
            : try ScoreTargets(checking: prepared.payload, entity: entity, session: session, parallel: options.parallel, context: context)
        targets.report(lines: prepared.payload.lines, file: input.name, stderr: context.stderr)
        let send = BulkSend(payload: targets.payload, endpoint: endpoint, options: options, pastTense: "uploaded")
        let result = targets.result(of: try send.send(session: session, context: context), total: prepared.payload.count)
        try send.conclude(result, session: session, failedContent: { indexes in
            var text = ""
            if let csv {
                // Payload records and CSV data rows correspond one to one once all are valid.
                text = csv.header.text + "\n"
                for index in indexes { text += csv.rows[index].text + "\n" }
                return Array(text.utf8)
            }
            return prepared.payload.ndjson(of: indexes)
        }, rerun: { "\(group.program) score upload \($0)" })
        return .success
    }
}
