@testable import OpikCLI
@testable import OpikCore
import Testing

/// An error type the program does not know: what a bug would throw.
struct StrayError: Error {}

/// Every kind of error: one sample, the exact lines on stderr and the exit status.
@Suite struct ReportTableTests {
    struct Row: CustomTestStringConvertible, Sendable {
        let kind: ErrorKind
        let error: any Error & Sendable
        let lines: [String]
        let status: OpikCore.ExitStatus
        var testDescription: String { kind.rawValue }
    }

    static let span = "0190b5d2-7c1e-7a3b-8f00-5b9a1c2d3e4f"
    static let checkURL = "hint: check --url (or OPIK_URL_OVERRIDE, url_override) and that the server is running; see 'opik config show'"

    static let rows: [Row] = [
        Row(kind: .usage, error: OpikError.usage("--limit and --all cannot be combined", hint: "use one of them"),
            lines: ["opik: error: --limit and --all cannot be combined", "hint: use one of them"], status: .usage),
        Row(kind: .invalidInput, error: RecordIssue(line: 3, field: "type", message: "invalid value \"lm\""),
            lines: ["opik: error: line 3: field \"type\": invalid value \"lm\""], status: .usage),
        Row(kind: .file, error: OpikError.file(path: "spans.ndjson", message: "no such file"),
            lines: ["opik: error: spans.ndjson: no such file"], status: .usage),
        Row(kind: .notFound, error: OpikError.server(what: "get span \(span)", status: 404, message: "Span not found"),
            lines: ["opik: error: get span \(span): Span not found (HTTP 404)"], status: .notFound),
        Row(kind: .unauthorized, error: OpikError.server(what: "list spans", status: 401, message: "HTTP 401 Unauthorized"),
            lines: ["opik: error: list spans: HTTP 401 Unauthorized",
                    "hint: check the API key (OPIK_API_KEY or api_key in the config file; see 'opik config show')"],
            status: .authentication),
        Row(kind: .forbidden, error: OpikError.server(what: "list spans", status: 403, message: "no access"),
            lines: ["opik: error: list spans: no access (HTTP 403)",
                    "hint: check the workspace (--workspace, OPIK_WORKSPACE) and that the key may use it"],
            status: .authentication),
        Row(kind: .rateLimited, error: OpikError.server(what: "list spans", status: 429, message: "slow down"),
            lines: ["opik: error: list spans: slow down (HTTP 429)",
                    "hint: the server is rate limiting; try again later or raise --retries"], status: .failure),
        Row(kind: .server, error: OpikError.server(what: "delete span", status: 501, message: "no", hint: "delete its trace"),
            lines: ["opik: error: delete span: no (HTTP 501)", "hint: delete its trace"], status: .failure),
        Row(kind: .badResponse, error: OpikError.badResponse(what: "get span \(span)", message: "expected span \(span), received '[]'"),
            lines: ["opik: error: get span \(span): expected span \(span), received '[]' (HTTP 200)",
                    "hint: check that --url points at the Opik API (it usually ends in /api)"], status: .failure),
        Row(kind: .unresolvedHost,
            error: OpikError.transport(what: "list spans", error: .resolve("Could not resolve host: nohost"), url: "http://nohost/api/v1/private/spans?limit=1"),
            lines: ["opik: error: list spans: could not resolve the host (Could not resolve host: nohost) (http://nohost/api/v1/private/spans)",
                    checkURL], status: .unreachable),
        Row(kind: .connectionFailed,
            error: OpikError.transport(what: "list spans", error: .connect("Connection refused"), url: "http://h:1/api/v1/private/spans"),
            lines: ["opik: error: list spans: could not connect (Connection refused) (http://h:1/api/v1/private/spans)", checkURL],
            status: .unreachable),
        Row(kind: .tls, error: OpikError.transport(what: "list spans", error: .tls("unknown CA"), url: "https://h/api/x"),
            lines: ["opik: error: list spans: TLS failed (unknown CA) (https://h/api/x)",
                    "hint: use --cacert FILE for a private CA, or --insecure to skip verification"], status: .unreachable),
        Row(kind: .timeout, error: OpikError.transport(what: "list spans", error: .timeout("after 60000 ms"), url: "http://h/api/x"),
            lines: ["opik: error: list spans: timed out (after 60000 ms) (http://h/api/x)",
                    "hint: raise --timeout, or narrow the request"], status: .unreachable),
        Row(kind: .connectionDropped, error: OpikError.transport(what: "list spans", error: .dropped("reset by peer"), url: "http://h/api/x"),
            lines: ["opik: error: list spans: connection dropped (reset by peer) (http://h/api/x)"], status: .unreachable),
        Row(kind: .transferFailed, error: WrongURL.error(what: "get span", url: "http://h:5173/v1/private/spans/x", baseURL: "http://h:5173"),
            lines: ["opik: error: get span: no Opik API at this address (HTTP 404 for the path itself) (http://h:5173/v1/private/spans/x)",
                    "hint: " + WrongURL.hint(baseURL: "http://h:5173")], status: .unreachable),
        Row(kind: .partial, error: OpikError.partial("2 of 10 spans were not created", hint: "they are in failed.ndjson"),
            lines: ["opik: error: 2 of 10 spans were not created", "hint: they are in failed.ndjson"], status: .partialFailure),
        Row(kind: .interrupted, error: OpikError.interrupted(summary: "3 of 10 spans sent"),
            lines: ["opik: interrupted; 3 of 10 spans sent"], status: .interrupted),
        Row(kind: .outputFailed, error: OutputFailed(reason: "No space left on device", lost: "some ids were not written", hint: "free some space"),
            lines: ["opik: error: cannot write output: No space left on device; some ids were not written", "hint: free some space"],
            status: .failure),
        Row(kind: .outputClosed, error: OutputClosed(), lines: [], status: .success),
        Row(kind: .unexpected, error: StrayError(),
            lines: ["opik: error: unexpected error of type OpikCLITests.StrayError; this is a bug in opik",
                    "hint: please report it with the command that caused it"], status: .failure),
    ]

