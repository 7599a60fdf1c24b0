import Dispatch
import Foundation
import GRDB

/// What a grouping step did.
public struct GroupingResult: Sendable, Equatable {
    /// Offers that got a group in this step.
    public var grouped = 0
    /// Of those, the ones that joined an existing group (copies of a job already known).
    public var joined = 0
    /// Stored offers that the step compared new ones with.
    public var candidatesLoaded = 0
    /// Wall seconds of each part of the step, in order, for the benchmark's breakdown (not compared by `==`).
    public var phases: [(name: String, seconds: Double)] = []

    public static func == (a: GroupingResult, b: GroupingResult) -> Bool {
        a.grouped == b.grouped && a.joined == b.joined && a.candidatesLoaded == b.candidatesLoaded
    }

    /// Ends the phase that started at `since` (a `DispatchTime` in nanoseconds), and returns the time now.
    mutating func phase(_ name: String, since: UInt64) -> UInt64 {
        let now = DispatchTime.now().uptimeNanoseconds
        phases.append((name, Double(now - since) / 1e9))
        return now
    }
}

extension OfferStore {
    /// Gives every offer that has no group yet its group (run after each crawl's offers are saved, at the end of
    /// ``Crawler/run()``): the new offers are compared with each other and with the stored offers that share one of
    /// their blocking keys, read through `dedup_keys`; what grouping computes of the stored offers' texts (description
    /// words, employer key, place, title words) comes from `dedup_features`, and nothing of it is recomputed. An offer
    /// keeps its group for good.
    /// - Parameter employers: the employer name normaliser (sources.yaml's aliases).
    /// - Returns: what was done.
    @discardableResult
    public func assignGroups(employers: EmployerName = EmployerName()) throws -> GroupingResult {
        try pool.write { db in try Self.assignGroups(db, employers: employers) }
    }

