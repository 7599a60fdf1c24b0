import Foundation
import GRDB
import Testing
@testable import HomeshoreKit

/// A fresh temporary folder, removed when the value goes away.
final class TemporaryFolder {
    let path: String
    init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("homeshore-test-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

@Suite struct OfferStoreTests {
    func offer(_ id: String, title: String, employer: String = "Domicall") -> Offer {
        var o = Offer(source: "board", url: "https://jobs.example/offers/\(id)")
        o.sourceID = id
        o.title = title
        o.employer = employer
        o.salaryMin = 1850
        o.salaryMax = 1850
        o.salaryPeriod = "month"
        o.currency = "EUR"
        o.employmentType = ["FULL_TIME", "PART_TIME"]
        o.posted = "2026-11-27"
        return o
    }

    @Test func upsertKeepsFirstSeenAndCountsNewUpdatedUnchanged() throws {
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        let day1 = DateText.parse("2026-11-28T06:00:00Z")!, day2 = DateText.parse("2026-11-29T06:00:00Z")!
        let first = try store.save([offer("1", title: "Téléconseiller H/F"), offer("2", title: "Chargé de clientèle")],
            run: 1, at: day1)
        #expect(first["board"] == OfferStore.SaveResult(new: 2, updated: 0, unchanged: 0))
        let second = try store.save([offer("1", title: "Téléconseiller H/F"), offer("2", title: "Chargé de clientèle (F/H)")],
            run: 2, at: day2)
        #expect(second["board"] == OfferStore.SaveResult(new: 0, updated: 1, unchanged: 1))
        let stored = try store.offers()
        #expect(stored.count == 2)
        for s in stored {
            #expect(s.firstSeen == "2026-11-28T06:00:00Z")
            #expect(s.lastSeen == "2026-11-29T06:00:00Z")
        }
        let two = try #require(stored.first { $0.offer.sourceID == "2" })
        #expect(two.offer.title == "Chargé de clientèle (F/H)")
        #expect(two.offer.employmentType == ["FULL_TIME", "PART_TIME"])
        #expect(two.offer == offer("2", title: "Chargé de clientèle (F/H)"))
    }

    /// A new offer's row is bound with SQLite's functions, an updated one's with GRDB's arguments: the same values
    /// give the same row, type for type (text, empty text, NULL, integers, reals).
    @Test func insertedAndUpdatedRowsAreAlike() throws {
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        var a = offer("1", title: "Téléconseiller H/F 📞")
        a.location = ""
        a.salaryText = "1 850 € brut"
        a.salaryMax = 2100.5
        a.description = "Vous répondez aux appels. Salaire 12,50 € de l'heure, 35 h par semaine, CDI."
        a.employerReference = "KC-1"
        var changed = a
        changed.title = "Autre titre"
        let day = DateText.parse("2026-11-28T06:00:00Z")!
        func row() throws -> [String] {
            try store.pool.read { db in
                let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info('offers') ORDER BY cid")
                    .filter { !["id", "first_seen", "first_run", "last_seen", "last_run"].contains($0) }
                let select = columns.map { "typeof(\($0)) || ':' || quote(\($0))" }.joined(separator: ", ")
                let values = try Row.fetchOne(db, sql: "SELECT \(select) FROM offers")!
                return zip(columns, (0..<columns.count).map { values[$0] as String }).map { "\($0)=\($1)" }
            }
        }
        _ = try store.save([a], run: 1, at: day)
        let inserted = try row()
        _ = try store.save([changed], run: 2, at: day)
        _ = try store.save([a], run: 3, at: day)
        let updated = try row()
        #expect(inserted == updated)
        #expect(inserted.contains("location=text:''") && inserted.contains("salary_max=real:2100.5"))
        #expect(inserted.contains { $0.hasPrefix("employer_id=integer:") } && inserted.contains("employer_ref=text:'KC-1'"))
    }

    /// The content hash, computed a column at a time, is the fingerprint of the columns' text joined (what it was
    /// computed from before, and what stored offers carry): on generated offers, offers with every field empty or
    /// set, and texts beyond ASCII, with NULs, with combining marks at the joins.
    @Test func contentHashIsTheFingerprintOfTheColumnsJoined() {
        func reference(_ offer: Offer) -> String {
            var text = ""
            for (i, value) in offer.columnValues(key: offer.key).enumerated() {
                if i > 0 { text.append("\u{0}") }
                switch value {
                case nil: text.append("\u{1}")
                case let string as String: text.append("s"); text.append(string)
                case let int as Int: text.append("i\(int)")
                case let int as Int64: text.append("i\(int)")
                case let double as Double: text.append("d\(double)")
                case let other?: text.append("\(other.databaseValue)")
                }
            }
            return Fingerprint.of(text)
        }
        var generator = SyntheticOffers(seed: 3)
        var offers = generator.corpus(count: 300).map(\.offer)
        var full = offer("x", title: "\u{0301}Téléconseiller\u{0}👍🏽", employer: "e\u{0301}")
        full.description = "\u{0301}" + String(repeating: "Ligne ✓ \u{1}\r\n", count: 300)
        full.salaryMin = 1850.5
        full.salaryMax = 2_000
        full.remote = "full"
        full.posted = "2026-11-28"
        offers += [full, Offer(source: "", url: ""), offer("y", title: "")]
        var hashes = Set<String>()
        for offer in offers {
            #expect(offer.contentHash == reference(offer), "\(offer.url)")
            hashes.insert(offer.contentHash)
        }
        #expect(hashes.count == offers.count, "different offers, different hashes")
    }

    @Test func reopeningKeepsEverythingAndIsWAL() throws {
        let folder = TemporaryFolder()
        do {
            let store = try OfferStore(folder: folder.path)
            _ = try store.save([offer("1", title: "A")], run: nil)
        }
        let again = try OfferStore(folder: folder.path)
        #expect(try again.offerCount() == 1)
        #expect(try again.integrityCheck() == "ok")
        let mode = try again.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func filters() throws {
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        var chat = offer("1", title: "Conseiller chat à domicile", employer: "Vocalia Services")
        chat.description = "Répondre aux clients par chat et e-mail."
        _ = try store.save([chat, offer("2", title: "Téléconseiller", employer: "Domicall SAS")], run: nil,
            at: DateText.parse("2026-11-20T00:00:00Z")!)
        _ = try store.save([offer("3", title: "Téléconseillère", employer: "Assistéo")], run: nil,
            at: DateText.parse("2026-11-29T00:00:00Z")!)
        #expect(try store.offers(matching: OfferQuery(employer: "domicall")).map(\.offer.sourceID) == ["2"])
        #expect(try store.offers(matching: OfferQuery(employer: "ASSISTEO")).map(\.offer.sourceID) == ["3"])
        #expect(try store.offers(matching: OfferQuery(search: "CHAT e-mail")).map(\.offer.sourceID) == ["1"])
        #expect(try store.offers(matching: OfferQuery(search: "teleconseiller")).map(\.offer.sourceID) == ["3", "2"])
        #expect(try store.offers(matching: OfferQuery(search: "téléconseillère")).map(\.offer.sourceID) == ["3"])
        #expect(try store.offers(matching: OfferQuery(since: DateText.parse("2026-11-25")!)).map(\.offer.sourceID) == ["3"])
        #expect(try store.offers(matching: OfferQuery(limit: 2)).count == 2)
    }

    @Test func runsAreRecordedWithTheirFigures() throws {
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        let run = try store.beginRun()
        var a = SourceOutcome(source: "a")
        a.pages = 3; a.offersNew = 2
        var b = SourceOutcome(source: "b")
        b.status = "failed"; b.errors = ["https://b.example/: HTTP 503"]
        try store.finishRun(run, status: "partial", outcomes: [a, b])
        let record = try #require(try store.runs().first)
        #expect(record.status == "partial")
        #expect(record.sources.map(\.source) == ["a", "b"])
        #expect(record.sources[0].pages == 3)
        #expect(record.sources[1].errors == ["https://b.example/: HTTP 503"])
    }

    @Test func unwritableFolderIsNamed() {
        do {
            _ = try OfferStore(folder: "/proc/homeshore-cannot-be-here")
            Issue.record("no error")
        } catch {
            #expect("\(error)".contains("/proc/homeshore-cannot-be-here"))
        }
    }
}

@Suite struct OfferStoreFacetTests {
    func offer(_ id: String, _ description: String) -> Offer {
        var o = Offer(source: "board", url: "https://jobs.example/offers/\(id)")
        o.sourceID = id
        o.title = "Conseiller client (H/F)"
        o.description = description
        return o
    }

    @Test func facetsAreStoredAndFiltered() throws {
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        _ = try store.save([
            offer("1", "Poste 100 % télétravail. CDI. 12 € brut de l'heure. Réponses par chat et e-mail."),
            offer("2", "Télétravail 2 jours par semaine. CDD ou intérim. 1 850 € brut mensuel. Appels entrants."),
            offer("3", "Travail à domicile. Statut auto-entrepreneur. Rémunération à l'acte : 0,50 € par appel."),
        ], run: nil)
        func ids(_ q: OfferQuery) throws -> [String] { try store.offers(matching: q).compactMap(\.offer.sourceID).sorted() }
        #expect(try ids(OfferQuery(remote: .full)) == ["1", "3"])
        #expect(try ids(OfferQuery(remote: .hybrid)) == ["2"])
        #expect(try ids(OfferQuery(contracts: [.cdi])) == ["1"])
        #expect(try ids(OfferQuery(contracts: [.interim, .freelance])) == ["2", "3"])
        #expect(try ids(OfferQuery(payPeriod: .act)) == ["3"])
        #expect(try ids(OfferQuery(payPeriod: .hour)) == ["1"])
        #expect(try ids(OfferQuery(channels: [.chat])) == ["1"])
        #expect(try ids(OfferQuery(remote: .full, contracts: [.cdi], payPeriod: .hour, channels: [.chat])) == ["1"])
        #expect(try ids(OfferQuery(remote: .onSite)) == [])
        // The facets come back from the database with their evidence.
        let three = try #require(try store.offers(matching: OfferQuery(payPeriod: .act)).first)
        #expect(three.facets.pay.min == 0.5)
        #expect(three.facets.pay.evidence?.contains("0,50 €") == true)
        let raw = try store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT facet_contracts FROM offers WHERE source_id = '2'")
        }
        #expect(raw == "|cdd|interim|")
    }

    @Test func anUnchangedOfferGetsItsFacetsRewritten() throws {
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        let o = offer("1", "Poste 100 % télétravail. CDI.")
        _ = try store.save([o], run: nil)
        try store.pool.write { db in try db.execute(sql: "UPDATE offers SET facet_remote = 'on_site', facets = NULL") }
        let result = try store.save([o], run: nil)
        #expect(result["board"]?.unchanged == 1)
        #expect(try store.offers(matching: OfferQuery(remote: .full)).count == 1)
    }
}
