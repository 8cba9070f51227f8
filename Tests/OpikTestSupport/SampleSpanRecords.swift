import Foundation

/// Span records in many shapes, for bulk-input tests: white space inside and between, CRLF,
/// several per line, one over several lines, nulls and given values for the filled fields,
/// escapes, non-ASCII text, duplicate keys, and identical records repeated far apart. The ids
/// pinned by `BulkIdentityTests` were recorded from exactly these records: do not change them.
public enum SampleSpanRecords {
    /// The records as one JSON array.
    public static func mixedArray(_ count: Int) -> String {
        "[\n" + mixed(count).map(\.text).joined(separator: ",\n") + "\n]\n"
    }

    public static func mixed(_ count: Int) -> [(text: String, separator: String)] {
        var records: [(text: String, separator: String)] = []
        for i in 0..<count {
            let time = "2026-07-01T10:\(String(format: "%02d:%02d.%03d", i / 60000 % 60, i / 1000 % 60, i % 1000))Z"
            switch i % 11 {
            case 0: records.append((#"{"name":"step \#(i % 5)","type":"llm","start_time":"\#(time)","input":{"n":\#(i % 7)}}"#, "\n"))
            case 1: records.append((#"{ "name" : "spaced \#(i % 3)" ,  "start_time" : "2026-07-01T10:00:00Z", "tags" : [ "a", "b" ] }"#, "\r\n"))
            case 2: records.append((#"{"id":null,"trace_id":null,"start_time":"\#(time)","name":"nulls"}"#, "\n"))
            case 3:
                records.append((#"{"trace_id":"0190b5d2-7c1e-4a3b-8f00-5b9a1c2d3e4f","start_time":"\#(time)"}"#, " "))
                records.append((#"{"start_time":"\#(time)","output":"tw\"o\\ \u00e9\n"}"#, "\n"))
            case 4: records.append(("{\n  \"start_time\": \"\(time)\",\n  \"usage\": {\"prompt_tokens\": \(i), \"completion_tokens\": 3}\n}", "\n"))
            case 5: records.append((#"{"project_name":"own","last_updated_at":"2026-07-01T11:00:00Z","start_time":"\#(time)","metadata":{"deep":[[[{"x":[1,2.5e3,-0.0,true,false,null]}]]]}}"#, "\n"))
            case 6: records.append((#"{"name":"unicode \u00e9 \ud83d\ude00 ü😀","start_time":"\#(time)","total_estimated_cost":0.0015}"#, "\n"))
            case 7: records.append((#"{"start_time":"2026-07-01T10:00:00Z","start_time":"\#(time)","name":"twice"}"#, "\n"))
            case 8: records.append((#"{"name":"same","start_time":"2026-07-01T10:00:00Z"}"#, "\n\n"))
            case 9: records.append((#"{"id":"0190b5d2-7c1e-7a3b-8f00-\#(String(format: "%012x", i))","start_time":"\#(time)","project_name":null}"#, "\n"))
            default: records.append((#"{"start_time":"\#(time)","error_info":{"exception_type":"E"},"\u0069d2":1,"\u0074ype":"tool","environment":"prod"}"#, "\n\t"))
            }
        }
        return records
    }
}
