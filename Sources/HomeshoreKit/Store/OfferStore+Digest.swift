import Foundation
import GRDB

/// What a user decided about one offer (`homeshore mark ID applied|hidden|interesting`).
public enum OfferMark: String, Sendable, Codable, CaseIterable {
    /// The user applied: the offer stays visible, flagged.
    case applied
    /// Never show this offer again.
    case hidden
    /// Worth a second look: flagged.
    case interesting
}

/// One digest as recorded in the database.
public struct DigestRecord: Sendable, Equatable {
    public var id: Int64
    public var writtenAt: Date
    public var since: Date?
    public var format: String
    /// Where it went: a file path, `stdout`, or `mail:ADDRESS`.
    public var destination: String
    /// True when it reached its reader (written to a file or standard output, or a mail accepted by the server).
    public var delivered: Bool
    public var offersShown: Int
}

extension OfferStore {
    // MARK: - Digests

    /// Records a digest, delivered or not.
    /// - Returns: the digest's id.
    @discardableResult
    public func recordDigest(writtenAt: Date, since: Date?, format: String, destination: String, delivered: Bool,
                             offersShown: Int) throws -> Int64 {
        try pool.write { db in
            try db.execute(sql: """
                INSERT INTO digests (written_at, since, format, destination, delivered, offers_shown)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [DateText.timestamp(writtenAt), since.map(DateText.timestamp), format, destination,
                                 delivered, offersShown])
            return db.lastInsertedRowID
        }
    }

    /// Marks a recorded digest delivered (a mail accepted by the server after the digest was recorded).
    public func markDelivered(digest id: Int64) throws {
        try pool.write { db in try db.execute(sql: "UPDATE digests SET delivered = 1 WHERE id = ?", arguments: [id]) }
    }

    /// The digests, newest first.
    public func digests(limit: Int = 20) throws -> [DigestRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM digests ORDER BY id DESC LIMIT ?", arguments: [limit])
                .map(Self.digestRecord)
        }
    }

    /// The latest digest that reached its reader among the last 1,000; what `--since last` counts from.
    public func lastDeliveredDigest() throws -> DigestRecord? {
        // One row read, not the last 1,000 with their dates parsed: a nightly timer adds one a day.
        try pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT * FROM (SELECT * FROM digests ORDER BY id DESC LIMIT 1000)
                WHERE delivered ORDER BY id DESC LIMIT 1
                """).map(Self.digestRecord)
        }
    }

    private static func digestRecord(_ row: Row) -> DigestRecord {
        DigestRecord(id: row["id"], writtenAt: DateText.parse(row["written_at"]) ?? .distantPast,
            since: (row["since"] as String?).flatMap(DateText.parse), format: row["format"],
            destination: row["destination"], delivered: row["delivered"], offersShown: row["offers_shown"])
    }

    // MARK: - Marks

    /// Sets (or replaces) the user's mark on an offer.
    /// - Throws: ``StoreError`` when no offer has this id.
    public func mark(offer id: Int64, as mark: OfferMark, at date: Date = Date()) throws {
        try pool.write { db in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM offers WHERE id = ?", arguments: [id]) == 1 else {
                throw StoreError(path: path, message: "no offer has id \(id) (see `homeshore offers`)")
            }
            try db.execute(sql: "INSERT OR REPLACE INTO offer_marks (offer_id, mark, at) VALUES (?, ?, ?)",
                arguments: [id, mark.rawValue, DateText.timestamp(date)])
        }
    }

    /// Removes the user's mark from an offer.
    public func unmark(offer id: Int64) throws {
        try pool.write { db in try db.execute(sql: "DELETE FROM offer_marks WHERE offer_id = ?", arguments: [id]) }
    }

    /// Every offer's mark, by offer id.
    public func marks() throws -> [Int64: OfferMark] {
        try pool.read { db in
            var result: [Int64: OfferMark] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT offer_id, mark FROM offer_marks") {
                if let mark = OfferMark(rawValue: row["mark"]) { result[row["offer_id"]] = mark }
            }
            return result
        }
    }

    // MARK: - Blocked employers

    /// Blocks an employer: none of its offers appears in a digest again.
    /// - Returns: the normalised name stored.
    @discardableResult
    public func block(employer name: String, at date: Date = Date()) throws -> String {
        let key = EmployerResolver.key(name)
        guard !key.isEmpty else { throw StoreError(path: path, message: "an employer name is needed") }
        try pool.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO blocked_employers (name, shown, at) VALUES (?, ?, ?)",
                arguments: [key, name, DateText.timestamp(date)])
        }
        return key
    }

    /// Unblocks an employer. - Returns: true when it was blocked.
    @discardableResult
    public func unblock(employer name: String) throws -> Bool {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM blocked_employers WHERE name = ?", arguments: [EmployerResolver.key(name)])
            return db.changesCount > 0
        }
    }

    /// The blocked employers' normalised names.
    public func blockedEmployers() throws -> Set<String> {
        try pool.read { db in Set(try String.fetchAll(db, sql: "SELECT name FROM blocked_employers")) }
    }
}

extension OfferStore {
    /// When each source was last crawled successfully (`ok` or `partial`): the start of that run.
    public func lastSuccessfulRuns() throws -> [String: Date] {
        try pool.read { db in
            var result: [String: Date] = [:]
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.source, MAX(r.started_at) AS at FROM crawl_sources s JOIN crawl_runs r ON r.id = s.run_id
                WHERE s.status IN ('ok', 'partial') GROUP BY s.source
                """)
            for row in rows {
                if let text: String = row["at"], let date = DateText.parse(text) { result[row["source"]] = date }
            }
            return result
        }
    }
}
