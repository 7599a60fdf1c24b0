import Foundation
import Testing
@testable import HomeshoreKit

/// A review source with a recipe and two pages linked by `next`, crawled from a loopback server.
@Suite(.serialized) struct ReviewCrawlTests {
    static func page(_ reviews: [(id: String, author: String, stars: Int, date: String, title: String)], next: String?) -> String {
        let items = reviews.map { r in
            """
            <div class="avis" data-id="\(r.id)"><span class="auteur">\(r.author)</span>
            <span class="note">\(r.stars) / 10</span><time datetime="\(r.date)">\(r.date)</time>
            <h3>\(r.title)</h3><p class="texte">\(r.title). Ambiance correcte.</p></div>
            """
        }.joined(separator: "\n")
        let link = next.map { "<a rel=\"next\" href=\"\($0)\">suivant</a>" } ?? ""
        return "<html><head><meta charset=\"utf-8\"></head><body>\(items)\(link)</body></html>"
    }

    @Test func reviewPagesAreFollowedThroughNextAndStoredOnce() async throws {
        let site = TemporaryFolder()
        try Self.page([("a1", "Inès P.", 8, "2026-11-02", "Bonne équipe"), ("a2", "Marc D.", 4, "2026-10-12", "Moyen")],
            next: "page2.html").write(toFile: site.path + "/page1.html", atomically: true, encoding: .utf8)
        // The last page links back to the first: a page is never read twice in one crawl.
        try Self.page([("a3", "Zoé K.", 10, "2026-09-30", "Très bien")], next: "page1.html")
            .write(toFile: site.path + "/page2.html", atomically: true, encoding: .utf8)
        let server = try LoopbackServer(handler: LoopbackServer.directory(URL(fileURLWithPath: site.path)))
        defer { server.stop() }
        let config = try ConfigLoader.parse("""
            version: 1
            defaults: {delay: 0s, per_host: 2}
            employers:
              Fictive Relation: ["FICTIVE RELATION SAS"]
            sources:
              - name: avis-fictive
                kind: reviews
                employer: FICTIVE RELATION SAS
                start: ["\(server.baseURL)/page1.html"]
                items: "css: div.avis"
                fields:
                  id: "css: div.avis @data-id"
                  author: "css: span.auteur"
                  stars: "css: span.note"
                  date: "css: time @datetime"
                  title: "css: h3"
                  text: "css: p.texte"
                next: "css: a[rel=next] @href"
                max_pages: 5
            """, file: "reviews.yaml")
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        let report = try await Crawler(config: config, store: store).run()
        let outcome = try #require(report.outcomes.first)
        #expect(outcome.status == "ok", "\(outcome.errors)")
        #expect(outcome.pages == 2)
        #expect(outcome.reviewsSeen == 3 && outcome.reviewsNew == 3)
        let reviews = try store.reviews()
        #expect(reviews.map(\.review.author) == ["Inès P.", "Marc D.", "Zoé K."])
        #expect(reviews.map(\.review.stars) == [4, 2, 5])
        #expect(reviews.allSatisfy { $0.review.employer == "Fictive Relation" && $0.review.language == "fr" })
        #expect(try store.runs().first?.sources.first?.reviewsSeen == 3)

        let again = try await Crawler(config: config, store: store).run()
        #expect(again.outcomes.first?.reviewsNew == 0)
        #expect(again.outcomes.first?.reviewsSeen == 3)
        #expect(try store.reviewCount() == 3)
    }
}
