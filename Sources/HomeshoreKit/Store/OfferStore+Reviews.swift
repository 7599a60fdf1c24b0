import Foundation
import GRDB

/// A review ready to be saved, its text already analysed (the crawl does it on its worker threads).
public struct PendingReview: Sendable {
    public var review: Review
    public var analysis: ReviewAnalysis

    public init(_ review: Review) {
        self.review = review
        self.analysis = ReviewAnalysis.analyze(review.fullText)
    }
}

/// A page's aggregate rating as stored, per source.
public struct StoredAggregate: Sendable, Equatable, Codable {
    public var source: String
    public var employerID: Int64
    public var aggregate: ReviewAggregate
}

extension OfferStore {
    /// Inserts new reviews and updates known ones (same source and key), each linked to its employer.
    /// - Parameters:
    ///   - reviews: the reviews, from any sources.
    ///   - date: when they were seen.
    /// - Returns: per source, how many were new and how many seen in all.
    public func save(reviews: [PendingReview], at date: Date = Date()) throws -> [String: (new: Int, seen: Int)] {
        let now = DateText.timestamp(date)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try pool.write { db in
            var result: [String: (new: Int, seen: Int)] = [:]
            var employers: [String: Int64] = [:]
            let find = try db.cachedStatement(sql: "SELECT id FROM reviews WHERE source = ? AND key = ?")
            let insert = try db.cachedStatement(sql: """
                INSERT INTO reviews (source, key, employer_id, url, review_id, author, role, role_text, date, stars, title,
                    text, language, sentiment, analysis, first_seen, last_seen)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let update = try db.cachedStatement(sql: """
                UPDATE reviews SET employer_id = ?, url = ?, review_id = ?, author = ?, role = ?, role_text = ?, date = ?,
                    stars = ?, title = ?, text = ?, language = ?, sentiment = ?, analysis = ?, last_seen = ? WHERE id = ?
                """)
            for pending in reviews {
                let r = pending.review
                let employer: Int64
                if let known = employers[r.employer] {
                    employer = known
                } else {
                    guard let id = try Self.employerID(for: r.employer, db: db, rename: true) else { continue }
                    employers[r.employer] = id
                    employer = id
                }
                let analysis = String(decoding: try encoder.encode(pending.analysis), as: UTF8.self)
                let values: [(any DatabaseValueConvertible)?] = [employer, r.url, r.reviewID, r.author, r.role?.rawValue,
                    r.roleText, r.date, r.stars, r.title, r.text, r.language, pending.analysis.sentiment.score, analysis]
                let cells = values.map { $0?.databaseValue ?? .null }
                var figures = result[r.source] ?? (0, 0)
                figures.seen += 1
                if let id = try Int64.fetchOne(find, arguments: [r.source, r.key]) {
                    try update.execute(arguments: StatementArguments(cells + [now.databaseValue, id.databaseValue]))
                } else {
                    try insert.execute(arguments: StatementArguments([r.source.databaseValue, r.key.databaseValue] + cells
                        + [now.databaseValue, now.databaseValue]))
                    figures.new += 1
                }
                result[r.source] = figures
            }
            return result
        }
    }

    /// Records a source's aggregate rating of its employer (the latest replaces the one before).
    public func save(aggregate: ReviewAggregate, source: String, employer: String, at date: Date = Date()) throws {
        try pool.write { db in
            guard let id = try Self.employerID(for: employer, db: db, rename: true) else { return }
            try db.execute(sql: """
                INSERT OR REPLACE INTO aggregate_ratings (source, employer_id, rating, count, name, seen)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [source, id, aggregate.rating, aggregate.count, aggregate.name, DateText.timestamp(date)])
        }
    }

    /// The stored reviews, of one employer or of all, newest first.
    public func reviews(employer: Int64? = nil) throws -> [StoredReview] {
        try pool.read { db in
            var sql = "SELECT r.*, e.name AS employer_name FROM reviews r JOIN employers e ON e.id = r.employer_id"
            var arguments: StatementArguments = []
            if let employer {
                sql += " WHERE r.employer_id = ?"
                arguments = [employer]
            }
            sql += " ORDER BY COALESCE(r.date, '') DESC, r.id"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(StoredReview.init(row:))
        }
    }

    /// The stored aggregate ratings, of one employer or of all.
    public func aggregates(employer: Int64? = nil) throws -> [StoredAggregate] {
        try pool.read { db in
            var sql = "SELECT * FROM aggregate_ratings"
            var arguments: StatementArguments = []
            if let employer {
                sql += " WHERE employer_id = ?"
                arguments = [employer]
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY source", arguments: arguments).map {
                StoredAggregate(source: $0["source"], employerID: $0["employer_id"],
                    aggregate: ReviewAggregate(rating: $0["rating"], count: $0["count"], name: $0["name"]))
            }
        }
    }

    /// The number of reviews stored.
    public func reviewCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reviews") ?? 0 }
    }
}
