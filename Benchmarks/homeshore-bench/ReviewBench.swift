import Foundation
import HomeshoreKit

/// Scores every review of the fixtures and the demo sites: each review's text analysed (sentiment, aspects, red
/// flags), then each employer scored. Prints reviews per second; never passes or fails.
enum ReviewBench {
    /// The reviews: the demo sites' review pages read as a crawl would, and the labeled fixture texts (no stars,
    /// scored from their text) as reviews of one fictional employer.
    static func load(fixtures: String) throws -> [Review] {
        let demo = try DemoSites.start()
        defer { demo.server.stop() }
        var reviews: [Review] = []
        for source in demo.config.sources where source.kind == .reviews {
            for start in source.start {
                let path = URL(string: start)!.path
                let data = try Data(contentsOf: DemoSites.folder.appendingPathComponent(String(path.dropFirst())))
                reviews += try PageExtractor(source: source).reviews(Page(url: start, body: [UInt8](data), contentType: nil))
                    .reviews
            }
        }
        let table = try CSVTable(contentsOf: fixtures)
        for (index, text) in try table.column("text").enumerated() {
            var review = Review(source: "fixture", url: "fixture:\(index)", employer: "Fixture Employer")
            review.text = text
            review.date = "2026-\(String(format: "%02d", index % 12 + 1))-15"
            reviews.append(review)
        }
        return reviews
    }

    static func run(fixtures: String, reps: Int) throws {
        let reviews = try load(fixtures: fixtures)
        let employers = Set(reviews.map(\.employer)).count
        print("reviews: \(reviews.count) (\(employers) employers), \(reps) reps, best of each")
        let now = DateText.parse("2026-12-01")!
        var analysed: [StoredReview] = []
        let full = Measure.best(reps: reps) {
            analysed = reviews.enumerated().map { StoredReview(id: Int64($0.offset), employerID: 0, review: $0.element) }
            for group in Dictionary(grouping: analysed, by: \.review.employer).values {
                _ = EmployerScore.compute(group, now: now)
            }
        }
        let scoreOnly = Measure.best(reps: reps) {
            for _ in 0..<100 {
                for group in Dictionary(grouping: analysed, by: \.review.employer).values {
                    _ = EmployerScore.compute(group, now: now)
                }
            }
        }
        print("analyse + score: \(Measure.fmt(full * 1000, 2)) ms, \(Measure.fmt(Double(reviews.count) / full, 0)) reviews/s")
        print("score only (analysis stored): \(Measure.fmt(Double(reviews.count * 100) / scoreOnly, 0)) reviews/s")
    }
}
