import Foundation
import Testing
@testable import HomeshoreKit

/// The project's own labeled homeshoring reviews (written for the project, labels written before tuning).
@Suite struct LabeledReviewsTests {
    static func labeled() throws -> [(text: String, label: String)] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/reviews/labeled", withExtension: "csv"))
        let table = try CSVTable(contentsOf: url.path)
        return zip(try table.column("text"), try table.column("label")).map { ($0, $1) }
    }

    @Test func accuracyOnOwnLabeledSet() throws {
        let rows = try Self.labeled()
        #expect(rows.count >= 120)
        let scores = SentimentScorer.scores(rows.map(\.text))
        let right = zip(rows, scores).filter { ($1 < 0 ? "neg" : "pos") == $0.label }.count
        let accuracy = Double(right) / Double(rows.count)
        #expect(accuracy >= 0.85, "accuracy \(accuracy)")
    }

    @Test func bothLabelsAndLanguagesAreThere() throws {
        let rows = try Self.labeled()
        #expect(rows.filter { $0.label == "neg" }.count >= 50)
        #expect(rows.filter { $0.label == "pos" }.count >= 50)
        #expect(rows.filter { ReviewLanguage.detect($0.text) == .english }.count >= 15)
    }
}
