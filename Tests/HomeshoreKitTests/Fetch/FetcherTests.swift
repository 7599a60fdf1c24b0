import Foundation
import Testing
@testable import HomeshoreKit

/// Options for tests: no politeness delay, short timeouts.
private func fastOptions(_ change: (inout FetchOptions) -> Void = { _ in }) -> FetchOptions {
    var options = FetchOptions()
    options.delay = 0
    options.jitter = 0
    options.connectTimeout = 5
    options.totalTimeout = 10
    change(&options)
    return options
}

@Suite struct FetcherTests {
    @Test func bodyAndHeadersArrive() async throws {
        let server = try LoopbackServer { request in
            var response = LoopbackServer.Response.html("<p>\(request.path)</p>")
            response.headers.append(("X-Test", "yes"))
            // Names in any case, a repeated header, padding, an empty value, values beyond ASCII.
            response.headers += [("X-Multi", "a"), ("x-MULTI", "b"), ("X-Pad", "\t  padded value \t "), ("X-Empty", ""),
                                 ("X-Name", "Café \u{2019}ok"), ("X-Latin", "caf\u{E9}")]
            return response
        }
        let fetcher = try Fetcher(options: fastOptions())
        let response = await fetcher.fetch(FetchRequest(url: server.baseURL + "/hello?x=1", tag: 7))
        #expect(response.error == nil)
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "<p>/hello</p>")
        #expect(response.headers["x-test"] == "yes")
        #expect(response.headers["x-multi"] == "a, b")
        #expect(response.headers["x-pad"] == "padded value")
        #expect(response.headers["x-empty"] == "")
        #expect(response.headers["x-name"] == "Café \u{2019}ok" && response.headers["x-latin"] == "café")
        #expect(response.headers["content-type"] == "text/html; charset=utf-8")
        #expect(response.headers.keys.allSatisfy { $0 == $0.lowercased() })
        #expect(response.contentType == "text/html; charset=utf-8")
        #expect(response.finalURL == server.baseURL + "/hello?x=1")
        #expect(response.request.tag == 7)
        #expect(response.wireBytes == response.body.count)
    }

    @Test func userAgentAndRequestHeadersArrive() async throws {
        let seen = Recorder<[String: String]>([:])
        let server = try LoopbackServer { request in
            seen.update { $0 = request.headers }
            return .text("ok")
        }
        let fetcher = try Fetcher(options: fastOptions())
        let request = FetchRequest(url: server.baseURL + "/", headers: [("Accept-Language", "fr-FR")])
        _ = await fetcher.fetch(request)
        #expect(seen.current["user-agent"]?.hasPrefix("Homeshore/\(HomeshoreInfo.version) ") == true)
        #expect(seen.current["accept-language"] == "fr-FR")
    }

    @Test func gzipBodyIsDecoded() async throws {
        let page = Array(String(repeating: "Offre d'emploi à Lyon. ", count: 4000).utf8)
        let seen = Recorder<String?>(nil)
        let server = try LoopbackServer { request in
            seen.update { $0 = request.headers["accept-encoding"] }
            return LoopbackServer.Response(
                status: 200, headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                body: StoredGzip.encode(page))
        }
        let fetcher = try Fetcher(options: fastOptions())
        let response = await fetcher.fetch(FetchRequest(url: server.baseURL + "/"))
        #expect(response.error == nil)
        let decoded = response.body == page
        #expect(decoded, "body of \(response.body.count) bytes, expected \(page.count) decoded")
        #expect(seen.current?.contains("gzip") == true)
    }

    @Test func twoHundredPagesInParallelOverFewConnections() async throws {
        let concurrent = Recorder((now: 0, peak: 0))
        let server = try LoopbackServer { request in
            concurrent.update { $0.now += 1; $0.peak = max($0.peak, $0.now) }
            usleep(2_000)
            concurrent.update { $0.now -= 1 }
            return .html("page \(request.query ?? "")")
        }
        let fetcher = try Fetcher(options: fastOptions { $0.perHost = 4 })
        let responses = await withTaskGroup(of: FetchResponse.self) { group in
            for i in 0..<200 {
                group.addTask { await fetcher.fetch(FetchRequest(url: server.baseURL + "/p?\(i)", tag: i)) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(responses.count == 200)
        #expect(responses.allSatisfy { $0.error == nil && $0.status == 200 })
        #expect(responses.allSatisfy { String(decoding: $0.body, as: UTF8.self) == "page \($0.request.tag)" })
        #expect(server.requestCount == 200)
        #expect(concurrent.current.peak > 1)
        #expect(concurrent.current.peak <= 4)
        #expect(server.connectionCount <= 4)
        #expect(fetcher.pendingCount == 0)
    }

    @Test func perHostDelayIsRespectedAndHostsDoNotBlockEachOther() async throws {
        let starts = Recorder<[(host: String, time: Double)]>([])
        let server = try LoopbackServer { request in
            let host = request.headers["host"]?.split(separator: ":").first.map(String.init) ?? "?"
            starts.update { $0.append((host, monotonicNow())) }
            return .text("ok")
        }
        let fetcher = try Fetcher(options: fastOptions { $0.delay = 0.2; $0.perHost = 4 })
        let urls = (0..<3).flatMap { i in
            ["http://127.0.0.1:\(server.port)/\(i)", "http://localhost:\(server.port)/\(i)"]
        }
        let responses = await withTaskGroup(of: FetchResponse.self) { group in
            for url in urls { group.addTask { await fetcher.fetch(FetchRequest(url: url)) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(responses.allSatisfy { $0.error == nil })
        let numeric = starts.current.filter { $0.host == "127.0.0.1" }.map(\.time)
        let named = starts.current.filter { $0.host == "localhost" }.map(\.time)
        #expect(numeric.count == 3 && named.count == 3)
        for times in [numeric, named] {
            for (a, b) in zip(times, times.dropFirst()) {
                // The server sees each start a little after the fetcher makes it: allow 20 ms of that.
                #expect(b - a >= 0.18, "starts to one host \(b - a) s apart")
            }
        }
        // Each host's first request comes before the other host's second: neither waited for the other.
        #expect(named[0] < numeric[1])
        #expect(numeric[0] < named[1])
    }

    @Test func maxConnectionsIsRespected() async throws {
        let concurrent = Recorder((now: 0, peak: 0))
        let server = try LoopbackServer { _ in
            concurrent.update { $0.now += 1; $0.peak = max($0.peak, $0.now) }
            usleep(30_000)
            concurrent.update { $0.now -= 1 }
            return .text("ok")
        }
        let fetcher = try Fetcher(options: fastOptions { $0.maxConnections = 3; $0.perHost = 10 })
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<15 {
                group.addTask { _ = await fetcher.fetch(FetchRequest(url: server.baseURL + "/\(i)")) }
            }
        }
        #expect(server.requestCount == 15)
        #expect(concurrent.current.peak == 3)
    }

    @Test func redirectChainIsFollowed() async throws {
        let server = try LoopbackServer { request in
            switch request.path {
            case "/a": .redirect(to: "/b", status: 301)
            case "/b": .redirect(to: "/c")
            case "/c": .redirect(to: "/final", status: 307)
            case "/final":
                LoopbackServer.Response(status: 200, headers: [("X-Page", "final")], body: Array("end".utf8))
            default: .notFound()
            }
        }
        let fetcher = try Fetcher(options: fastOptions { $0.maxRedirects = 3 })
        let response = await fetcher.fetch(FetchRequest(url: server.baseURL + "/a"))
        #expect(response.error == nil)
        #expect(response.status == 200)
        #expect(response.finalURL == server.baseURL + "/final")
        #expect(response.headers["x-page"] == "final")
        #expect(response.headers["location"] == nil)
        #expect(response.body == Array("end".utf8))
        #expect(server.requestCount == 4)
    }

    @Test func redirectLoopFailsWithTooManyRedirects() async throws {
        let server = try LoopbackServer { _ in .redirect(to: "/loop") }
        let fetcher = try Fetcher(options: fastOptions { $0.maxRedirects = 5 })
        let response = await fetcher.fetch(FetchRequest(url: server.baseURL + "/loop"))
        #expect(response.error == .tooManyRedirects(url: server.baseURL + "/loop", limit: 5))
        #expect(server.requestCount == 6)
        #expect(response.error?.description.contains("/loop") == true)
    }

    @Test(arguments: ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1/x"])
    func redirectToAnotherSchemeIsRefused(target: String) async throws {
        let server = try LoopbackServer { _ in .redirect(to: target) }
        let fetcher = try Fetcher(options: fastOptions())
        let response = await fetcher.fetch(FetchRequest(url: server.baseURL + "/go"))
        guard case .unsupportedScheme(let url) = response.error else {
            Issue.record("expected unsupportedScheme, got \(String(describing: response.error))")
            return
        }
        #expect(url.hasPrefix(target.prefix(while: { $0 != ":" }) + ":"))
        #expect(!response.body.contains(Array("root:".utf8)))
    }

    @Test(arguments: ["file:///etc/passwd", "ftp://127.0.0.1/x", "dict://127.0.0.1/x", "javascript:alert(1)"])
    func nonHTTPURLIsRefusedBeforeAnyTransfer(url: String) async throws {
        let fetcher = try Fetcher(options: fastOptions())
        let response = await fetcher.fetch(FetchRequest(url: url))
        #expect(response.error == .unsupportedScheme(url: url))
        #expect(response.body.isEmpty)
        #expect(response.elapsed == 0)
    }

    @Test(arguments: [
        LoopbackServer.Behaviour.chunked(size: 4096), .closeDelimited, .normal,
    ])
    func bodyOverTheCapFails(behaviour: LoopbackServer.Behaviour) async throws {
        let server = try LoopbackServer { request in
            let size = request.path == "/big" ? 50_000 : 9_000
            return LoopbackServer.Response(
                status: 200, headers: [("Content-Type", "text/plain")], body: Array(repeating: 65, count: size),
                behaviour: behaviour)
        }
        let fetcher = try Fetcher(options: fastOptions { $0.maxBodyBytes = 10_000 })
        let big = await fetcher.fetch(FetchRequest(url: server.baseURL + "/big"))
        #expect(big.error == .bodyTooLarge(url: server.baseURL + "/big", limit: 10_000))
        #expect(big.body.count <= 10_000)
        let small = await fetcher.fetch(FetchRequest(url: server.baseURL + "/small"))
        #expect(small.error == nil)
        #expect(small.body.count == 9_000)
    }

    @Test func gzipBodyOverTheCapFailsAfterDecoding() async throws {
        let page = Array(repeating: UInt8(66), count: 30_000)
        let server = try LoopbackServer { _ in
            LoopbackServer.Response(
                status: 200, headers: [("Content-Encoding", "gzip")], body: StoredGzip.encode(page))
        }
        let fetcher = try Fetcher(options: fastOptions { $0.maxBodyBytes = 40_000 })
        let ok = await fetcher.fetch(FetchRequest(url: server.baseURL + "/"))
        let decoded = ok.body == page
        #expect(ok.error == nil)
        #expect(decoded)
        let capped = try Fetcher(options: fastOptions { $0.maxBodyBytes = 20_000 })
        let tooLarge = await capped.fetch(FetchRequest(url: server.baseURL + "/"))
        #expect(tooLarge.error == .bodyTooLarge(url: server.baseURL + "/", limit: 20_000))
    }

    @Test func refusedConnectionFailsWithCouldNotConnect() async throws {
        let refusing = RefusingPort()
        let fetcher = try Fetcher(options: fastOptions())
        let url = "http://127.0.0.1:\(refusing.port)/"
        let response = await fetcher.fetch(FetchRequest(url: url))
        guard case .couldNotConnect(let failed, let message) = response.error else {
            Issue.record("expected couldNotConnect, got \(String(describing: response.error))")
            return
        }
        #expect(failed == url)
        #expect(!message.isEmpty)
        #expect(response.error?.description.contains(url) == true)
    }

    @Test func closeCancelsWhatIsPending() async throws {
        let server = try LoopbackServer { _ in .text("ok") }
        let fetcher = try Fetcher(options: fastOptions { $0.delay = 30 })
        let results = Recorder<[FetchResponse]>([])
        for i in 0..<3 {
            fetcher.enqueue(FetchRequest(url: server.baseURL + "/\(i)", tag: i)) { r in results.update { $0.append(r) } }
        }
        while results.current.isEmpty { usleep(5_000) }
        fetcher.close()
        fetcher.close()
        let all = results.current.sorted { $0.request.tag < $1.request.tag }
        try #require(all.count == 3)
        #expect(all[0].error == nil)
        #expect(all[1].error == .cancelled(url: server.baseURL + "/1"))
        #expect(all[2].error == .cancelled(url: server.baseURL + "/2"))
        #expect(fetcher.pendingCount == 0)
        #expect(server.requestCount == 1)
    }

    /// A fetcher let go of closes its connections: its network loop must not outlive it (a retain cycle kept every
    /// closed loop alive with the connections in its cache, so a process that crawled many times piled up sockets
    /// and, on this server, threads).
    @Test func aFetcherLetGoOfClosesItsConnections() async throws {
        let server = try LoopbackServer { _ in .text("ok") }
        defer { server.stop() }
        for round in 0..<3 {
            var fetcher: Fetcher? = try Fetcher(options: fastOptions { $0.perHost = 4 })
            for i in 0..<8 {
                let response = await fetcher!.fetch(FetchRequest(url: server.baseURL + "/\(round)/\(i)"))
                #expect(response.error == nil)
            }
            #expect(server.openConnectionCount > 0)
            fetcher?.close()
            fetcher = nil
            // The server sees the client's close a moment later: wait for it, at most 5 s.
            var waited = 0
            while server.openConnectionCount > 0 && waited < 500 {
                usleep(10_000)
                waited += 1
            }
            #expect(server.openConnectionCount == 0, "round \(round): connections still open after the fetcher was let go of")
        }
    }
}
