import Foundation
import Testing
@testable import HomeshoreKit

/// Fetched pages waiting for extraction are bounded in bytes: from a fast server, fetching outruns extraction, and
/// a crawl of large pages held every one of them.
@Suite struct WaitingPagesTests {
    /// A fictional board on 127.0.0.1: a listing of `count` offers, each offer page `size` bytes or more (its
    /// JobPosting in JSON-LD, then filler text).
    final class LargePages: Sendable {
        let count: Int
        let size: Int
        let server: LoopbackServer

        init(count: Int, size: Int) throws {
            self.count = count
            self.size = size
            server = try LoopbackServer { request in
                if request.path == "/list.html" {
                    let items = (1...count).map { "<li class=\"offer\"><a href=\"/offres/\($0).html\">Offre \($0)</a></li>" }
                    return .html("<html><body><ul>\(items.joined())</ul></body></html>")
                }
                guard request.path.hasPrefix("/offres/"), let n = Int(request.path.dropFirst(8).dropLast(5)) else {
                    return .notFound()
                }
                let head = """
                    <html><head><meta charset="utf-8"><title>Offre \(n)</title>
                    <script type="application/ld+json">{"@context":"https://schema.org","@type":"JobPosting",
                    "title":"Conseiller client à domicile n°\(n) H/F","hiringOrganization":{"@type":"Organization",
                    "name":"Appelia Services"},"datePosted":"2026-11-20","jobLocationType":"TELECOMMUTE",
                    "description":"<p>Répondre aux clients depuis chez vous, offre \(n).</p>"}</script></head><body>
                    """
                let filler = String(repeating: "<p>Texte de présentation de l'entreprise.</p>\n", count: size / 47 + 1)
                return .html(head + filler + "</body></html>")
            }
        }

        func config() throws -> SourcesConfig {
            try ConfigLoader.parse("""
                version: 1
                defaults: {delay: 0s, per_host: 16}
                sources:
                  - name: large
                    start: ["\(server.baseURL)/list.html"]
                    items: "css: li.offer"
                    fields:
                      title: "css: a"
                      url: "css: a @href"
                    follow: url
                """, file: "large-pages.yaml")
        }
    }

    @Test func pagesWaitingForExtractionStayUnderTheLimit() async throws {
        let site = try LargePages(count: 120, size: 400_000)
        defer { site.server.stop() }
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        var options = CrawlOptions.fastForTests
        options.maxConnections = 16
        options.waitingLimit = 2_000_000
        let report = try await Crawler(config: try site.config(), store: store, options: options).run()
        #expect(report.status == "ok", "\(report.outcomes[0].errors)")
        #expect(report.pages == 121)
        #expect(try store.offerCount() == 120)
        // The gate is asked before transfers start: those already in flight (at most 16) may still arrive, one
        // page each, after it shut.
        let page = site.size + 1_000
        #expect(report.mostWaitingBytes > 0)
        #expect(report.mostWaitingBytes <= options.waitingLimit + (options.maxConnections + 1) * page,
            "\(report.mostWaitingBytes) bytes waited")
    }
}
