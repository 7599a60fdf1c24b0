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
}

extension OfferStore {
    /// Gives every offer that has no group yet its group (run after each crawl's offers are saved, at the end of
    /// ``Crawler/run()``): the new offers are compared with each other and with the stored offers that share one of
    /// their blocking keys, read through `dedup_keys`; nothing else is read or recomputed. An offer keeps its group
    /// for good.
    /// - Parameter employers: the employer name normaliser (sources.yaml's aliases).
    /// - Returns: what was done.
    @discardableResult
    public func assignGroups(employers: EmployerName = EmployerName()) throws -> GroupingResult {
        try pool.write { db in try Self.assignGroups(db, employers: employers) }
    }

    /// Forgets every group and groups all offers again from scratch, oldest first.
    @discardableResult
    public func regroupAll(employers: EmployerName = EmployerName()) throws -> GroupingResult {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM offer_groups; DELETE FROM dedup_keys;")
            return try Self.assignGroups(db, employers: employers)
        }
    }

    static func assignGroups(_ db: Database, employers: EmployerName) throws -> GroupingResult {
        var result = GroupingResult()
        let fresh = try Row.fetchAll(db, sql: """
            SELECT offers.* FROM offers LEFT JOIN offer_groups g ON g.offer_id = offers.id
            WHERE g.offer_id IS NULL ORDER BY offers.id
            """).map(StoredOffer.init(row:))
        guard !fresh.isEmpty else { return result }
        let grouper = OfferGrouper(employers: employers)
        let features = computeFeatures(fresh.map { ($0.offer, $0.facets) }, grouper: grouper)
        // The stored offers that share a key with a new one, with their groups.
        var keys = Set<Int64>()
        for f in features { for k in grouper.keys(f) { keys.insert(Int64(bitPattern: k)) } }
        var candidateIDs = Set<Int64>()
        let lookup = try db.cachedStatement(sql:
            "SELECT offer_id FROM dedup_keys WHERE key = ? ORDER BY offer_id DESC LIMIT ?")
        for key in keys {
            for id in try Int64.fetchAll(lookup, arguments: [key, grouper.bucketLimit]) { candidateIDs.insert(id) }
        }
        if !candidateIDs.isEmpty {
            let ids = candidateIDs.sorted()
            for chunk in stride(from: 0, to: ids.count, by: 500) {
                let part = ids[chunk..<min(chunk + 500, ids.count)]
                let rows = try Row.fetchAll(db, sql: """
                    SELECT offers.*, g.group_id AS group_id FROM offers JOIN offer_groups g ON g.offer_id = offers.id
                    WHERE offers.id IN (\(part.map { _ in "?" }.joined(separator: ","))) ORDER BY offers.id
                    """, arguments: StatementArguments(Array(part)))
                for row in rows {
                    let stored = StoredOffer(row: row)
                    grouper.insert(id: stored.id, group: stored.groupID ?? stored.id,
                        features: grouper.features(of: stored.offer, facets: stored.facets))
                    result.candidatesLoaded += 1
                }
            }
        }
        let saveGroup = try db.cachedStatement(sql: "INSERT INTO offer_groups (offer_id, group_id) VALUES (?, ?)")
        let saveKey = try db.cachedStatement(sql: "INSERT OR IGNORE INTO dedup_keys (key, offer_id) VALUES (?, ?)")
        for (stored, f) in zip(fresh, features) {
            let (group, offerKeys) = grouper.add(id: stored.id, features: f)
            try saveGroup.execute(arguments: [stored.id, group])
            for k in offerKeys { try saveKey.execute(arguments: [Int64(bitPattern: k), stored.id]) }
            result.grouped += 1
            if group != stored.id { result.joined += 1 }
        }
        return result
    }

    /// Features of many offers, computed on every core.
    static func computeFeatures(_ offers: [(Offer, OfferFacets?)], grouper: OfferGrouper) -> [DedupFeatures] {
        let employers = grouper.employers, hasher = grouper.hasher
        let slots = UnsafeMutableBufferPointer<DedupFeatures?>.allocate(capacity: offers.count)
        slots.initialize(repeating: nil)
        defer { slots.deallocate() }
        let chunk = 256
        nonisolated(unsafe) let output = slots
        DispatchQueue.concurrentPerform(iterations: (offers.count + chunk - 1) / chunk) { part in
            for i in (part * chunk)..<min(offers.count, (part + 1) * chunk) {
                output[i] = DedupFeatures(offer: offers[i].0, facets: offers[i].1, employers: employers, hasher: hasher)
            }
        }
        return slots.map { $0! }
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
