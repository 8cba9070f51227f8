/// ANSI styles used on a colour terminal, and the cleaning of text bound for one.
package enum TerminalStyle: Sendable {
    case plain, bold, dim, red, green, yellow, cyan

    var code: String {
        switch self {
        case .plain: return ""
        case .bold: return "\u{1B}[1m"
        case .dim: return "\u{1B}[2m"
        case .red: return "\u{1B}[31m"
        case .green: return "\u{1B}[32m"
        case .yellow: return "\u{1B}[33m"
        case .cyan: return "\u{1B}[36m"
        }
    }

    /// The colour of a span type: llm green, tool yellow, guardrail cyan, general plain.
    package static func forSpanType(_ type: String) -> TerminalStyle {
        switch type {
        case "llm": return .green
        case "tool": return .yellow
        case "guardrail": return .cyan
        default: return .plain
        }
    }

    /// `text` wrapped in this style when `useColor`; empty text gets no codes.
    package func apply(_ text: String, useColor: Bool) -> String {
        guard useColor, self != .plain, !text.isEmpty else { return text }
        return code + text + "\u{1B}[0m"
    }

    /// `text` with every control character (ESC included, so server data cannot drive the
    /// terminal) replaced by `replacement` (a space unless told); `keepingNewlines` keeps line
    /// feeds for multi-line blocks.
    package static func clean(_ text: String, keepingNewlines: Bool = false, replacement: Unicode.Scalar = " ") -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if keepingNewlines, scalar == "\n" {
                result.append(scalar)
            } else {
                result.append(isControl(scalar) ? replacement : scalar)
            }
        }
        return String(result)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
