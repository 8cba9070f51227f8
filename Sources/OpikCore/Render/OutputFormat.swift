/// How results are printed on stdout (`--format`).
package enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, ndjson, csv

    /// One line for `--help` and completions.
    package var summary: String {
        switch self {
        case .table: return "aligned columns on a terminal, tab-separated in a pipe (default)"
        case .json: return "one JSON array for a list, one object for a single item"
        case .ndjson: return "one compact JSON object per line"
        case .csv: return "comma-separated values (RFC 4180) with a header row"
        }
    }

    /// The text of `opik help formats`.
    package static var helpTopic: String {
        """
        Output formats (--format FORMAT)

        Results go to stdout; progress, warnings and errors go to stderr. On a
        terminal, control characters and bidi overrides in server text are shown
        as escapes (\\x1B, \\u202E), so data cannot drive the terminal; a pipe or
        a file gets the bytes unchanged. Output that cannot be written (a full
        disk) is an error with status \(ExitStatus.failure.code); a closed pipe ends quietly.

          table   The default. On a terminal: a header, aligned columns, colour
                  (unless --no-color or NO_COLOR), lines no wider than the
                  terminal, ids whole (every id shown can be pasted into get,
                  update, score add...), times relative to now ("3m ago", "2h
                  ago", "5d ago", else the UTC date), durations as "812ms",
                  "2.4s", "1m03s" and costs as "$0.0012". A terminal too narrow
                  for every default column leaves whole columns out, first to
                  last:
        \(perEntity(indent: 12) { $0.narrowDropOrder })
                  ID and NAME always stay. Free text is cut with "…", first to a
                  readable width; ids, numbers and times are not cut. Columns
                  chosen with --fields are cut, never left out. After --page, a
                  footer such as "page 2 of 7, 312 spans" follows after a blank
                  line. On stderr, only on a terminal: "no spans match" when
                  nothing matched, and "50 of 1,203 spans — use -n or --all" when
                  more spans match than -n showed (the total only when the
                  server's answer carries one: with --sort or --search).
                  With --follow the widths are fixed at the start and each span
                  shows as it arrives.
                  When stdout is not a terminal: no header, no colour, nothing cut,
                  one line per span with fields separated by tabs, full ids, times
                  as RFC 3339 exactly as the server sent them, numbers as received.
                  Tabs and line breaks inside a value become spaces so each span
                  stays on one line; a missing value is an empty field (use
                  `cut -f3` or `awk -F'\\t'`).
          json    A list prints one JSON array, written as the spans arrive (never
                  held whole in memory); a command about one object prints that
                  object. Indented by two spaces.
          ndjson  One compact JSON object per line, for `jq -c` and streaming.
          csv     RFC 4180: a header row naming the fields (id, name,
                  usage.total_tokens, ...), CRLF line ends, cells quoted when
                  they hold a comma, quote or line break (quotes doubled), values
                  as received, nested values as compact JSON.

        Default table and csv columns of a listing:
        \(perEntity(indent: 2) { $0.defaultColumns.map(\.header) })
        TOKENS is usage.total_tokens, COST is total_estimated_cost, SCORES lists
        each feedback score as name=value, ERR shows "!" when the record has
        error_info.

        --fields LIST
          Chooses the columns (table, csv) or the keys kept (json, ndjson), in
          the order given, e.g.
            --fields id,name,usage.total_tokens,feedback_scores.accuracy
          Dotted paths reach into objects; feedback_scores.NAME is the value of
          the score called NAME. In json, nested keys are rebuilt as objects:
          {"usage":{"total_tokens":15},"feedback_scores":{"accuracy":0.9}}.
          Values a span lacks are left out (json) or empty (table, csv).

        Fields left out by the server
          The request asks the server to leave out (exclude) the fields the
          output does not need, so narrow listings are fast: the default table
          and csv skip input, output, metadata and the other unseen fields;
          --fields skips everything not named; json and ndjson without --fields
          get whole spans.

        Exactness
          JSON output keeps the server's key order and prints numbers exactly as
          received (0.10 stays 0.10). Pipe and csv cells do the same; only the
          terminal tables (of list and stats) round durations, costs, times and
          averages for reading.
        """
    }

    /// One line for each entity, after `indent` spaces: its plural, then `words` of it.
    private static func perEntity(indent: Int, _ words: (Entity) -> [String]) -> String {
        let width = Entity.all.map(\.plural.count).max() ?? 0
        return Entity.all.map { entity in
            let name = entity.plural + String(repeating: " ", count: width - entity.plural.count)
            return String(repeating: " ", count: indent) + name + "  " + words(entity).joined(separator: " ")
        }.joined(separator: "\n")
    }
}