    @Test(arguments: ReportTableTests.rows)
    func eachKindShowsItsLinesAndEndsWithItsStatus(row: Row) {
        #expect(UserFacing.of(row.error).kind == row.kind)
        let (lines, status) = Report.describe(row.error)
        #expect(lines == row.lines)
        #expect(status == row.status)
        #expect(Report.exitStatus(of: row.error) == row.status)
    }

    @Test func everyKindHasARow() {
        #expect(Set(Self.rows.map(\.kind)) == Set(ErrorKind.allCases))
        #expect(Self.rows.count == ErrorKind.allCases.count)
    }

    @Test func aPointerGoesUnderTheMessageAndBeforeTheHints() throws {
        let error = OpikError.hinted(
            .pointed(.usage("invalid --filter 'nmae = 1': column 1: unknown field 'nmae'", hint: "see 'opik help filters'"),
                     pointer: "nmae = 1\n^"),
            hint: "resume with --after x")
        #expect(Report.describe(error).0 == [
            "opik: error: invalid --filter 'nmae = 1': column 1: unknown field 'nmae'", "  nmae = 1", "  ^",
            "hint: see 'opik help filters'", "hint: resume with --after x",
        ])
    }

    @Test func aTransportErrorAloneIsShownWithItsKind() {
        #expect(Report.describe(TransportError.connect("Connection refused")) ==
            (["opik: error: could not connect (Connection refused)", Self.checkURL], .unreachable))
        #expect(Report.describe(TransportError.interrupted) == (["opik: interrupted"], .interrupted))
    }

    @Test func theOtherErrorTypesAloneHaveTheirKinds() {
        #expect(UserFacing.of(QueryError("invalid --since 'x'")) == UserFacing(.usage, "invalid --since 'x'"))
        #expect(UserFacing.of(FieldSelectionError(message: "empty")) == UserFacing(.usage, "invalid --fields: empty"))
        #expect(UserFacing.of(ResponseTooLarge(part: "the response", limit: 1024)).kind == .badResponse)
        #expect(UserFacing.of(JSONSyntaxError(message: "unexpected end of input", line: 1, column: 2, offset: 1))
            == UserFacing(.invalidInput, "invalid JSON: line 1, column 2: unexpected end of input"))
        #expect(Report.describe(FilterError(message: "unknown field 'nmae'", column: 1, expression: "nmae = 1")).0 == [
            "opik: error: invalid filter: column 1: unknown field 'nmae'", "  nmae = 1", "  ^", "hint: see 'opik help filters'",
        ])
        #expect(Report.describe(OpikError.from(StrayError())) == Report.describe(StrayError()))
    }
}
