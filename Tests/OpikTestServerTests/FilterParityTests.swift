import OpikCore
import OpikTestServer
import Testing

/// Filters the real server accepts, and the ones it lets through validation but fails on (500).
@Suite struct FilterParityTests {
    @Test func tagsNotContainsIsAcceptedAndMatchesCaseInsensitively() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "demo", count: 60)
        let all = server.spans(project: "demo")
        let client = RawHTTPClient(port: server.port)
        let filters = #"[{"field":"tags","operator":"not_contains","value":"PRO"}]"#
        let expected = all.count { span in !(span["tags"]?.arrayValue ?? []).contains { $0.stringValue?.contains("pro") == true } }
        #expect(expected > 0 && expected < all.count)
        let listed = client.send("GET", "/v1/private/spans?project_name=demo&filters=" + encoded(filters))
        #expect(listed.status == 200)
        #expect(listed.json?["total"] == .int(expected))
        let searched = client.send("POST", "/v1/private/spans/search", body: #"{"project_name":"demo","filters":\#(filters)}"#)
        #expect(searched.text.split(separator: "\r\n").count == expected)
    }

    @Test(arguments: [
        #"[{"field":"type","operator":"is_empty","value":""}]"#,
        #"[{"field":"type","operator":"is_not_empty","value":""}]"#,
        #"[{"field":"type","operator":"=","value":"agent"}]"#,
        #"[{"field":"type","operator":"!=","value":"LLM"}]"#,
        #"[{"field":"type","operator":"in","value":"llm,agent"}]"#,
        #"[{"field":"usage.total_tokens","operator":">","value":"1.5"}]"#,
        #"[{"field":"usage.prompt_tokens","operator":"=","value":"1e3"}]"#,
        #"[{"field":"name","operator":"=","value":"x"},{"field":"usage.completion_tokens","operator":"<","value":"0.5"}]"#,
    ])
    func filtersTheDatabaseRefusesAre500(filters: String) throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "demo", count: 5)
        let client = RawHTTPClient(port: server.port)
        let responses = [
            client.send("GET", "/v1/private/spans?project_name=demo&filters=" + encoded(filters)),
            client.send("GET", "/v1/private/spans/stats?project_name=demo&filters=" + encoded(filters)),
            client.send("POST", "/v1/private/spans/search", body: #"{"project_name":"demo","filters":\#(filters)}"#),
        ]
        for response in responses {
            #expect(response.status == 500)
            #expect(response.json?["code"] == 500)
            #expect(response.json?["message"]?.stringValue?.hasPrefix("There was an error processing your request. It has been logged (ID ") == true)
        }
    }

    @Test(arguments: [
        #"[{"field":"environment","operator":"is_empty","value":""}]"#,
        #"[{"field":"type","operator":"not_in","value":"general, tool"}]"#,
        #"[{"field":"usage.total_tokens","operator":">","value":"-15"}]"#,
        #"[{"field":"duration","operator":">","value":"1.5"}]"#,
    ])
    func neighbouringFiltersStillWork(filters: String) throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "demo", count: 5)
        let response = RawHTTPClient(port: server.port).send("GET", "/v1/private/spans?project_name=demo&filters=" + encoded(filters))
        #expect(response.status == 200)
    }

    @Test func validationErrorsStillComeFirst() throws {
        let server = try OpikTestServer.start()
        defer { server.stop() }
        server.seed(project: "demo", count: 1)
        let filters = #"[{"field":"type","operator":"is_empty","value":""},{"field":"name","operator":"=","value":" "}]"#
        let response = RawHTTPClient(port: server.port).send("GET", "/v1/private/spans?project_name=demo&filters=" + encoded(filters))
        #expect(response.status == 400)
        #expect(response.json?["message"] == "Invalid value ' ' or key 'null' for field 'name' of type 'STRING'")
    }
}