    /// Forgets every group and groups all offers again from scratch, oldest first. The offers are read a few
    /// thousand at a time and only their grouping features are held; description words kept in `dedup_features`
    /// for the offer's current text are not computed again.
    @discardableResult
    public func regroupAll(employers: EmployerName = EmployerName()) throws -> GroupingResult {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM offer_groups; DELETE FROM dedup_keys;")
            return try Self.assignGroups(db, employers: employers)
        }
    }

    /// Offers read and featured at a time.
    static let groupingChunk = 4096

    static func assignGroups(_ db: Database, employers: EmployerName) throws -> GroupingResult {
        var result = GroupingResult()
        var clock = DispatchTime.now().uptimeNanoseconds
        // Sorted here: ORDER BY would make SQLite read the offers' rows, texts included, instead of an index.
        let freshIDs = try Int64.fetchAll(db, sql: """
            SELECT offers.id FROM offers LEFT JOIN offer_groups g ON g.offer_id = offers.id WHERE g.offer_id IS NULL
            """).sorted()
        guard !freshIDs.isEmpty else { return result }
        clock = result.phase("ungrouped offers found", since: clock)
        let grouper = OfferGrouper(employers: employers)
        let saveGroup = try db.cachedStatement(sql: "INSERT INTO offer_groups (offer_id, group_id) VALUES (?, ?)")
        // Keys are written 250 rows to a statement: one statement per key was a third of the nightly step's writing.
        let keyRows = 250
        let saveKeys = try db.cachedStatement(sql: "INSERT OR IGNORE INTO dedup_keys (key, offer_id) VALUES "
            + Array(repeating: "(?, ?)", count: keyRows).joined(separator: ", "))
        let saveKey = try db.cachedStatement(sql: "INSERT OR IGNORE INTO dedup_keys (key, offer_id) VALUES (?, ?)")
        func add(_ fresh: [GroupedFeatures]) throws {
            var rows: [(key: Int64, id: Int64)] = []
            for offer in fresh {
                let (group, offerKeys) = grouper.add(id: offer.id, features: offer.features)
                try saveGroup.execute(arguments: [offer.id, group])
                for k in offerKeys { rows.append((Int64(bitPattern: k), offer.id)) }
                result.grouped += 1
                if group != offer.id { result.joined += 1 }
            }
            // Written in key order: the keys are random, and in arrival order each one landed on another page of
            // the index (at 100,000 offers, the nightly step's 40,000 keys touched nearly all its 8,000 pages,
            // read and written back one by one through a cache of 500).
            rows.sort { $0.key < $1.key || ($0.key == $1.key && $0.id < $1.id) }
            var pending: [DatabaseValue] = []
            pending.reserveCapacity(2 * keyRows)
            for row in rows {
                pending.append(row.key.databaseValue)
                pending.append(row.id.databaseValue)
                if pending.count == 2 * keyRows {
                    try saveKeys.execute(arguments: StatementArguments(pending))
                    pending.removeAll(keepingCapacity: true)
                }
            }
            for row in stride(from: 0, to: pending.count, by: 2) {
                try saveKey.execute(arguments: StatementArguments([pending[row], pending[row + 1]]))
            }
        }
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM offer_groups)") == true else {
            // From scratch: nothing stored to compare with, so the offers are read, grouped and let go of a chunk
            // at a time (the grouper holds only their features).
            for start in stride(from: 0, to: freshIDs.count, by: groupingChunk) {
                try add(groupingFeatures(db, ids: freshIDs[start..<min(start + groupingChunk, freshIDs.count)],
                    grouper: grouper))
            }
            return result
        }
        var fresh: [GroupedFeatures] = []
        for start in stride(from: 0, to: freshIDs.count, by: groupingChunk) {
            fresh += try groupingFeatures(db, ids: freshIDs[start..<min(start + groupingChunk, freshIDs.count)],
                grouper: grouper)
        }
        clock = result.phase("new offers' features", since: clock)
        // The stored offers that share a key with a new one, with their groups, held under those keys only (the
        // new offers look up no other).
        var keys = Set<UInt64>()
        for offer in fresh { keys.formUnion(grouper.keys(offer.features)) }
        var keysByCandidate: [Int64: [UInt64]] = [:]
        let lookup = try db.cachedStatement(sql:
            "SELECT offer_id FROM dedup_keys WHERE key = ? ORDER BY offer_id DESC LIMIT ?")
        // Looked up in the index's order (SQLite's integers are signed), so that its pages are read once each.
        let rows = StatementRows(lookup, in: db)
        for key in keys.sorted(by: { Int64(bitPattern: $0) < Int64(bitPattern: $1) }) {
            rows.bind([Int64(bitPattern: key), Int64(grouper.bucketLimit)])
            while try rows.next() { keysByCandidate[rows.int64(0), default: []].append(key) }
        }
        let candidateIDs = keysByCandidate.keys.sorted()
        clock = result.phase("keys looked up", since: clock)
        let candidates = try storedFeatures(db, ids: candidateIDs, grouper: grouper)
        clock = result.phase("stored offers read", since: clock)
        for stored in candidates {
            // A key whose offer lost its group since (none does today) would name an offer that is not stored.
            guard let group = stored.group else { continue }
            grouper.insert(id: stored.id, group: group, features: stored.features, keys: keysByCandidate[stored.id]!)
            result.candidatesLoaded += 1
        }
        clock = result.phase("stored offers held", since: clock)
        try add(fresh)
        clock = result.phase("new offers grouped and written", since: clock)
        return result
    }

    /// Fills ``StoredOffer/copies`` of each offer with every offer of its group.
    func fillCopies(_ offers: inout [StoredOffer]) throws {
        let groups = offers.compactMap(\.groupID)
        var copies: [Int64: [OfferCopy]] = [:]
        try pool.read { db in
            for chunk in stride(from: 0, to: groups.count, by: 500) {
                let part = Array(groups[chunk..<min(chunk + 500, groups.count)])
                let rows = try Row.fetchAll(db, sql: """
                    SELECT g.group_id, o.id, o.source, o.url FROM offer_groups g JOIN offers o ON o.id = g.offer_id
                    WHERE g.group_id IN (\(part.map { _ in "?" }.joined(separator: ","))) ORDER BY o.source, o.id
                    """, arguments: StatementArguments(part))
                for row in rows {
                    copies[row["group_id"], default: []].append(OfferCopy(id: row["id"], source: row["source"], url: row["url"]))
                }
            }
        }
        for i in offers.indices {
            offers[i].copies = offers[i].groupID.flatMap { copies[$0] }
                ?? [OfferCopy(id: offers[i].id, source: offers[i].offer.source, url: offers[i].offer.url)]
        }
    }
}
