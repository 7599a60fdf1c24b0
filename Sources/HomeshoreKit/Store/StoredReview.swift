import Foundation
import GRDB

/// A review as the database holds it: the review, its employer and what its text says.
public struct StoredReview: Sendable, Equatable {
    public var id: Int64
    public var employerID: Int64
    public var review: Review
    /// The sentiment, aspects and red flags of its title and text.
    public var analysis: ReviewAnalysis
    /// ISO 8601 UTC instant of the first crawl that saw it.
    public var firstSeen: String

    /// - Parameter analysis: computed from the review's text when nil.
    public init(id: Int64, employerID: Int64, review: Review, analysis: ReviewAnalysis? = nil, firstSeen: String = "") {
        self.id = id
        self.employerID = employerID
        self.review = review
        self.analysis = analysis ?? ReviewAnalysis.analyze(review.fullText)
        self.firstSeen = firstSeen
    }

    init(row: Row) {
        var review = Review(source: row["source"], url: row["url"], employer: "")
        review.reviewID = row["review_id"]
        review.author = row["author"]
        review.role = (row["role"] as String?).flatMap(ReviewRole.init(rawValue:))
        review.roleText = row["role_text"]
        review.date = row["date"]
        review.stars = row["stars"]
        review.title = row["title"]
        review.text = row["text"]
        review.language = row["language"]
        review.employer = row["employer_name"] ?? ""
        let json: String = row["analysis"]
        let analysis = try? JSONDecoder().decode(ReviewAnalysis.self, from: Data(json.utf8))
        self.init(id: row["id"], employerID: row["employer_id"], review: review, analysis: analysis,
            firstSeen: row["first_seen"])
    }
}
