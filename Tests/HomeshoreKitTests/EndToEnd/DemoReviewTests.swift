import Foundation
import Testing
@testable import HomeshoreKit

/// Crawls the demo sites' review pages (fictional employers) and checks every review against
/// expected-reviews.json, then the employers' comparison built from them.
@Suite(.serialized) struct DemoReviewTests {
    struct Expected: Decodable {
        struct Item: Decodable {
            var author: String
            var date: String
            var stars: Double
            var language: String
        }
        var source: String
        var path: String
        var employer: String
        var review_count: Int
        var rating: Double
        var best_rating: Double
        var reviews: [Item]
    }

    static func expected() throws -> [Expected] {
        let url = try DemoSites.folder.appendingPathComponent("expected-reviews.json")
        return try JSONDecoder().decode([Expected].self, from: Data(contentsOf: url))
    }

    static let now = DateText.parse("2026-12-01")!

    @Test func everyReviewComesOutRightAndEmployersRank() async throws {
        let folder = TemporaryFolder()
        let (report, store, demo) = try await DemoCrawlTests.crawl(into: folder)
        defer { demo.server.stop() }
        #expect(report.status == "ok", "\(report.outcomes.flatMap(\.errors))")
        let expected = try Self.expected()
        let stored = try store.reviews()
        #expect(stored.count == expected.reduce(0) { $0 + $1.reviews.count })
        let aggregates = Dictionary(uniqueKeysWithValues: try store.aggregates().map { ($0.source, $0.aggregate) })
        let outcomes = Dictionary(uniqueKeysWithValues: report.outcomes.map { ($0.source, $0) })
        for e in expected {
            let reviews = stored.filter { $0.review.source == e.source }
            #expect(reviews.count == e.reviews.count, "\(e.source)")
            #expect(outcomes[e.source]?.reviewsNew == e.reviews.count, "\(e.source) figures")
            #expect(aggregates[e.source]?.count == e.review_count, "\(e.source) aggregate count")
            #expect(aggregates[e.source]?.rating == e.rating, "\(e.source) aggregate rating /5")
            for item in e.reviews {
                let matches = reviews.filter { $0.review.author == item.author }
                guard matches.count == 1, let r = matches.first?.review else {
                    Issue.record("\(e.source) \(item.author): \(matches.count) reviews")
                    continue
                }
                #expect(r.date == item.date, "\(item.author) date")
                #expect(r.stars == item.stars, "\(item.author) stars")
                #expect(r.language == item.language, "\(item.author) language")
                #expect(r.employer == e.employer, "\(item.author) employer")
                #expect(URL(string: r.url)?.path == e.path)
            }
        }

        // The comparison: the clearly good employer above the clearly bad one; two reviews, a wide interval.
        let list = EmployerReport.sorted(try EmployerReport.reputations(in: store, now: Self.now), by: .score)
        let names = list.map(\.employer.name)
        let good = try #require(names.firstIndex(of: "Vocalia Services"))
        let bad = try #require(names.firstIndex(of: "Relais Client Express"))
        #expect(good < bad)
        #expect(names.last == "Relais Client Express")
        let two = try #require(list.first { $0.employer.name == "ParleoCom" }?.score)
        let ten = try #require(list.first { $0.employer.name == "Domicall" }?.score)
        #expect(two.reviews == 2)
        #expect(try #require(two.high) - #require(two.low) > 2.5)
        #expect(try #require(two.high) - #require(two.low) > #require(ten.high) - #require(ten.low))
        let flags = try #require(list.first { $0.employer.name == "Relais Client Express" }?.score.flags)
        #expect(flags.contains { $0.kind == .nonPayment && $0.count >= 2 })

        // Offers link to the same employers as reviews, whatever their spelling (DOMICALL SAS, VOCALIA SERVICES).
        let scores = try EmployerReport.scores(in: store, now: Self.now)
        let offers = try store.offers()
        for offer in offers where ["domicall", "vocaliaservices", "relaisclientexpress"]
            .contains(EmployerResolver.key(offer.offer.employer ?? "")) || offer.offer.employer == "DOMICALL SAS"
        {
            #expect(offer.employerID.flatMap { scores[$0] } != nil, "\(offer.offer.employer ?? "")")
        }
        #expect(offers.contains { $0.offer.employer == "DOMICALL SAS" && $0.employerID == list.first { $0.employer.name == "Domicall" }?.employer.id })
        let csv = try CSVReader.rows(OfferExport.csv(offers, scores: scores), separator: ",")
        let first = try #require(csv[0].firstIndex(of: "employer_score"))
        #expect(Array(csv[0][first..<(first + 5)]) == ["employer_score", "employer_score_low", "employer_score_high",
            "employer_reviews", "employer_flags"])
        #expect(first > csv[0].firstIndex(of: "description")!)  // added after the first columns, never before
        let rated = csv.dropFirst().filter { !$0[csv[0].firstIndex(of: "employer_score")!].isEmpty }
        #expect(!rated.isEmpty)
    }
}
