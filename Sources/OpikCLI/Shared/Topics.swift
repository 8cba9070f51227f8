import OpikCore

/// The texts of `opik help TOPIC`, shared with the man page.
enum Topics {
    static var texts: HelpTopicTexts {
        HelpTopicTexts(filters: FilterLanguage.helpTopic(for: Entity.all), formats: OutputFormat.helpTopic)
    }
}
