import OpikCore
import Testing

/// Every row of `Setting.all` is resolved flag > environment > config file > default.
@Suite struct SettingResolutionTests {
    /// Resolves with the config file at /home/u/.opik.config holding `file` under [opik].
    func resolve(flags: [String: String] = [:], env: [String: String] = [:], file: [String: String] = [:]) -> Configuration {
        var environment = env
        environment["HOME"] = "/home/u"
        let text = "[opik]\n" + file.map { "\($0.key) = \($0.value)\n" }.joined()
        return Configuration.resolve(flags: flags, environment: environment) { path in
            path == "/home/u/.opik.config" ? text : nil
        }
    }

    /// A value of the right kind for `setting` that names where it was set.
    func value(_ setting: Setting, _ place: String) -> String {
        switch setting.kind {
        case .url: return "http://\(place).example/api"
        case .boolean: return place == "file" ? "false" : "0"
        case .path: return "/\(place)/opik.ini"
        case .secret, .name: return "\(place)-value"
        }
    }

    @Test(arguments: Setting.all) func eachSourceWinsOverTheNext(setting: Setting) {
        let flagValue = setting.flag.map { $0.impliedValue ?? value(setting, "flag") }
        let flags = setting.flag.map { [$0.long: $0.impliedValue == nil ? value(setting, "flag") : ""] } ?? [:]
        let env = [setting.environment.name: value(setting, "env")]
        let file = setting.fileKey.map { [$0: value(setting, "file")] } ?? [:]

        if let flag = setting.flag {
            #expect(resolve(flags: flags, env: env, file: file)[setting] == ConfigValue(value: flagValue, source: .flag("--" + flag.long)))
        }
        #expect(resolve(env: env, file: file)[setting] == ConfigValue(value: value(setting, "env"), source: .environment(setting.environment.name)))
        if let key = setting.fileKey {
            #expect(resolve(file: [key: value(setting, "file")])[setting] == ConfigValue(value: value(setting, "file"), source: .file("/home/u/.opik.config")))
        }
        let fallback = resolve()[setting]
        #expect(fallback.source == .default)
        if setting.kind != .path { #expect(fallback.value == setting.defaultValue) }
    }

    @Test func everySettingHasOneEnvironmentVariableAndUniqueNames() {
        #expect(Set(Setting.all.map(\.name)).count == Setting.all.count)
        #expect(Set(Setting.all.map(\.environment)).count == Setting.all.count)
        #expect(Set(Setting.all.compactMap(\.flag?.long)).count == Setting.all.compactMap(\.flag).count)
        for setting in Setting.all { #expect(setting.environment.setting == setting) }
        #expect(Configuration.fileKeys == Setting.all.compactMap(\.fileKey))
    }
}
