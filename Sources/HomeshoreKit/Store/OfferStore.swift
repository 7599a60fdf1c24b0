import Foundation
import GRDB

/// An offer ready to be saved: its facets computed, and whether it may replace what is stored.
public struct PendingOffer: Sendable {
    public let offer: Offer
    /// The offer's ``Offer/key``, computed once (it canonicalises the URL) where the offer was made.
    let key: String
    /// The offer's ``Offer/contentHash``, computed where the offer was made (a crawl's worker threads) rather than
    /// in the write transaction.
    let contentHash: String
    /// Nil when the facets were left to the store (``init(reused:)``).
    private var computed: OfferFacets?
    /// When the offer is already stored, only mark it seen: keep what was stored.
    public var keepStored: Bool

    /// The offer's facets (computed now when they were deferred).
    public var facets: OfferFacets {
        get { computed ?? FacetExtractor.facets(for: offer) }
        set { computed = newValue }
    }

    /// True when the facets were not computed yet.
    public var facetsDeferred: Bool { computed == nil }

    public init(_ offer: Offer, keepStored: Bool = false) {
        self.offer = offer
        self.key = offer.key
        self.contentHash = offer.contentHash(key: key)
        self.computed = FacetExtractor.facets(for: offer)
        self.keepStored = keepStored
    }

    /// An offer that an unchanged page gave again (its stored extraction reused after a 304): its facets are
    /// computed only if the store needs them, i.e. when the offer changed, is new, or its stored facets were made
    /// by older rules (``FacetExtractor/rulesVersion``).
    public init(reused offer: Offer) {
        self.offer = offer
        self.key = offer.key
        self.contentHash = offer.contentHash(key: key)
        self.computed = nil
        self.keepStored = false
    }
}

/// A problem with the database file.
public struct StoreError: Error, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}

/// The SQLite database of offers and crawl runs (`homeshore.sqlite` in the cache folder), in WAL mode.
public final class OfferStore: Sendable {
    /// The database file.
    public let path: String
    let pool: DatabasePool
    /// The HTTP cache beside the database, opened on first use and kept with the store.
    private let cacheLock = NSLock()
    nonisolated(unsafe) private var openedCache: HTTPCache?

    /// The HTTP cache in the database's folder (`http-cache.sqlite`), opened once per store: a crawl run after
    /// another reuses its connections.
    /// - Throws: ``StoreError`` naming the file.
    public func httpCache() throws -> HTTPCache {
        try cacheLock.withLock {
            if let openedCache { return openedCache }
            let cache = try HTTPCache(folder: (path as NSString).deletingLastPathComponent)
            openedCache = cache
            return cache
        }
    }

    static let offerColumns = [
        "source", "key", "url", "source_id", "title", "employer", "location", "postal_code", "remote", "employment_type",
        "contract", "salary_min", "salary_max", "salary_period", "currency", "salary_text", "posted", "valid_through",
        "description",
    ]
    /// The columns derived from an offer's facets (migration v2), written at every save.
    static let facetColumns = [
        "facets", "facet_remote", "facet_contracts", "pay_min", "pay_max", "pay_period", "pay_per_act", "hours",
        "channels", "tasks", "facets_version",
    ]

