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

    /// When the last phase ended (a `DispatchTime` in nanoseconds).
    var phaseEnd: UInt64 = 0

    /// Ends the phase that started at `since` (a `DispatchTime` in nanoseconds), and returns the time now.
    mutating func phase(_ name: String, since: UInt64) -> UInt64 {
        phaseEnd = DispatchTime.now().uptimeNanoseconds
        phases.append((name, Double(phaseEnd - since) / 1e9))
        return phaseEnd
    }
}

extension OfferStore {
    /// Gives every offer that has no group yet its group (run after each crawl's offers are saved, at the end of
    /// ``Crawler/run()``): the new offers are compared with each other and with the stored offers that share one of
    /// their blocking keys, read through `dedup_keys`; what grouping computes of the stored offers' texts (description
    /// words, employer key, place, title words) comes from `dedup_features`, and nothing of it is recomputed. An offer
    /// keeps its group for good. (A first crawl, into an empty store, groups its offers as it saves them with a
    /// ``ScratchGrouping``: this finds none left then, unless that grouping failed.)
    /// - Parameter employers: the employer name normaliser (sources.yaml's aliases).
    /// - Returns: what was done.
    @discardableResult
    public func assignGroups(employers: EmployerName = EmployerName()) throws -> GroupingResult {
        try pool.writeWithoutTransaction { db in
            // pool.write's transaction, with the commit timed (it checkpoints the pages written).
            var result = GroupingResult()
            try db.inTransaction {
                result = try Self.assignGroups(db, employers: employers)
                return .commit
            }
            if !result.phases.isEmpty { _ = result.phase("committed", since: result.phaseEnd) }
            return result
        }
    }

