import OpikCore
import Testing

/// One masking for every display of secrets and URLs, and the base URL check.
@Suite struct RedactionTests {
    @Test func urlUserInformationIsHiddenWhereverItAppears() {
        #expect(Redaction.maskingUserinfo(in: "http://user:pass@h:8080/api") == "http://***@h:8080/api")
        #expect(Redaction.maskingUserinfo(in: "see (https://tok@h/x?a=b@c) and http://h/y@z")
            == "see (https://***@h/x?a=b@c) and http://h/y@z")
        #expect(Redaction.maskingUserinfo(in: "mail a@b.c") == "mail a@b.c")
    }

    @Test func secretsAreMaskedLongestFirst() {
        let redaction = Redaction(secrets: ["sk-0123456789abcdef", ""])
        #expect(redaction.apply("bad key sk-0123456789abcdef at http://u:p@h") == "bad key sk-*** at http://***@h")
        #expect(Redaction.mask("short") == "***")
        // Listed shortest first, the longer secret that contains the shorter is still masked whole.
        #expect(Redaction(secrets: ["abc", "xxabcdefghijklmn"]).apply("k=xxabcdefghijklmn") == "k=xxa***")
    }

    @Test(arguments: [
        ("ftp://h/api", "the scheme 'ftp' is not supported (expected http or https)"),
        ("localhost:5173/api", "it has no scheme (expected http:// or https://)"),
        ("http:///api", "it has no host"),
        ("http://h:port/api", "its port is not a number from 1 to 65535"),
        ("http://h/a b", "it holds a space or a control character"),
    ])
    func invalidURLsAreRefusedNamingTheSetting(url: String, problem: String) {
        #expect(BaseURLCheck.problem(url) == problem)
        #expect(throws: OpikError.usage("invalid URL '\(url)' in OPIK_URL_OVERRIDE: \(problem)",
                                        hint: "use a URL such as http://localhost:5173/api or https://www.comet.com/opik/api")) {
            try BaseURLCheck.check(ConfigValue(value: url, source: .environment("OPIK_URL_OVERRIDE")))
        }
    }

    @Test(arguments: ["http://localhost:5173/api", "HTTPS://www.comet.com/opik/api", "http://u:p@[::1]:8080/api", "http://h"])
    func validURLsPass(url: String) {
        #expect(BaseURLCheck.problem(url) == nil)
    }
}