    /// Opens (creating if needed) the database in `folder`, and brings its schema up to date.
    /// - Parameter folder: the cache folder; created when missing.
    /// - Throws: ``StoreError`` naming the file when it cannot be opened or migrated.
    public convenience init(folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError(path: folder, message: "cannot create the cache folder: \(error.localizedDescription)")
        }
        try self.init(path: (folder as NSString).appendingPathComponent("homeshore.sqlite"))
    }

    /// Opens (creating if needed) the database file at `path`.
    /// - Throws: ``StoreError`` naming the file.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Schema.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw StoreError(path: path, message: "cannot open the database: \(error.message ?? "\(error)")")
        } catch {
            throw StoreError(path: path, message: "cannot open the database: \(error)")
        }
    }

    // MARK: - Crawl runs

    /// Records the start of a crawl run.
    /// - Returns: the run's id.
    public func beginRun(at date: Date = Date()) throws -> Int64 {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO crawl_runs (started_at, status) VALUES (?, 'running')",
                arguments: [DateText.timestamp(date)])
            return db.lastInsertedRowID
        }
    }

    /// Records how a run ended, with the outcome of every source.
    public func finishRun(_ run: Int64, status: String, outcomes: [SourceOutcome], at date: Date = Date()) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE crawl_runs SET finished_at = ?, status = ? WHERE id = ?",
                arguments: [DateText.timestamp(date), status, run])
            // Prepared once, not once per source and per error.
            let source = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO crawl_sources
                    (run_id, source, status, pages, bytes, offers_seen, offers_new, offers_updated, errors, message,
                     not_modified, disallowed, blocked, broken, reviews_seen, reviews_new)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let error = try db.cachedStatement(sql: "INSERT INTO crawl_errors (run_id, source, message) VALUES (?, ?, ?)")
            for o in outcomes {
                try source.execute(
                    arguments: [run, o.source, o.status, o.pages, o.bytes, o.offersSeen, o.offersNew, o.offersUpdated,
                                o.errors.count, o.blocked ?? o.broken ?? o.errors.first, o.notModified, o.disallowed,
                                o.blocked, o.broken, o.reviewsSeen, o.reviewsNew])
                for message in o.errors {
                    try error.execute(arguments: [run, o.source, message])
                }
            }
        }
    }

    /// The most recent runs, newest first, with their per-source figures.
    public func runs(limit: Int = 10) throws -> [CrawlRecord] {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM crawl_runs ORDER BY id DESC LIMIT ?", arguments: [limit])
            return try rows.map { row in
                let id: Int64 = row["id"]
                let sources = try Row.fetchAll(db, sql: "SELECT * FROM crawl_sources WHERE run_id = ? ORDER BY source",
                    arguments: [id]).map { s -> SourceOutcome in
                    var o = SourceOutcome(source: s["source"])
                    o.status = s["status"]
                    o.pages = s["pages"]
                    o.bytes = s["bytes"]
                    o.offersSeen = s["offers_seen"]
                    o.offersNew = s["offers_new"]
                    o.offersUpdated = s["offers_updated"]
                    o.notModified = s["not_modified"]
                    o.disallowed = s["disallowed"]
                    o.blocked = s["blocked"]
                    o.broken = s["broken"]
                    o.reviewsSeen = s["reviews_seen"]
                    o.reviewsNew = s["reviews_new"]
                    o.errors = try String.fetchAll(db, sql: "SELECT message FROM crawl_errors WHERE run_id = ? AND source = ?",
                        arguments: [id, o.source])
                    return o
                }
                return CrawlRecord(id: id, startedAt: row["started_at"], finishedAt: row["finished_at"],
                    status: row["status"], sources: sources)
            }
        }
    }

    /// Each source's outcome in the latest run that crawled it, with that run's start.
    public func lastOutcomes() throws -> [String: (startedAt: String, outcome: SourceOutcome)] {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.*, r.started_at
                FROM (SELECT source, MAX(run_id) AS run_id FROM crawl_sources GROUP BY source) AS latest
                JOIN crawl_sources s ON s.source = latest.source AND s.run_id = latest.run_id
                JOIN crawl_runs r ON r.id = s.run_id
                """)
            var result: [String: (String, SourceOutcome)] = [:]
            for row in rows {
                var o = SourceOutcome(source: row["source"])
                o.status = row["status"]
                o.pages = row["pages"]
                o.offersSeen = row["offers_seen"]
                o.offersNew = row["offers_new"]
                o.blocked = row["blocked"]
                o.broken = row["broken"]
                o.reviewsSeen = row["reviews_seen"]
                if let message: String = row["message"] { o.errors = [message] }
                result[o.source] = (row["started_at"], o)
            }
            return result
        }
    }

    // MARK: - Offers

    /// What saving a batch of offers did.
    public struct SaveResult: Sendable, Equatable {
        public var new = 0
        public var updated = 0
        public var unchanged = 0
    }

    /// Inserts new offers and updates known ones (same source and key), in one transaction.
    /// `first_seen` is kept; `last_seen` moves to `date`.
    /// - Returns: what happened, per source.
    /// - Parameters:
    ///   - offers: the offers, from any sources.
    ///   - run: the crawl run that saw them.
    ///   - date: when they were seen.
    public func save(_ offers: [Offer], run: Int64?, at date: Date = Date()) throws -> [String: SaveResult] {
        try save(pending: offers.map { PendingOffer($0) }, run: run, at: date)
    }

    /// Saves offers whose facets are already computed (the crawl computes them on its worker threads, outside the
    /// write transaction). An offer marked `keepStored` only refreshes `last_seen` of a stored offer: it is what a
    /// listing said of an offer whose own page could not be read, and must not replace what that page said before.
    /// An offer whose facets were deferred (``PendingOffer/init(reused:)``) and that is stored unchanged with facets
    /// of the current rules is only marked seen too; all such offers are marked in one statement.
    public func save(pending offers: [PendingOffer], run: Int64?, at date: Date = Date()) throws -> [String: SaveResult] {
        var newIDs: [Int64] = []
        return try save(pending: offers, run: run, at: date, newIDs: &newIDs)
    }

    /// ``save(pending:run:at:)``, adding the ids of the offers it inserts to `newIDs`, ascending.
    func save(pending offers: [PendingOffer], run: Int64?, at date: Date = Date(),
              newIDs: inout [Int64]) throws -> [String: SaveResult] {
        let now = DateText.timestamp(date)
        let columns = (Self.offerColumns + Self.facetColumns).joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: Self.offerColumns.count + Self.facetColumns.count)
            .joined(separator: ", ")
        let updates = (Self.offerColumns.dropFirst(2) + Self.facetColumns).map { "\($0) = ?" }.joined(separator: ", ")
        let facetUpdates = Self.facetColumns.map { "\($0) = ?" }.joined(separator: ", ")
        var inserted: [Int64] = []
        let saved = try pool.write { db in
            var result: [String: SaveResult] = [:]
            let find = try db.cachedStatement(sql:
                "SELECT id, content_hash, employer_id, facets_version FROM offers WHERE source = ? AND key = ?")
            // A new offer's row is written once, its employer and the employer's reference with it (not updated
            // after: each update rewrote the whole row, description included).
            let insert = try db.cachedStatement(sql: """
                INSERT INTO offers (\(columns), content_hash, first_seen, last_seen, first_run, last_run, employer_id,
                    employer_ref)
                VALUES (\(placeholders), ?, ?, ?, ?, ?, ?, ?)
                """)
            let insertRow = StatementRows(insert, in: db)
            let update = try db.cachedStatement(sql:
                "UPDATE offers SET \(updates), content_hash = ?, last_seen = ?, last_run = ? WHERE id = ?")
            // An unchanged offer gets its facets rewritten when they were computed anyway, or when the stored ones
            // were made by older rules: better rules reach every offer at the next crawl.
            let touch = try db.cachedStatement(sql:
                "UPDATE offers SET \(facetUpdates), last_seen = ?, last_run = ? WHERE id = ?")
            let link = try db.cachedStatement(sql: "UPDATE offers SET employer_id = ? WHERE id = ?")
            let reference = try db.cachedStatement(sql:
                "UPDATE offers SET employer_ref = ? WHERE source = ? AND key = ?")
            var employers: [String: Int64?] = [:]
            var seenIDs: [Int64] = []
            for pending in offers {
                let offer = pending.offer
                let employerID: Int64?
                if let known = employers[offer.employer ?? ""] {
                    employerID = known
                } else {
                    employerID = try Self.employerID(for: offer.employer, db: db)
                    employers[offer.employer ?? ""] = employerID
                }
                let hash = pending.contentHash
                let key = pending.key
                if let row = try Row.fetchOne(find, arguments: [offer.source, key]) {
                    let id: Int64 = row["id"]
                    if (row["employer_id"] as Int64?) != employerID { try link.execute(arguments: [employerID, id]) }
                    let unchanged = (row["content_hash"] as String) == hash
                    if pending.keepStored
                        || (unchanged && pending.facetsDeferred
                            && (row["facets_version"] as Int?) == FacetExtractor.rulesVersion)
                    {
                        seenIDs.append(id)
                        result[offer.source, default: SaveResult()].unchanged += 1
                    } else if unchanged {
                        let facetValues = Offer.facetValues(pending.facets).map { $0?.databaseValue ?? .null }
                        try touch.execute(arguments: StatementArguments(facetValues + [
                            now.databaseValue, run.databaseValue, id.databaseValue,
                        ]))
                        result[offer.source, default: SaveResult()].unchanged += 1
                    } else {
                        let values = (offer.columnValues(key: key) + Offer.facetValues(pending.facets))
                            .map { $0?.databaseValue ?? .null }
                        try update.execute(arguments: StatementArguments(Array(values.dropFirst(2)) + [
                            hash.databaseValue, now.databaseValue, run.databaseValue, id.databaseValue,
                        ]))
                        result[offer.source, default: SaveResult()].updated += 1
                    }
                } else {
                    // Bound with SQLite's own functions: GRDB's arguments were a fifth of the save.
                    let employerReference = pending.keepStored ? nil : offer.employerReference
                    try insertRow.execute(values: offer.columnValues(key: key) + Offer.facetValues(pending.facets)
                        + [hash, now, now, run, run, employerID, employerReference])
                    inserted.append(db.lastInsertedRowID)
                    result[offer.source, default: SaveResult()].new += 1
                    continue
                }
                if let employerReference = offer.employerReference, !pending.keepStored {
                    try reference.execute(arguments: [employerReference, offer.source, key])
                }
            }
            // Offers seen again and kept as stored: last_seen and last_run only, in one statement per 500.
            var start = 0
            while start < seenIDs.count {
                let chunk = seenIDs[start..<min(seenIDs.count, start + 500)]
                try db.execute(sql: """
                    UPDATE offers SET last_seen = ?, last_run = ?
                    WHERE id IN (\(chunk.map { _ in "?" }.joined(separator: ", ")))
                    """, arguments: StatementArguments([now.databaseValue, run.databaseValue] + chunk.map(\.databaseValue)))
                start += 500
            }
            return result
        }
        newIDs += inserted.sorted()
        return saved
    }

    /// The offers that match a query, newest first.
    public func offers(matching query: OfferQuery = OfferQuery()) throws -> [StoredOffer] {
        var sql = "SELECT offers.*, g.group_id AS group_id FROM offers LEFT JOIN offer_groups g ON g.offer_id = offers.id"
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let since = query.since {
            conditions.append("first_seen >= ?")
            arguments.append(DateText.timestamp(since))
        }
        if let remote = query.remote {
            conditions.append("facet_remote = ?")
            arguments.append(remote.rawValue)
        }
        if !query.contracts.isEmpty {
            conditions.append("(" + query.contracts.map { _ in "instr(facet_contracts, ?) > 0" }.joined(separator: " OR ") + ")")
            arguments.append(contentsOf: query.contracts.map { "|\($0.rawValue)|" })
        }
        if let period = query.payPeriod {
            conditions.append("pay_period = ?")
            arguments.append(period.rawValue)
        }
        if !query.channels.isEmpty {
            conditions.append("(" + query.channels.map { _ in "instr(channels, ?) > 0" }.joined(separator: " OR ") + ")")
            arguments.append(contentsOf: query.channels.map { "|\($0.rawValue)|" })
        }
        if !query.sources.isEmpty {
            conditions.append("source IN (\(query.sources.map { _ in "?" }.joined(separator: ", ")))")
            arguments.append(contentsOf: query.sources)
        }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY first_seen DESC, COALESCE(posted, '') DESC, id DESC"
        let rows = try pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
        }
        var result: [StoredOffer] = []
        var groupsSeen: Set<Int64> = []
        for row in rows {
            let stored = StoredOffer(row: row)
            guard query.matches(stored.offer) else { continue }
            if query.onePerGroup {
                guard groupsSeen.insert(stored.groupID ?? -stored.id).inserted else { continue }
            }
            result.append(stored)
            if let limit = query.limit, result.count >= limit { break }
        }
        if query.onePerGroup { try fillCopies(&result) }
        return result
    }

    /// The number of offers stored.
    public func offerCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM offers") ?? 0 }
    }

    /// Runs SQLite's integrity check. - Returns: `ok` when the file is sound.
    public func integrityCheck() throws -> String {
        try pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }
}
