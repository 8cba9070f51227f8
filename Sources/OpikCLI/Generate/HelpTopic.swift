import OpikCore

/// A subject of `opik help TOPIC` that is not a command. The man page prints the same texts.
package enum HelpTopic: String, CaseIterable, Sendable {
    case environment
    case filters
    case formats
    case exitCodes = "exit-codes"

    /// A heading: `Environment variables`.
    package var title: String {
        switch self {
        case .environment: return "Environment variables"
        case .filters: return "Filter expressions"
        case .formats: return "Output formats"
        case .exitCodes: return "Exit statuses"
        }
    }

    /// One line for lists of topics.
    package var summary: String {
        switch self {
        case .environment: return "Environment variables opik reads"
        case .filters: return "The filter language of --filter: fields, operators, examples"
        case .formats: return "Output formats of --format and the --fields selection"
        case .exitCodes: return "What each exit status means"
        }
    }

    /// The topic as printed by `opik help TOPIC`: its title, then its text wrapped to `width`.
    /// The filter and format texts come from the modules that own those languages.
    package static func render(_ topic: HelpTopic, filters: String, formats: String, width: Int = 80) -> String {
        HelpTopicTexts(filters: filters, formats: formats).render(topic, width: width)
    }

    /// The environment variables, rendered from `EnvironmentVariable`.
    package static var environmentBlocks: [TextBlock] {
        [
            .paragraph(
                "A command-line flag wins over an environment variable, which wins over the config file, which wins over the default."
            ),
            .definitions(EnvironmentVariable.allCases.map { .init($0.name, $0.summary) }),
        ]
    }

    /// The exit statuses, rendered from `ExitStatus`.
    package static var exitCodeBlocks: [TextBlock] {
        [
            .paragraph("opik ends with one of these statuses, so scripts can tell failures apart:"),
            .definitions(ExitStatus.allCases.map { .init(String($0.rawValue), $0.meaning) }),
        ]
    }
}

/// The texts of every help topic: two come from their owning modules, two from OpikCore enums.
package struct HelpTopicTexts: Sendable {
    /// `FilterLanguage.helpTopic(for:)`: plain text in the conventions of `TextBlock.parse`.
    package var filters: String
    /// `OutputFormat.helpTopic`: plain text in the conventions of `TextBlock.parse`.
    package var formats: String

    package init(filters: String, formats: String) {
        self.filters = filters
        self.formats = formats
    }

    /// The body of a topic, without its title.
    package func blocks(_ topic: HelpTopic) -> [TextBlock] {
        switch topic {
        case .environment: return HelpTopic.environmentBlocks
        case .filters: return TextBlock.parse(filters)
        case .formats: return TextBlock.parse(formats)
        case .exitCodes: return HelpTopic.exitCodeBlocks
        }
    }

    private func titled(_ topic: HelpTopic, _ text: String) -> String {
        text.hasPrefix(topic.title) ? text : topic.title + "\n\n" + text
    }

    /// The topic as printed by `opik help TOPIC`. The filter and format texts arrive laid out
    /// for 80 columns and are printed as written; the others are wrapped to `width`.
    package func render(_ topic: HelpTopic, width: Int = 80) -> String {
        let width = min(max(width, 40), HelpRenderer.maximumWidth)
        switch topic {
        case .filters: return titled(topic, filters)
        case .formats: return titled(topic, formats)
        case .environment, .exitCodes: return topic.title + "\n\n" + PlainText.render(blocks(topic), width: width)
        }
    }
}
