import Foundation
import Testing
@testable import HomeshoreKit

@Suite struct LoopbackServerTests {
    private func fetcher() throws -> Fetcher {
        var options = FetchOptions()
        options.delay = 0
        options.totalTimeout = 10
        return try Fetcher(options: options)
    }

    @Test func keepAliveServesManyRequestsOnOneConnection() async throws {
        let server = try LoopbackServer { .text($0.target) }
        let fetcher = try fetcher()
        for i in 0..<20 {
            let response = await fetcher.fetch(FetchRequest(url: server.baseURL + "/n?i=\(i)"))
            #expect(String(decoding: response.body, as: UTF8.self) == "/n?i=\(i)")
        }
        #expect(server.requestCount == 20)
        #expect(server.connectionCount == 1)
        #expect(server.baseURL == "http://127.0.0.1:\(server.port)")
    }

    @Test func requestPartsAreParsed() {
        let request = LoopbackServer.Request(target: "/a/b?x=1&y=2")
        #expect(request.path == "/a/b")
        #expect(request.query == "x=1&y=2")
        #expect(LoopbackServer.Request(target: "/").query == nil)
    }

    @Test func stopClosesConnectionsAndIsIdempotent() async throws {
        let server = try LoopbackServer { _ in .text("ok") }
        let fetcher = try fetcher()
        let first = await fetcher.fetch(FetchRequest(url: server.baseURL + "/"))
        #expect(first.error == nil)
        server.stop()
        server.stop()
        let after = await fetcher.fetch(FetchRequest(url: server.baseURL + "/"))
        #expect(after.error != nil)
        #expect(server.requestCount == 1)
    }
}

@Suite struct StaticSiteTests {
    private func makeSite() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("homeshore-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("offres"), withIntermediateDirectories: true)
        try Data("<h1>accueil</h1>".utf8).write(to: root.appendingPathComponent("index.html"))
        try Data("<h1>offres</h1>".utf8).write(to: root.appendingPathComponent("offres/index.html"))
        try Data("<h1>1</h1>".utf8).write(to: root.appendingPathComponent("offres/1.html"))
        try Data("{}".utf8).write(to: root.appendingPathComponent("api.json"))
        try Data("<urlset/>".utf8).write(to: root.appendingPathComponent("sitemap.xml"))
        try Data("User-agent: *".utf8).write(to: root.appendingPathComponent("robots.txt"))
        try Data("a: 1".utf8).write(to: root.appendingPathComponent("sources.yaml"))
        return root
    }

    @Test func filesAreServedWithTheirContentTypes() async throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try LoopbackServer(handler: LoopbackServer.directory(root))
        var options = FetchOptions()
        options.delay = 0
        let fetcher = try Fetcher(options: options)
        let cases: [(String, String, String)] = [
            ("/", "<h1>accueil</h1>", "text/html"),
            ("/offres/", "<h1>offres</h1>", "text/html"),
            ("/offres/1.html?page=2", "<h1>1</h1>", "text/html"),
            ("/api.json", "{}", "application/json"),
            ("/sitemap.xml", "<urlset/>", "application/xml"),
            ("/robots.txt", "User-agent: *", "text/plain; charset=utf-8"),
            ("/sources.yaml", "a: 1", "application/yaml"),
        ]
        for (path, body, type) in cases {
            let response = await fetcher.fetch(FetchRequest(url: server.baseURL + path))
            #expect(response.status == 200, "\(path)")
            #expect(String(decoding: response.body, as: UTF8.self) == body, "\(path)")
            #expect(response.contentType == type, "\(path)")
        }
        let missing = await fetcher.fetch(FetchRequest(url: server.baseURL + "/nope.html"))
        #expect(missing.status == 404)
    }

    @Test(arguments: ["/../secret.txt", "/offres/../../secret.txt", "/%2e%2e/secret.txt", "/offres/%2E%2E/../secret.txt"])
    func pathsCannotLeaveTheRoot(path: String) throws {
        let root = try makeSite()
        let outside = root.deletingLastPathComponent().appendingPathComponent("secret.txt")
        try Data("secret".utf8).write(to: outside)
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: outside)
        }
        let site = StaticSite(root: root)
        let response = site.respond(to: LoopbackServer.Request(target: path))
        #expect(response.status == 404)
        #expect(response.body != Array("secret".utf8))
    }

    @Test func filesAreReadOnceAndCached() throws {
        let root = try makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = StaticSite(root: root)
        #expect(site.respond(to: .init(target: "/offres/1.html")).body == Array("<h1>1</h1>".utf8))
        try Data("changed".utf8).write(to: root.appendingPathComponent("offres/1.html"))
        #expect(site.respond(to: .init(target: "/offres/1.html?x")).body == Array("<h1>1</h1>".utf8))
    }
}
