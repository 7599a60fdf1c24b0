import Foundation
import Testing
@testable import HomeshoreKit

@Suite struct EmployerScoreTests {
    /// The clock of every test here.
    static let now = DateText.parse("2026-12-01")!

    static func reviews(_ stars: [Double?], daysAgo: Int = 10, text: String = "", source: String = "s") -> [StoredReview] {
        stars.enumerated().map { index, value in
            var review = Review(source: source, url: "https://reviews.example/\(index)", employer: "Fictive")
            review.stars = value
            review.text = text
            review.date = DateText.dayString(now.addingTimeInterval(-Double(daysAgo) * 86_400))
            return StoredReview(id: Int64(index), employerID: 1, review: review)
        }
    }

    @Test func threeGlowingReviewsDoNotBeatThreeHundredGoodOnes() {
        let glowing = EmployerScore.compute(Self.reviews([5, 5, 5]), now: Self.now)
        let good = EmployerScore.compute(Self.reviews(Array(repeating: 4.5, count: 300)), now: Self.now)
        #expect(good.score > glowing.score)
        #expect(glowing.score < 4.2)
        #expect(abs(good.score - 4.5) < 0.05)
    }

    @Test func withoutReviewsTheScoreIsThePrior() {
        let none = EmployerScore.compute([], now: Self.now)
        #expect(none.score == 3.5)
        #expect(none.low == nil && none.high == nil)
    }

    @Test func theIntervalNarrowsWithMoreReviews() throws {
        var widths: [Double] = []
        for count in [2, 10, 50, 500] {
            let stars = (0..<count).map { Double([4, 5, 3, 4][$0 % 4]) }
            let score = EmployerScore.compute(Self.reviews(stars), now: Self.now)
            let low = try #require(score.low), high = try #require(score.high)
            #expect(low <= score.mean! && score.mean! <= high)
            widths.append(high - low)
        }
        #expect(widths == widths.sorted(by: >))
        #expect(widths[0] > 1.5, "two reviews: a wide interval")
        #expect(widths[3] < 0.35)
    }

    @Test func oldReviewsWeighLess() {
        let fresh = EmployerScore.compute(Self.reviews([5, 5, 5, 5], daysAgo: 30) + Self.reviews([1, 1, 1, 1], daysAgo: 1100),
            now: Self.now)
        let stale = EmployerScore.compute(Self.reviews([5, 5, 5, 5], daysAgo: 1100) + Self.reviews([1, 1, 1, 1], daysAgo: 30),
            now: Self.now)
        #expect(fresh.score > 3.5 && stale.score < 3.5)
        #expect(fresh.mean! > 4.5)
        #expect(EmployerScore.weight(date: DateText.dayString(Self.now.addingTimeInterval(-365 * 86_400)), now: Self.now)
            == 0.5)
        #expect(EmployerScore.weight(date: nil, now: Self.now) == 0.5)
    }

    @Test func trendComparesTheLastSixMonthsWithBefore() {
        let rising = EmployerScore.compute(Self.reviews([5, 4], daysAgo: 20) + Self.reviews([2, 1], daysAgo: 300),
            now: Self.now)
        #expect(rising.trend == 3)
        #expect(rising.trendLabel == "up")
        #expect(EmployerScore.compute(Self.reviews([5, 4]), now: Self.now).trend == nil)
    }

    @Test func reviewsWithoutStarsScoreFromTheirText() {
        let bad = EmployerScore.compute(Self.reviews([nil, nil, nil], text: "Horrible, jamais payé, arnaque totale."),
            now: Self.now)
        let good = EmployerScore.compute(Self.reviews([nil, nil, nil], text: "Excellente entreprise, super équipe, je recommande !"),
            now: Self.now)
        #expect(bad.fromSentiment == 3)
        #expect(bad.mean! < 2.5 && good.mean! > 4)
        #expect(EmployerScore.value(stars: nil, sentiment: -1) == 1)
        #expect(EmployerScore.value(stars: nil, sentiment: 1) == 5)
    }

    @Test func flagsAspectsHistogramAndSources() {
        let reviews = Self.reviews([1, 2], text: "Jamais payé pour le mois de mars. Le salaire est une honte. Toujours pas payé en avril.",
            source: "a")
            + Self.reviews([4], text: "Bonne formation.", source: "b")
        let score = EmployerScore.compute(reviews, now: Self.now)
        #expect(score.perSource == ["a": 2, "b": 1])
        #expect(score.histogram == [1, 1, 0, 1, 0])
        let flag = score.flags.first { $0.kind == .nonPayment }
        #expect(flag?.count == 2, "reviews, not sentences")
        #expect(flag?.evidence.count == 2, "each sentence quoted once")
        #expect(flag?.evidence.first?.sentence == "Jamais payé pour le mois de mars.")
        #expect(flag?.evidence.first?.url == "https://reviews.example/0")
        #expect(score.worstAspect != nil)
        #expect(score.aspects.contains { $0.aspect == .training && $0.positive == 1 })
    }

    @Test func wilsonMatchesKnownValues() throws {
        let interval = try #require(EmployerScore.wilson(0.5, n: 10))
        #expect(abs(interval.low - 0.2366) < 0.001 && abs(interval.high - 0.7634) < 0.001)
        #expect(EmployerScore.wilson(0.5, n: 0) == nil)
    }
}