    /// Forgets every group and groups all offers again from scratch, oldest first. The offers are read a few
    /// thousand at a time and only their grouping features are held; description words kept in `dedup_features`
    /// for the offer's current text are not computed again.
    @discardableResult
    public func regroupAll(employers: EmployerName = EmployerName()) throws -> GroupingResult {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM offer_groups; DELETE FROM dedup_keys; DELETE FROM dedup_keys_recent;")
            return try Self.assignGroups(db, employers: employers)
        }
    }

    /// Offers read and featured at a time.
    static let groupingChunk = 4096

    /// Keys of nightly steps held in `dedup_keys_recent` before they are merged into `dedup_keys`: about five
    /// nights of 2,000 new offers. A step that finds at least this many merges them after writing its own.
    static let recentKeysLimit = 200_000

    static func assignGroups(_ db: Database, employers: EmployerName,
                             recentKeysLimit: Int = recentKeysLimit) throws -> GroupingResult {
        var result = GroupingResult()
        var clock = DispatchTime.now().uptimeNanoseconds
        let freshIDs = try ungroupedOffers(db)
        guard !freshIDs.isEmpty else { return result }
        clock = result.phase("ungrouped offers found", since: clock)
        let grouper = OfferGrouper(employers: employers)
        let groupRow = StatementRows(try db.cachedStatement(sql: Self.insertGroupSQL), in: db)
        func save(_ offer: GroupedFeatures, group: Int64) throws {
            try groupRow.execute([offer.id, group])
            result.grouped += 1
            if group != offer.id { result.joined += 1 }
        }
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM offer_groups)") == true else {
            // From scratch: nothing stored to compare with, so the offers are read, grouped and let go of a chunk
            // at a time (the grouper holds only their features).
            let scratch = ScratchGrouping(grouper: grouper)
            try scratch.group(db, ids: freshIDs[...])
            result.grouped = scratch.result.grouped
            result.joined = scratch.result.joined
            // Timed apart for the benchmark's breakdown: the features, and the grouping with its keys written.
            result.phases.append(("features (read, computed, kept)", Double(scratch.featuring) / 1e9))
            _ = result.phase("grouped, keys written", since: clock + scratch.featuring)
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
        let freshKeys = fresh.map { grouper.keys($0.features) }
        var found = try storedOffers(db, under: freshKeys.flatMap { $0 }, limit: grouper.bucketLimit)
        // By candidate (a candidate's keys in any order: each key has a list of its own in the grouper).
        found.sort { $0.id < $1.id }
        var candidateIDs: [Int64] = []
        for (i, row) in found.enumerated() where i == 0 || found[i - 1].id != row.id { candidateIDs.append(row.id) }
        clock = result.phase("keys looked up", since: clock)
        // Two threads from here: this one works with SQLite, a helper with the grouper. The helper holds each part
        // of the stored offers while the next part is read, then compares the new offers while their keys are
        // written; the grouper is only ever used by one thread at a time (the helper's queue is serial, and this
        // thread touches the grouper again only after waiting for it).
        let helper = DispatchQueue(label: "homeshore.grouping")
        nonisolated(unsafe) let held = grouper
        let groups = UnsafeMutableBufferPointer<Int64>.allocate(capacity: fresh.count)
        defer {
            helper.sync {}
            groups.deallocate()
        }
        var next = 0  // the first row of `found` not yet given to a candidate
        try storedFeatures(db, ids: candidateIDs, grouper: grouper) { part in
            var entries: [(GroupedFeatures, Int64, [UInt64])] = []
            entries.reserveCapacity(part.count)
            for stored in part {
                // Both in id order; an id may be missing from the part when its offer is not stored.
                while next < found.count && found[next].id < stored.id { next += 1 }
                var keys: [UInt64] = []
                while next < found.count && found[next].id == stored.id {
                    keys.append(found[next].key)
                    next += 1
                }
                // A key whose offer lost its group since (none does today) would name an offer that is not stored.
                if let group = stored.group { entries.append((stored, group, keys)) }
            }
            result.candidatesLoaded += entries.count
            let ready = entries
            helper.async {
                for (stored, group, keys) in ready {
                    held.insert(id: stored.id, group: group, features: stored.features, keys: keys)
                }
            }
        }
        nonisolated(unsafe) let output = groups
        let new = fresh
        helper.async {
            for (i, offer) in new.enumerated() { output[i] = held.add(id: offer.id, features: offer.features, keys: freshKeys[i]) }
        }
        clock = result.phase("stored offers read", since: clock)
        var newKeys: [(key: Int64, id: Int64)] = []
        newKeys.reserveCapacity(freshKeys.reduce(0) { $0 + $1.count })
        for (i, offer) in fresh.enumerated() {
            for key in freshKeys[i] { newKeys.append((Int64(bitPattern: key), offer.id)) }
        }
        try writeKeys(db, &newKeys, into: "dedup_keys_recent")
        clock = result.phase("new offers' keys written", since: clock)
        // Enough recent keys: merged into dedup_keys in key order (one pass over its pages for several nights'
        // keys, where each night's keys written there directly rewrote nearly all of them).
        if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dedup_keys_recent") ?? 0 >= recentKeysLimit {
            try db.execute(sql: """
                INSERT OR IGNORE INTO dedup_keys (key, offer_id)
                    SELECT key, offer_id FROM dedup_keys_recent ORDER BY key, offer_id;
                DELETE FROM dedup_keys_recent;
                """)
            clock = result.phase("recent keys merged", since: clock)
        }
        helper.sync {}
        clock = result.phase("new offers compared (waited for)", since: clock)
        for (i, offer) in fresh.enumerated() { try save(offer, group: groups[i]) }
        clock = result.phase("groups written", since: clock)
        return result
    }

    static let insertGroupSQL = "INSERT INTO offer_groups (offer_id, group_id) VALUES (?, ?)"

    /// Writes blocking keys, `(key, offer)` rows, into `table`: `dedup_keys` from scratch, `dedup_keys_recent` in a
    /// nightly step. In key order: the keys are random, and in arrival order each one landed on another page of the
    /// index (at 100,000 offers, the nightly step's 40,000 keys touched nearly all its 8,000 pages, read and written
    /// back one by one through a cache of 500). 250 rows to a statement (one statement per key was a third of the
    /// nightly step's writing), bound with SQLite's own functions (GRDB's arguments, a DatabaseValue per integer,
    /// cost more than the rows).
    static func writeKeys(_ db: Database, _ rows: inout [(key: Int64, id: Int64)], into table: String) throws {
        let keyRows = 250
        func insertKeys(rows: Int) throws -> Statement {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO \(table) (key, offer_id) VALUES "
                + Array(repeating: "(?, ?)", count: rows).joined(separator: ", "))
        }
        rows.sort { $0.key < $1.key || ($0.key == $1.key && $0.id < $1.id) }
        let many = StatementRows(try insertKeys(rows: keyRows), in: db)
        let one = StatementRows(try insertKeys(rows: 1), in: db)
        var pending: [Int64] = []
        pending.reserveCapacity(2 * keyRows)
        for row in rows {
            pending.append(row.key)
            pending.append(row.id)
            if pending.count == 2 * keyRows {
                try many.execute(pending)
                pending.removeAll(keepingCapacity: true)
            }
        }
        for row in stride(from: 0, to: pending.count, by: 2) { try one.execute(pending[row...(row + 1)]) }
    }

    /// The stored offers under some keys (`dedup_keys`), each key's newest `limit`, as (offer, key) rows.
    static func storedOffers(_ db: Database, under keys: [UInt64], limit: Int) throws -> [(id: Int64, key: UInt64)] {
        // Looked up once each, in the index's order (SQLite's integers are signed), so that its pages are read once
        // each. Sorted arrays rather than a set and a dictionary: hashing tens of thousands of integers cost more.
        var keys = keys.map { Int64(bitPattern: $0) }
        keys.sortAndRemoveDuplicates()
        // 500 keys to a statement, each key's rows in id order: its newest `limit` are kept (a statement per key,
        // with its LIMIT, cost more than the few rows past the limit that a big bucket gives).
        var found: [(id: Int64, key: UInt64)] = []
        let part = 500
        func lookupSQL(_ count: Int) -> String {
            let list = "(" + Array(repeating: "?", count: count).joined(separator: ",") + ")"
            // Both tables: the merged keys and the recent ones (the same keys bound twice).
            return "SELECT key, offer_id FROM dedup_keys WHERE key IN " + list
                + " UNION SELECT key, offer_id FROM dedup_keys_recent WHERE key IN " + list + " ORDER BY key, offer_id"
        }
        let fullLookup = try db.cachedStatement(sql: lookupSQL(part))
        var start = 0
        while start < keys.count {
            let slice = keys[start..<min(start + part, keys.count)]
            start = slice.endIndex
            let lookup = StatementRows(slice.count == part ? fullLookup : try db.makeStatement(sql: lookupSQL(slice.count)),
                in: db)
            lookup.bind(slice + slice)
            var bucketStart = found.count
            var bucketKey: Int64?
            func endBucket() {
                let extra = found.count - bucketStart - limit
                if extra > 0 { found.removeSubrange(bucketStart..<(bucketStart + extra)) }
            }
            while try lookup.next() {
                let key = lookup.int64(0)
                if key != bucketKey {
                    endBucket()
                    bucketKey = key
                    bucketStart = found.count
                }
                found.append((lookup.int64(1), UInt64(bitPattern: key)))
            }
            endBucket()
        }
        return found
    }

    /// The ids of the offers that have no group, ascending: the grouped ids are read whole from `offer_groups` (in
    /// id order) and marked in a bitmap, then every offer id from an index of `offers` is checked against it, which
    /// costs less than looking each offer up in `offer_groups`.
    static func ungroupedOffers(_ db: Database) throws -> [Int64] {
        var grouped: [UInt64] = []
        var negative = Set<Int64>()  // never, with SQLite's own rowids; kept apart from the bitmap
        let groups = StatementRows(try db.makeStatement(sql: "SELECT offer_id FROM offer_groups"), in: db)
        groups.bind([Int64]())
        while try groups.next() {
            let id = groups.int64(0)
            // Ids are small positive integers (SQLite's rowids): one bit each.
            guard id >= 0 else {
                negative.insert(id)
                continue
            }
            let word = Int(id >> 6)
            if word >= grouped.count { grouped += repeatElement(0, count: max(word + 1 - grouped.count, grouped.count)) }
            grouped[word] |= 1 << UInt64(id & 63)
        }
        var ungrouped: [Int64] = []
        // Unsorted: ORDER BY would make SQLite read the offers' rows, texts included, instead of an index.
        let offers = StatementRows(try db.makeStatement(sql: "SELECT id FROM offers"), in: db)
        offers.bind([Int64]())
        while try offers.next() {
            let id = offers.int64(0)
            let word = Int(id >> 6)
            let isGrouped = id < 0 ? negative.contains(id) : word < grouped.count && grouped[word] & (1 << UInt64(id & 63)) != 0
            if !isGrouped { ungrouped.append(id) }
        }
        return ungrouped.sorted()
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

/// Grouping from scratch, a part at a time with one grouper: for a store where no offer has a group yet, so that
/// the offers are compared only with each other (and those grouped before them by the same grouper), in id order.
/// ``OfferStore/regroupAll(employers:)`` and a grouping step that finds no group use it for all their offers at
/// once; a first crawl into an empty store uses it for its offers as they are saved
/// (``OfferStore/scratchGrouping(employers:)``).
/// The groups are the same however the ids are cut into parts: nothing but the grouper holds what was grouped
/// before.
final class ScratchGrouping: @unchecked Sendable {
    let grouper: OfferGrouper
    /// Offers grouped, and those that joined another's group.
    private(set) var result = GroupingResult()
    /// Nanoseconds spent on the features (read, computed, kept): the benchmark's breakdown.
    private(set) var featuring: UInt64 = 0

    init(grouper: OfferGrouper) {
        self.grouper = grouper
    }

    /// Groups `ids`, in a transaction the caller holds: offers without a group, ascending, each after every id
    /// this grouping was given before. Their features are read (and kept) ``OfferStore/groupingChunk`` offers at
    /// a time; each offer's group and blocking keys are written.
    func group(_ db: Database, ids: ArraySlice<Int64>) throws {
        let groupRow = StatementRows(try db.cachedStatement(sql: OfferStore.insertGroupSQL), in: db)
        var start = ids.startIndex
        while start < ids.endIndex {
            let part = ids[start..<min(start + OfferStore.groupingChunk, ids.endIndex)]
            start = part.endIndex
            let begun = DispatchTime.now().uptimeNanoseconds
            let features = try OfferStore.groupingFeatures(db, ids: part, grouper: grouper)
            featuring += DispatchTime.now().uptimeNanoseconds - begun
            var rows: [(key: Int64, id: Int64)] = []
            for offer in features {
                let (group, keys) = grouper.add(id: offer.id, features: offer.features)
                try groupRow.execute([offer.id, group])
                result.grouped += 1
                if group != offer.id { result.joined += 1 }
                for k in keys { rows.append((Int64(bitPattern: k), offer.id)) }
            }
            try OfferStore.writeKeys(db, &rows, into: "dedup_keys")
        }
    }
}

extension OfferStore {
    /// The grouping of a first crawl, done while it runs: nil unless the store holds no offer yet. A crawl into an
    /// empty store groups its offers from scratch, as ``assignGroups(employers:)`` would at its end; given the ids
    /// of the offers each save adds (``save(pending:run:at:newIDs:)``), ``group(_:ids:)`` groups them a part at a
    /// time while pages are still being read, and only the last part is left for the end.
    func scratchGrouping(employers: EmployerName) throws -> ScratchGrouping? {
        let empty = try pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM offers)") ?? false
        }
        return empty ? ScratchGrouping(grouper: OfferGrouper(employers: employers)) : nil
    }

    /// Groups offers with a first crawl's grouping, in a transaction of its own
    /// (see ``ScratchGrouping/group(_:ids:)``).
    func group(_ scratch: ScratchGrouping, ids: [Int64]) throws {
        try pool.write { db in try scratch.group(db, ids: ids[...]) }
    }
}
