import Foundation
import Testing
@testable import HomeshoreKit

/// Feeds crawled end to end: a fictional board's RSS feed and a fictional provider's paged Atom feed served on
/// 127.0.0.1, fetched with libcurl, read with libxml2's XML parser, followed to offer pages with JSON-LD, stored in
/// a real SQLite file.
@Suite struct FeedCrawlTests {
    static let rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel><title>TéléJobs</title><link>/</link>
            <item><title>Téléconseiller à domicile H/F</title><link>/offres/1.html</link><guid isPermaLink="false">TJ-1</guid>
              <pubDate>Tue, 01 Dec 2026 08:30:00 +0100</pubDate><dc:creator>Domicall</dc:creator>
              <description><![CDATA[<p>Appels entrants &amp; sortants, <b>100 % télétravail</b>.</p>]]></description></item>
            <item><title>Conseiller SAV &#8211; Lille</title><link>/offres/2.html</link><guid isPermaLink="false">TJ-2</guid>
              <pubDate>Mon, 30 Nov 2026 09:15:00 GMT</pubDate><dc:creator>Vocalia Services</dc:creator></item>
            <item><title>Chargé de clientèle</title><link>/offres/3.html</link><guid isPermaLink="false">TJ-3</guid></item>
          </channel>
        </rss>
        """

    static func offerPage(_ n: Int) -> String {
        """
        <html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"JobPosting",
        "title":"Offre \(n)","hiringOrganization":{"@type":"Organization","name":"Domicall SAS"},
        "jobLocation":{"@type":"Place","address":{"addressLocality":"Ville \(n)","postalCode":"8000\(n)"}},
        "employmentType":"FULL_TIME","description":"<p>Offre numéro \(n).</p>"}</script></head><body></body></html>
        """
    }

    static func atom(page: Int) -> String {
        let next = page == 1 ? #"<link rel="next" href="/assisteo.atom?page=2"/>"# : ""
        let entries = (page == 1 ? [88, 89] : [90]).map { n in
            """
            <entry><title>Conseiller client \(n)</title><link rel="alternate" href="/carrieres/\(n)"/>
              <id>tag:assisteo.example,2026:\(n)</id><updated>2026-11-\(n - 60)T10:00:00Z</updated>
              <summary type="html">&lt;p&gt;Poste en télétravail complet.&lt;/p&gt;</summary></entry>
            """
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Assistéo</title><id>urn:assisteo</id>
            <updated>2026-12-01T00:00:00Z</updated>\(next)\(entries.joined())</feed>
            """
    }

    static func respond(_ request: LoopbackServer.Request) -> LoopbackServer.Response {
        func xml(_ text: String) -> LoopbackServer.Response {
            LoopbackServer.Response(status: 200, headers: [("Content-Type", "application/rss+xml; charset=utf-8")],
                body: Array(text.utf8))
        }
        switch request.path {
        case "/robots.txt": return .text("User-agent: *\nAllow: /\n")
        case "/rss.xml": return xml(rss)
        case "/assisteo.atom": return xml(atom(page: request.query == "page=2" ? 2 : 1))
        case "/casse.xml": return xml("Ceci n'est pas un flux <<<")
        case let path where path.hasPrefix("/offres/"):
            guard let n = Int(path.dropFirst("/offres/".count).dropLast(".html".count)), (1...3).contains(n) else {
                return .notFound()
            }
            return .html(offerPage(n))
        default: return .notFound()
        }
    }

    @Test func crawlsFeedsIntoTheDatabase() async throws {
        let server = try LoopbackServer(handler: Self.respond)
        defer { server.stop() }
        let base = server.baseURL
        let config = try ConfigLoader.parse("""
            version: 1
            defaults: {delay: 0s, per_host: 4}
            sources:
              - name: telejobs-rss
                kind: feed
                start: ["\(base)/rss.xml"]
                follow: url
              - name: assisteo-atom
                kind: feed
                employer: Assistéo
                start: ["\(base)/assisteo.atom"]
              - name: flux-casse
                kind: feed
                start: ["\(base)/casse.xml"]
            """, file: "feeds.yaml")
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        var options = CrawlOptions()
        options.delayOverride = 0
        let report = try await Crawler(config: config, store: store, options: options).run()
        #expect(FileManager.default.fileExists(atPath: folder.path + "/homeshore.sqlite"))
        let byName = Dictionary(uniqueKeysWithValues: report.outcomes.map { ($0.source, $0) })

        // The RSS feed, each entry followed to its page: the JSON-LD completes what the feed said.
        #expect(byName["telejobs-rss"]?.status == "ok", "\(byName["telejobs-rss"]?.errors ?? [])")
        #expect(byName["telejobs-rss"]?.pages == 1 + 3)
        #expect(byName["telejobs-rss"]?.offersNew == 3)
        let stored = try store.offers()
        let rss = stored.map(\.offer).filter { $0.source == "telejobs-rss" }.sorted { ($0.sourceID ?? "") < ($1.sourceID ?? "") }
        #expect(rss.map(\.sourceID) == ["TJ-1", "TJ-2", "TJ-3"])
        #expect(rss.map(\.url) == (1...3).map { "\(base)/offres/\($0).html" })
        #expect(rss.map(\.title) == ["Offre 1", "Offre 2", "Offre 3"])  // the page's JSON-LD over the feed
        #expect(rss.map(\.location) == ["Ville 1", "Ville 2", "Ville 3"])
        #expect(rss.map(\.posted) == ["2026-12-01", "2026-11-30", nil])  // the feed's dates, the pages have none
        #expect(rss.allSatisfy { $0.employer == "Domicall SAS" })

        // The paged Atom feed of a provider: both pages, its employer on every entry.
        #expect(byName["assisteo-atom"]?.pages == 2)
        let atom = stored.map(\.offer).filter { $0.source == "assisteo-atom" }.sorted { $0.url < $1.url }
        #expect(atom.map(\.url) == [88, 89, 90].map { "\(base)/carrieres/\($0)" })
        #expect(atom.allSatisfy { $0.employer == "Assistéo" && $0.remote == "full" })
        #expect(atom.first?.description == "Poste en télétravail complet.")
        #expect(atom.map(\.posted) == ["2026-11-28", "2026-11-29", "2026-11-30"])

        // A page that is no feed fails its source with an error naming its URL, once.
        #expect(byName["flux-casse"]?.status == "failed")
        #expect(byName["flux-casse"]?.errors == ["\(base)/casse.xml: not an RSS or Atom feed: not XML, and nothing could be recovered (line 1: Start tag expected, '<' not found)"])
        #expect(stored.count == 6)

        // A second run finds the same offers and nothing new.
        let again = try await Crawler(config: config, store: store, options: options).run()
        #expect(again.outcomes.reduce(0) { $0 + $1.offersNew } == 0)
        #expect(try store.offers().count == 6)
    }
}
