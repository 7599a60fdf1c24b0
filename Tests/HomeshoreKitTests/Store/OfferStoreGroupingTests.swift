import Foundation
import GRDB
import Testing
@testable import HomeshoreKit

/// Grouping through a real SQLite store: what it reads of the offers (facet columns, kept description words) must
/// group exactly as the grouper does with the offers themselves.
@Suite struct OfferStoreGroupingTests {
    @Test func regroupingFromScratchGroupsAsTheGrouperDoes() throws {
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        var generator = SyntheticOffers(seed: 7)
        _ = try store.save(generator.corpus(count: 700).map(\.offer), run: nil)
        let result = try store.regroupAll()
        let stored = try store.offers().sorted { $0.id < $1.id }
        #expect(result.grouped == stored.count)
        let grouper = OfferGrouper()
        for offer in stored { grouper.add(id: offer.id, features: grouper.features(of: offer.offer, facets: offer.facets)) }
        let expected = grouper.groupByOffer
        #expect(result.joined > 100, "the corpus has copies")
        #expect(stored.allSatisfy { $0.groupID == expected[$0.id] })
        // Feature by feature, what the store reads (facet columns, kept words) is what the offers give.
        let read = try store.pool.write { db in
            try OfferStore.groupingFeatures(db, ids: stored.map(\.id)[...], grouper: grouper)
        }
        #expect(read.map(\.id) == stored.map(\.id))
        #expect(read.map { Self.summary($0.features) }
            == stored.map { Self.summary(grouper.features(of: $0.offer, facets: $0.facets)) })
        #expect(stored.contains { !$0.facets.contract.isEmpty } && stored.contains { $0.facets.pay.min != nil })
        // A second time, from the kept description words: the same groups.
        try store.regroupAll()
        #expect(try store.offers().sorted { $0.id < $1.id }.map(\.groupID) == stored.map(\.groupID))
    }

    /// Nightly steps write their keys into `dedup_keys_recent`, merged into `dedup_keys` once there are enough:
    /// steps that merge at every turn, and steps that never do, group alike, and a merge empties the recent table.
    @Test func recentKeysGroupAsMergedOnesDo() throws {
        var generator = SyntheticOffers(seed: 13)
        let corpus = generator.corpus(count: 900).map(\.offer)
        func run(limit: Int) throws -> (groups: [Int64?], recent: [Int], merged: Int) {
            let folder = TemporaryFolder()
            let store = try OfferStore(folder: folder.path)
            var recent: [Int] = []
            // A first crawl grouped from scratch, then four nightly steps.
            for part in stride(from: 0, to: corpus.count, by: 180) {
                _ = try store.save(Array(corpus[part..<min(part + 180, corpus.count)]), run: nil)
                try store.pool.write { db in
                    _ = try OfferStore.assignGroups(db, employers: EmployerName(), recentKeysLimit: limit)
                    recent.append(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dedup_keys_recent") ?? -1)
                }
            }
            let merged = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dedup_keys") ?? -1 }
            return (try store.offers().sorted { $0.id < $1.id }.map(\.groupID), recent, merged)
        }
        let never = try run(limit: .max)
        let always = try run(limit: 1)
        let sometimes = try run(limit: 5_000)
        #expect(never.groups.allSatisfy { $0 != nil })
        #expect(always.groups == never.groups && sometimes.groups == never.groups)
        #expect(never.recent[0] == 0 && never.recent.last! > 0, "\(never.recent)")
        #expect(always.recent.allSatisfy { $0 == 0 }, "\(always.recent)")
        #expect(always.merged == never.merged + never.recent.last!)
        #expect(sometimes.recent.contains(0) && sometimes.recent.dropFirst().contains { $0 > 0 }, "\(sometimes.recent)")
        // Grouping everything again from scratch forgets the recent keys too.
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        _ = try store.save(Array(corpus[0..<300]), run: nil)
        _ = try store.assignGroups()
        _ = try store.save(Array(corpus[300..<400]), run: nil)
        _ = try store.assignGroups()
        try store.regroupAll()
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dedup_keys_recent") } == 0)
    }

    /// A first crawl groups its offers from scratch in parts as it saves them (``ScratchGrouping``): the groups,
    /// the blocking keys and the kept features are those of grouping all the offers at once, however the parts are
    /// cut, and saves returning the new ids give them in order.
    @Test func scratchGroupingInPartsGroupsAsOneGroupingDoes() throws {
        var generator = SyntheticOffers(seed: 17)
        let corpus = generator.corpus(count: 800).map(\.offer)
        func snapshot(_ store: OfferStore) throws -> [String] {
            try store.pool.read { db in
                try String.fetchAll(db, sql: "SELECT offer_id || ':' || group_id FROM offer_groups ORDER BY offer_id")
                    + String.fetchAll(db, sql: "SELECT key || ':' || offer_id FROM dedup_keys ORDER BY key, offer_id")
                    + String.fetchAll(db, sql: "SELECT offer_id || ':' || hex(words) || hex(bands) FROM dedup_features ORDER BY offer_id")
            }
        }
        let onceFolder = TemporaryFolder()
        let once = try OfferStore(folder: onceFolder.path)
        _ = try once.save(corpus, run: nil)
        let all = try once.assignGroups()
        #expect(all.grouped == 800 && all.joined > 100)
        let expected = try snapshot(once)
        var rng = SystemRandomNumberGenerator()
        for cuts in [[800], [1, 799], [100, 100, 600], (0..<8).map { _ in 100 }, [37, 250, 3, 510]] {
            let folder = TemporaryFolder()
            let store = try OfferStore(folder: folder.path)
            let scratch = try #require(try store.scratchGrouping(employers: EmployerName()))
            var start = 0
            for cut in cuts {
                var ids: [Int64] = []
                // Saved in batches of a random size, grouped once the part is saved.
                var done = start
                while done < start + cut {
                    let size = min(Int.random(in: 1...90, using: &rng), start + cut - done)
                    _ = try store.save(pending: corpus[done..<(done + size)].map { PendingOffer($0) }, run: nil, newIDs: &ids)
                    done += size
                }
                #expect(ids.count == cut && ids == ids.sorted())
                try store.group(scratch, ids: ids)
                start += cut
            }
            #expect(scratch.result.grouped == 800 && scratch.result.joined == all.joined)
            #expect(try snapshot(store) == expected, "\(cuts)")
            #expect(try store.assignGroups() == GroupingResult(), "nothing left to group")
            #expect(try store.scratchGrouping(employers: EmployerName()) == nil, "the store holds offers now")
        }
    }

    @Test func theUngroupedOffersAreThoseWithoutAGroup() throws {
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        var generator = SyntheticOffers(seed: 9)
        _ = try store.save(generator.corpus(count: 120).map(\.offer), run: nil)
        #expect(try store.pool.read { db in try OfferStore.ungroupedOffers(db) }.count == 120)
        try store.regroupAll()
        #expect(try store.pool.read { db in try OfferStore.ungroupedOffers(db) } == [])
        // Groups missing at the start, in the middle and at the end of the ids.
        try store.pool.write { db in
            try db.execute(sql: "DELETE FROM offer_groups WHERE offer_id IN (SELECT min(id) FROM offers) OR offer_id % 7 = 3 OR offer_id > 115")
        }
        let expected = try store.pool.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT id FROM offers WHERE id NOT IN (SELECT offer_id FROM offer_groups) ORDER BY id
                """)
        }
        #expect(expected.count > 20)
        #expect(try store.pool.read { db in try OfferStore.ungroupedOffers(db) } == expected)
    }

    static func summary(_ f: DedupFeatures) -> String {
        [f.employer, f.employerReference ?? "-", f.town, f.postcode, f.remote.rawValue, f.contracts.sorted().joined(separator: ","),
         f.hours.rawValue, "\(f.payMin ?? -1)", "\(f.payMax ?? -1)", f.payPeriod?.rawValue ?? "-",
         "\(f.title)", "\(f.words)", "\(f.bands)"].joined(separator: "|")
    }

    @Test func newOffersJoinStoredGroupsAndStoredOffersKeepTheirs() throws {
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        var generator = SyntheticOffers(seed: 11)
        let corpus = generator.corpus(count: 600).map(\.offer)
        _ = try store.save(Array(corpus[0..<450]), run: nil)
        try store.assignGroups()
        let before = Dictionary(uniqueKeysWithValues: try store.offers().map { ($0.id, $0.groupID) })
        _ = try store.save(Array(corpus[450...]), run: nil)
        let nightly = try store.assignGroups()
        #expect(nightly.grouped == 150)
        #expect(nightly.joined > 0 && nightly.candidatesLoaded > 0)
        let after = try store.offers()
        #expect(after.allSatisfy { before[$0.id] == nil || before[$0.id]! == $0.groupID })
        #expect(try store.assignGroups() == GroupingResult(), "nothing left to group")
    }

    @Test func keptWordsOfAnOfferWhoseTextChangedAreNotUsed() throws {
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        let (a, b, same) = DedupQualityTests.hard[0]
        #expect(same)
        _ = try store.save([a, b], run: nil)
        try store.regroupAll()
        var groups = try store.offers().map(\.groupID)
        #expect(groups.count == 2 && groups[0] == groups[1])
        // The words kept for an offer's current text are what grouping reads: emptied, they no longer match.
        try store.pool.write { db in
            try db.execute(sql: "UPDATE dedup_features SET words = x'', bands = x'' WHERE offer_id = (SELECT id FROM offers WHERE source = 'b')")
        }
        try store.regroupAll()
        groups = try store.offers().map(\.groupID)
        #expect(groups.count == 2 && groups[0] != groups[1])
        // Kept by older rules, they are computed again.
        try store.pool.write { db in try db.execute(sql: "UPDATE dedup_features SET rules = rules - 1") }
        try store.regroupAll()
        groups = try store.offers().map(\.groupID)
        #expect(groups.count == 2 && groups[0] == groups[1])
        // Another job's text under the same title: the words kept for the old text must not group it again.
        var changed = b
        changed.description = "Kaliocall recrute pour une mutuelle santé : remboursements, tiers payant, "
            + "attestations et résiliations, au téléphone et par courrier."
        _ = try store.save([changed], run: nil)
        try store.regroupAll()
        groups = try store.offers().map(\.groupID)
        #expect(groups.count == 2 && groups[0] != groups[1])
        let current = try store.pool.read { db in
            try Bool.fetchAll(db, sql: "SELECT f.content_hash = o.content_hash FROM dedup_features f JOIN offers o ON o.id = f.offer_id")
        }
        #expect(current == [true, true])
    }

    @Test func anOfferWithoutDescriptionIsGroupedAlone() throws {
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        var (a, b, _) = DedupQualityTests.hard[0]
        a.description = nil
        b.description = nil
        _ = try store.save([a, b], run: nil)
        #expect(try store.regroupAll().grouped == 2)
        #expect(try store.regroupAll().grouped == 2, "from the kept (empty) words")
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dedup_features WHERE words = x''") } == 2)
    }

    @Test func aVersion9DatabaseKeepsItsOffersAndGetsTheNewFeaturesTable() throws {
        let folder = TemporaryFolder()
        let path = (folder.path as NSString).appendingPathComponent("homeshore.sqlite")
        let (a, b, same) = DedupQualityTests.hard[0]
        #expect(same)
        do {
            // A database as version 9 left it: offers, and description words kept in the v8 table.
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v9: last outcome per source")
            try queue.write { db in
                for offer in [a, b] {
                    try db.execute(sql: """
                        INSERT INTO offers (\(OfferStore.offerColumns.joined(separator: ", ")), content_hash, first_seen,
                            last_seen) VALUES (\(OfferStore.offerColumns.map { _ in "?" }.joined(separator: ", ")), ?, '', '')
                        """, arguments: StatementArguments(offer.columnValues.map { $0?.databaseValue ?? .null }
                            + [offer.contentHash.databaseValue]))
                    try db.execute(sql: """
                        INSERT INTO dedup_features (offer_id, content_hash, rules, words, bands) VALUES (?, ?, ?, x'', x'')
                        """, arguments: [db.lastInsertedRowID, offer.contentHash, DedupFeatures.textRulesVersion])
                }
            }
        }
        let store = try OfferStore(path: path)
        let columns = try store.pool.read { db in try db.columns(in: "dedup_features").map(\.name) }
        #expect(columns == ["offer_id", "content_hash", "rules", "facets", "employer_ref", "remote", "contracts", "pay_min",
            "pay_max", "pay_period", "hours", "employer", "town", "postcode", "title", "words", "bands"])
        #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dedup_features") } == 0,
            "rows without the offer's fields are made again")
        #expect(try store.offers().count == 2)
        try store.assignGroups()
        let groups = try store.offers().map(\.groupID)
        #expect(groups.count == 2 && groups[0] == groups[1])
        let kept = try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT employer, title, length(words) > 0 AS words FROM dedup_features")
        }
        #expect(kept.count == 2 && kept.allSatisfy { ($0["employer"] as String?) != nil && $0["words"] as Bool })
    }

    @Test func keptFieldsGiveTheFeaturesTheOfferGives() throws {
        // What is kept of an offer's text and read back (title words joined by spaces, employer name folded before
        // aliases) gives the features the offer itself gives, aliases applied at reading.
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        var generator = SyntheticOffers(seed: 5)
        _ = try store.save(generator.corpus(count: 200).map(\.offer), run: nil)
        let stored = try store.offers().sorted { $0.id < $1.id }
        let first = stored[0].offer.employer!
        let grouper = OfferGrouper(employers: EmployerName(aliases: ["Someone Else": [first]]))
        let ids = stored.map(\.id)[...]
        let computed = try store.pool.write { db in try OfferStore.groupingFeatures(db, ids: ids, grouper: grouper) }
        let read = try store.pool.write { db in try OfferStore.groupingFeatures(db, ids: ids, grouper: grouper) }
        let expected = stored.map { OfferStoreGroupingTests.summary(grouper.features(of: $0.offer, facets: $0.facets)) }
        #expect(computed.map { Self.summary($0.features) } == expected)
        #expect(read.map { Self.summary($0.features) } == expected)
        #expect(read[0].features.employer == EmployerName.fold("Someone Else"))
    }
}
