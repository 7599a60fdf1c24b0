import Foundation
import GRDB
import Testing
@testable import HomeshoreKit

/// The stored offers a nightly step compares are read from `dedup_features` alone (migration v11): what is read
/// there must be what the offers give, and a row must go when the offer it was made from changes.
@Suite struct OfferStoreStoredFeaturesTests {
    static func count(_ store: OfferStore, _ sql: String = "SELECT COUNT(*) FROM dedup_features") throws -> Int {
        try store.pool.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }

    /// The features' summary without band keys (a candidate is read without them).
    static func summary(_ f: DedupFeatures) -> String {
        var f = f
        f.bands = []
        return OfferStoreGroupingTests.summary(f)
    }

    @Test func storedOffersReadFromTheFeaturesTableGiveTheFeaturesTheOffersGive() throws {
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        var generator = SyntheticOffers(seed: 3)
        _ = try store.save(generator.corpus(count: 300).map(\.offer), run: nil)
        try store.regroupAll()
        let stored = try store.offers().sorted { $0.id < $1.id }
        #expect(try Self.count(store) == stored.count)
        #expect(stored.contains { !$0.facets.contract.isEmpty } && stored.contains { $0.facets.pay.min != nil })
        let grouper = OfferGrouper()
        let expected = stored.map { Self.summary(grouper.features(of: $0.offer, facets: $0.facets)) }
        let read = try store.pool.write { db in try OfferStore.storedFeatures(db, ids: stored.map(\.id), grouper: grouper) }
        #expect(read.map(\.id) == stored.map(\.id))
        #expect(read.map { Self.summary($0.features) } == expected)
        #expect(read.map(\.group) == stored.map(\.groupID))
        #expect(read.allSatisfy { $0.features.bands.isEmpty })
        // Rows missing (or made by older rules) are read from the offers, made again, and merged in id order.
        let ids = stored.map(\.id)
        try store.pool.write { db in
            try db.execute(sql: "DELETE FROM dedup_features WHERE offer_id % 3 = 0")
            try db.execute(sql: "UPDATE dedup_features SET rules = rules - 1 WHERE offer_id % 3 = 1")
        }
        let mixed = try store.pool.write { db in try OfferStore.storedFeatures(db, ids: ids, grouper: grouper) }
        #expect(mixed.map(\.id) == ids)
        #expect(mixed.map { Self.summary($0.features) } == expected)
        #expect(try Self.count(store, "SELECT COUNT(*) FROM dedup_features WHERE rules = \(DedupFeatures.textRulesVersion)")
            == stored.count)
    }

    @Test func theNightlyStepGroupsAsWhenItsCandidatesAreReadFromTheOffers() throws {
        // Two stores with the same offers; in the second, the stored offers' rows are dropped before the nightly
        // step, so that its candidates are read (and featured) from `offers` as before v11.
        var generator = SyntheticOffers(seed: 17)
        let corpus = generator.corpus(count: 900).map(\.offer)
        var groups: [[Int64: Int64?]] = []
        var results: [GroupingResult] = []
        for dropRows in [false, true] {
            let folder = TemporaryFolder()
            let store = try OfferStore(folder: folder.path)
            _ = try store.save(Array(corpus[0..<700]), run: nil)
            try store.regroupAll()
            _ = try store.save(Array(corpus[700...]), run: nil)
            if dropRows { try store.pool.write { db in try db.execute(sql: "DELETE FROM dedup_features") } }
            results.append(try store.assignGroups())
            groups.append(Dictionary(uniqueKeysWithValues: try store.offers().map { ($0.id, $0.groupID) }))
            #expect(try Self.count(store) == 900 - (dropRows ? 700 - results.last!.candidatesLoaded : 0))
        }
        #expect(results[0].grouped == 200 && results[0].joined > 0 && results[0].candidatesLoaded > 20, "\(results[0])")
        #expect(results[0] == results[1])
        #expect(groups[0] == groups[1])
    }

    @Test func aKeyOfManyStoredOffersGivesItsNewestOnly() throws {
        // 60 stored offers share their title keys (one employer, town and title) and nothing else; a new copy of
        // the oldest one meets the newest 50 through those keys, and the oldest through its description's bands.
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        var state: UInt64 = 7
        func word() -> String {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return "w" + String(state >> 40, radix: 36)
        }
        let offers = (0..<60).map { i in
            var o = Offer(source: "board", url: "https://jobs.example/o/\(i)")
            o.title = "Conseiller client"
            o.employer = "Kaliocall"
            o.location = "Lille"
            o.description = (0..<40).map { _ in word() }.joined(separator: " ")
            return o
        }
        _ = try store.save(offers, run: nil)
        #expect(try store.regroupAll().joined == 0)
        var copy = offers[0]
        copy.source = "other"
        copy.url = "https://other.example/o/0"
        _ = try store.save([copy], run: nil)
        let nightly = try store.assignGroups()
        #expect(nightly.candidatesLoaded == 51)
        let groups = Dictionary(uniqueKeysWithValues: try store.offers().map { ($0.offer.url, $0.groupID) })
        #expect(groups[copy.url]! == groups[offers[0].url]!)
    }

    @Test func anOfferThatChangesLosesItsRowAndAnUnchangedOneKeepsIt() throws {
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        var (a, b, _) = DedupQualityTests.hard[0]
        _ = try store.save([a, b], run: nil)
        try store.regroupAll()
        #expect(try Self.count(store) == 2)
        // Seen again unchanged (facet columns written again with the same values): kept.
        _ = try store.save([a, b], run: nil)
        #expect(try Self.count(store) == 2)
        // Its text changed: gone.
        b.description = (b.description ?? "") + " Prime d'assiduité."
        _ = try store.save([b], run: nil)
        #expect(try Self.count(store) == 1)
        // Its employer's reference changed (not part of the content hash): gone.
        a.employerReference = "REF-42"
        _ = try store.save([a], run: nil)
        #expect(try Self.count(store) == 0)
        try store.regroupAll()
        #expect(try Self.count(store) == 2)
        #expect(try Self.count(store, "SELECT COUNT(*) FROM dedup_features WHERE employer_ref = 'REF-42'") == 1)
        // A facet column changed (as newer facet rules rewrite them): gone; the same value written: kept.
        try store.pool.write { db in
            try db.execute(sql: "UPDATE offers SET hours = hours, pay_min = pay_min, facet_remote = facet_remote")
        }
        #expect(try Self.count(store) == 2)
        try store.pool.write { db in
            try db.execute(sql: "UPDATE offers SET pay_min = 9.5 WHERE source = 'a'")
        }
        #expect(try Self.count(store) == 1)
        try store.pool.write { db in
            try db.execute(sql: "UPDATE offers SET facets = NULL WHERE source = 'b'")
        }
        #expect(try Self.count(store) == 0)
    }

    @Test func aVersion10DatabaseKeepsTheRowsOfUnchangedOffersWithTheirFacetColumns() throws {
        let folder = TemporaryFolder()
        let path = (folder.path as NSString).appendingPathComponent("homeshore.sqlite")
        let (a, b, _) = DedupQualityTests.hard[0]
        do {
            // Saved and grouped by version 10, then b's row made stale (its offer's text changed since).
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v10: dedup features of the offer's fields")
            try queue.write { db in
                for (i, offer) in [a, b].enumerated() {
                    try db.execute(sql: """
                        INSERT INTO offers (\(OfferStore.offerColumns.joined(separator: ", ")), content_hash, first_seen,
                            last_seen, facets, facet_remote, facet_contracts, pay_min, pay_max, pay_period, hours,
                            employer_ref)
                        VALUES (\(OfferStore.offerColumns.map { _ in "?" }.joined(separator: ", ")), ?, '', '', '{}',
                            'full', '|cdi|', 12.5, 13, 'hour', 'full_time', ?)
                        """, arguments: StatementArguments(offer.columnValues.map { $0?.databaseValue ?? .null }
                            + [offer.contentHash.databaseValue, "R\(i)".databaseValue]))
                    try db.execute(sql: """
                        INSERT INTO dedup_features (offer_id, content_hash, rules, employer, town, postcode, title, words,
                            bands) VALUES (?, ?, ?, 'kaliocall', 'lille', '59000', 'client conseiller', x'0100000000000000', x'')
                        """, arguments: [db.lastInsertedRowID, i == 0 ? offer.contentHash : "stale",
                            DedupFeatures.textRulesVersion])
                }
            }
        }
        let store = try OfferStore(path: path)
        let rows = try store.pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM dedup_features") }
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row["facets"] as Int == 1)
        #expect(row["employer_ref"] as String == "R0")
        #expect(row["remote"] as String == "full")
        #expect(row["contracts"] as String == "|cdi|")
        #expect(row["pay_min"] as Double == 12.5)
        #expect(row["pay_max"] as Double == 13)
        #expect(row["pay_period"] as String == "hour")
        #expect(row["hours"] as String == "full_time")
        #expect(row["title"] as String == "client conseiller")
        #expect((row["words"] as Data).count == 8)
        let triggers = try store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        }
        #expect(triggers == ["dedup_features_offer_changed", "dedup_features_offer_inserted"])
    }
}
