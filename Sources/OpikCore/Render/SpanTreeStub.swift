#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
public struct SpanTree {
    public let orderedSpans: [JSONValue]
    public init(traceId: String, spans: [JSONValue]) { orderedSpans = spans }
}
public enum TraceView {
    public static func write(trace: JSONValue, tree: SpanTree, projectName: String?, to out: OutputStream, useColor: Bool, width: Int, now: Date) throws {
        try Renderer.writeDetail(trace, to: out, useColor: useColor, width: width, now: now)
    }
    public static func warnings(trace: JSONValue, tree: SpanTree) -> [String] { [] }
}
