import Foundation
import GRDB
import Testing
@testable import HomeshoreKit

/// Offers from pages answered 304 (their stored extraction reused) keep their stored facets: the facets are not
/// computed again unless the offer changed or its facets were made by older rules; last_seen still moves, and all
/// such offers are marked seen in one statement.
@Suite struct ReusedOfferTests {
    func offer(_ id: String, title: String) -> Offer {
        var o = Offer(source: "board", url: "https://jobs.example/offers/\(id)")
        o.sourceID = id
        o.title = title
        o.employer = "Domicall"
        o.description = "Télétravail complet. CDI, 35 heures par semaine. Appels entrants."
        return o
    }

    func column(_ store: OfferStore, _ name: String, id: String) throws -> DatabaseValue {
        try store.pool.read { db in
            try DatabaseValue.fetchOne(db, sql: "SELECT \(name) FROM offers WHERE source_id = ?", arguments: [id])
                ?? .null
        }
    }

    func rows(_ store: OfferStore, _ sql: String) throws -> [Row] {
        try store.pool.read { db in try Row.fetchAll(db, sql: sql) }
    }

    func setColumn(_ store: OfferStore, _ name: String, _ value: (any DatabaseValueConvertible)?) throws {
        try store.pool.write { db in
            try db.execute(sql: "UPDATE offers SET \(name) = ?", arguments: [value])
        }
    }

    @Test func reusedOfferKeepsStoredFacetsAndMovesLastSeen() throws {
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        let day1 = DateText.parse("2026-11-28T06:00:00Z")!, day2 = DateText.parse("2026-11-29T06:00:00Z")!
        let day3 = DateText.parse("2026-11-30T06:00:00Z")!
        _ = try store.save([offer("1", title: "Téléconseiller H/F"), offer("2", title: "Chargé de clientèle")],
            run: 1, at: day1)
        #expect(try column(store, "facets_version", id: "1") == FacetExtractor.rulesVersion.databaseValue)
        let computed = try column(store, "facet_remote", id: "1")
        #expect(computed == "full".databaseValue)
        // A marker in place of the facets: it stays only if nothing rewrites them.
        try setColumn(store, "facet_remote", "marker")

        let pending = [PendingOffer(reused: offer("1", title: "Téléconseiller H/F")),
                       PendingOffer(reused: offer("2", title: "Chargé de clientèle"))]
        #expect(pending.allSatisfy { $0.facetsDeferred })
        let second = try store.save(pending: pending, run: 2, at: day2)
        #expect(second["board"] == OfferStore.SaveResult(new: 0, updated: 0, unchanged: 2))
        for id in ["1", "2"] {
            #expect(try column(store, "facet_remote", id: id) == "marker".databaseValue)
            #expect(try column(store, "last_seen", id: id) == DateText.timestamp(day2).databaseValue)
            #expect(try column(store, "last_run", id: id) == 2.databaseValue)
            #expect(try column(store, "first_seen", id: id) == DateText.timestamp(day1).databaseValue)
        }

        // Facets made by older rules (or before versions were recorded) are computed again, once.
        try store.pool.write { db in
            try db.execute(sql: "UPDATE offers SET facets_version = NULL WHERE source_id = '1'")
        }
        let third = try store.save(pending: [PendingOffer(reused: offer("1", title: "Téléconseiller H/F")),
                                             PendingOffer(reused: offer("2", title: "Chargé de clientèle (F/H)"))],
            run: 3, at: day3)
        #expect(third["board"] == OfferStore.SaveResult(new: 0, updated: 1, unchanged: 1))
        #expect(try column(store, "facet_remote", id: "1") == computed)
        #expect(try column(store, "facets_version", id: "1") == FacetExtractor.rulesVersion.databaseValue)
        // A reused offer that turns out changed is updated, facets included.
        #expect(try column(store, "facet_remote", id: "2") == computed)
        #expect(try column(store, "title", id: "2") == "Chargé de clientèle (F/H)".databaseValue)
        #expect(try column(store, "last_seen", id: "2") == DateText.timestamp(day3).databaseValue)
    }

    @Test func offerComputedAnywayStillRewritesItsFacets() throws {
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        _ = try store.save([offer("1", title: "Téléconseiller H/F")], run: 1)
        try setColumn(store, "facet_remote", "marker")
        let again = try store.save([offer("1", title: "Téléconseiller H/F")], run: 2)
        #expect(again["board"] == OfferStore.SaveResult(new: 0, updated: 0, unchanged: 1))
        #expect(try column(store, "facet_remote", id: "1") == "full".databaseValue)
    }

    /// The demo sites crawled twice, unchanged: every page answers 304, no offer's facets are computed again
    /// (a marker put in their place survives), the offers are the same and each one's last_seen and last_run move.
    @Test func unchangedRecrawlReusesFacets() async throws {
        let folder = TemporaryFolder()
        let demo = try DemoSites.start()
        defer { demo.server.stop() }
        let store = try OfferStore(folder: folder.path)
        var options = CrawlOptions()
        options.delayOverride = 0
        _ = try await Crawler(config: demo.config, store: store, options: options).run()
        let before = try store.offers()
        #expect(!before.isEmpty)
        let facets = try rows(store, "SELECT facets FROM offers ORDER BY id").map { $0["facets"] as String }
        try setColumn(store, "facet_remote", "marker")
        try setColumn(store, "last_seen", "2000-01-01T00:00:00Z")

        let report = try await Crawler(config: demo.config, store: store, options: options).run()
        let pages = report.outcomes.reduce(0) { $0 + $1.pages }
        #expect(report.outcomes.reduce(0) { $0 + $1.notModified } > pages / 2)
        let after = try store.offers()
        #expect(after.map(\.offer) == before.map(\.offer))
        let rows = try rows(store, "SELECT facets, facet_remote, last_seen, last_run FROM offers ORDER BY id")
        #expect(rows.map { $0["facets"] as String } == facets)
        for row in rows {
            #expect(row["facet_remote"] as String? == "marker")
            #expect(row["last_seen"] as String != "2000-01-01T00:00:00Z")
            #expect(row["last_run"] as Int64 == report.runID)
        }
    }
}
