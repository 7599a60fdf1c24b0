import Foundation
import Testing
@testable import HomeshoreKit

/// The comparison page (`homeshore report`) for the demo's fictional employers, read back with libxml2's HTML parser.
@Suite(.serialized) struct ComparisonPageTests {
    static let now = Date()

    func nodes(_ document: HTMLDocument, _ xpath: String) throws -> [HTMLNode] {
        try document.select(Selector(parsing: "xpath: " + xpath))
    }

    @Test func demoPageShowsEveryEmployerIntervalAspectFlagAndOffer() async throws {
        let folder = TemporaryFolder()
        let (_, store, demo) = try await DemoCrawlTests.crawl(into: folder)
        defer { demo.server.stop() }
        let page = try ComparisonPage.build(store: store, language: .en, now: Self.now)
        let document = try HTMLDocument(html: page)
        let list = EmployerReport.sorted(try EmployerReport.reputations(in: store, now: Self.now), by: .score)
        #expect(list.count >= 4)

        // The chart: a dot per employer, in score order, with its interval as figures; no script anywhere.
        #expect(try nodes(document, "//svg//circle").count == list.count)
        #expect(try nodes(document, "//script").isEmpty)
        #expect(try nodes(document, "//svg[@role='img' and @aria-label]").count == 1)
        let rows = try nodes(document, "//svg//g[@class='row']/title").map(\.text)
        #expect(rows.count == list.count)
        let labels = DigestLabels(.en)
        for (row, r) in zip(rows, list) {
            #expect(row.hasPrefix(r.employer.name + ":"), "\(row) is not \(r.employer.name)")
            let interval = ComparisonChart.intervalText(r.score, labels: labels)
            #expect(interval != "–" && row.contains(interval), "\(row)")
        }
        let scores = try nodes(document, "//svg//circle").compactMap { $0.attribute("data-score").flatMap(Double.init) }
        #expect(scores == scores.sorted(by: >))
        let svg = try #require(page.range(of: "<svg").map { String(page[$0.lowerBound...]) })
        for r in list {
            let low = try #require(r.score.low), high = try #require(r.score.high)
            #expect(svg.contains("data-low=\"\(String(format: "%.1f", low))\" data-high=\"\(String(format: "%.1f", high))\""))
        }

        // The heat map: a cell per aspect per employer; a mentioned aspect shows its count.
        #expect(try nodes(document, "//table[@class='heat']//td[@data-aspect]").count == list.count * Aspect.allCases.count)
        let domicall = try #require(list.first { $0.employer.name == "Domicall" })
        for a in domicall.score.aspects {
            let cell = try nodes(document, "//table[@class='heat']//tr[td[1]='Domicall']/td[@data-aspect='\(a.aspect.rawValue)']")
            #expect(cell.first?.text == String(a.mentions), "\(a.aspect)")
        }

        // Red flags: the evidence quoted, linking to its review.
        let bad = try #require(list.first { $0.employer.name == "Relais Client Express" })
        let nonPayment = try #require(bad.score.flags.first { $0.kind == .nonPayment })
        let card = try #require(try nodes(document, "//section[h3[starts-with(., 'Relais Client Express')]]").first)
        for e in nonPayment.evidence {
            #expect(card.text.contains("“\(e.sentence)”"), "\(e.sentence)")
            #expect(try nodes(document, "//section//blockquote/cite/a[@href='\(e.url)']").count >= 1)
        }

        // The open offers: one line per group of copies, its title linking to the newest copy, every copy's page
        // linked under it.
        let offers = try store.offers()
        var query = OfferQuery()
        query.onePerGroup = true
        let groups = try store.offers(matching: query)
        #expect(!offers.isEmpty && groups.count < offers.count)
        #expect(try nodes(document, "//ul[@class='offers']/li").count == groups.count)
        let titles = Set(try nodes(document, "//ul[@class='offers']/li/a").compactMap { $0.attribute("href") })
        for g in groups { #expect(titles.contains(g.offer.url), "\(g.offer.url)") }
        let links = Set(try nodes(document, "//ul[@class='offers']/li//a").compactMap { $0.attribute("href") })
        for o in offers { #expect(links.contains(o.offer.url), "\(o.offer.url)") }
        let perAct = groups.filter { $0.facets.pay.perAct }.count
        let marked = try nodes(document, "//span[@class='act']").count
        #expect(perAct > 0 && marked == perAct)
    }

    @Test func scrapedTextIsEscapedAndOnlyWebLinksAreFollowed() throws {
        let hostile = "<script>alert(1)</script>\" onmouseover=\"alert(2)"
        var review = Review(source: "s", url: "javascript:alert(3)", employer: hostile)
        review.stars = 1
        review.date = "2026-11-01"
        review.title = hostile
        review.text = "Jamais payé, salaire en retard " + hostile
        let stored = StoredReview(id: 1, employerID: 1, review: review)
        #expect(stored.analysis.redFlags.contains { $0.sentence.contains("<script>") })
        let reputation = EmployerReputation(employer: StoredEmployer(id: 1, name: hostile, key: "x"),
            score: EmployerScore.compute([stored], now: Self.now), aggregates: [], reviews: [stored])
        var offer = Offer(source: "s", url: "javascript:alert(4)")
        offer.title = hostile
        offer.location = hostile
        var open = StoredOffer(id: 1, offer: offer, firstSeen: "2026-11-30T00:00:00Z", lastSeen: "2026-11-30T00:00:00Z")
        open.employerID = 1
        for language in DigestLabels.Language.allCases {
            let page = ComparisonPage.html([reputation], offers: [open], names: [1: hostile],
                labels: DigestLabels(language), now: Self.now)
            #expect(!page.contains("<script"))
            #expect(!page.contains("\" onmouseover="))
            #expect(!page.contains("javascript:"))
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;alert(2)"))
            let document = try HTMLDocument(html: page)
            #expect(try nodes(document, "//script").isEmpty)
            #expect(try nodes(document, "//*[@onmouseover]").isEmpty)
            #expect(try nodes(document, "//svg//circle").count == 1)
        }
    }

    @Test(arguments: [(-1.0, "#c62828"), (0.0, "#eef0f4"), (1.0, "#1e7b34")])
    func heatColourRunsFromRedToGreen(polarity: Double, colour: String) {
        #expect(ComparisonPage.heatColour(polarity) == colour)
    }

    @Test func trendShowsArrowAndValueOrADash() {
        var score = EmployerScore.compute([], now: Self.now)
        let labels = DigestLabels(.en)
        #expect(ComparisonPage.trend(score, labels: labels) == "–")
        score.trend = 0.6
        #expect(ComparisonPage.trend(score, labels: labels) == "↑ +0.6")
        score.trend = -0.4
        #expect(ComparisonPage.trend(score, labels: DigestLabels(.fr)) == "↓ −0,4")
    }
}
