import Foundation
import Testing
@testable import HomeshoreKit

/// The digest's selection: since the last delivered digest, filters, marks, blocks, groups and employer order.
@Suite struct DigestBuilderTests {
    static let day1 = DateText.parse("2026-11-28T06:00:00Z")!
    static let day2 = DateText.parse("2026-11-29T06:00:00Z")!
    static let day3 = DateText.parse("2026-11-30T06:00:00Z")!

    static func offer(_ id: String, _ title: String, employer: String? = "Domicall", source: String = "board",
                      salary: String? = nil, contract: String? = nil, remote: String? = nil,
                      description: String = "Relation client depuis chez vous.") -> Offer {
        var o = Offer(source: source, url: "https://jobs.example/\(source)/\(id)")
        o.sourceID = id
        o.title = title
        o.employer = employer
        o.location = "Lille"
        o.contract = contract
        o.remote = remote
        o.salaryText = salary
        o.posted = "2026-11-27"
        o.description = description + (salary.map { " Rémunération : \($0)." } ?? "")
        return o
    }

    static func store(_ folder: TemporaryFolder) throws -> OfferStore {
        let store = try OfferStore(folder: folder.path)
        _ = try store.save([
            offer("1", "Téléconseiller H/F", employer: "Domicall SAS", contract: "CDI", remote: "full"),
            offer("2", "Conseiller clientèle", employer: "Vocalia Services", salary: "2 € par appel", contract: "freelance"),
            offer("3", "Chargé d'accueil téléphonique", employer: "Assistéo", remote: "on_site"),
        ], run: nil, at: day1)
        return store
    }

    /// The store with the fourth offer, a duplicate of the first on another source, seen a day later.
    static func storeWithDuplicate(_ folder: TemporaryFolder) throws -> OfferStore {
        let store = try store(folder)
        _ = try store.save([offer("4", "Téléconseiller H/F", employer: "Domicall", source: "other")], run: nil, at: day2)
        return store
    }

    func titles(_ digest: Digest) -> [String] { digest.sections.flatMap { $0.offers.map(\.title) } }

    @Test func sinceLastCountsFromTheLastDeliveredDigestOnly() throws {
        let folder = TemporaryFolder()
        let store = try Self.store(folder)
        let delivery = DigestDelivery(store: store, config: DigestConfig())
        // No digest yet: a week back, so everything.
        let first = try delivery.prepare(since: .last, language: .en, now: Self.day1.addingTimeInterval(3600))
        #expect(first.digest.offerCount == 3)
        try delivery.write(first, format: .json, to: folder.path + "/d.json")
        _ = try store.save([Self.offer("4", "Téléconseiller H/F", employer: "Domicall", source: "other")], run: nil,
            at: Self.day2)
        // A mail that failed does not count: the next digest starts from the delivered one.
        try store.recordDigest(writtenAt: Self.day2.addingTimeInterval(7200), since: nil, format: "mail",
            destination: "mail:x@example.org", delivered: false, offersShown: 1)
        let second = try delivery.prepare(since: .last, language: .en, now: Self.day3)
        #expect(second.since == Self.day1.addingTimeInterval(3601))
        #expect(titles(second.digest) == ["Téléconseiller H/F"])
        #expect(second.digest.sections.first?.offers.first?.links.first?.source == "other")
    }

    /// The last delivered digest is read as one row: the same record as the newest delivered one of the list.
    @Test func theLastDeliveredDigestIsTheNewestDeliveredOne() throws {
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        #expect(try store.lastDeliveredDigest() == nil)
        for (i, delivered) in [true, true, false, false].enumerated() {
            try store.recordDigest(writtenAt: Self.day1.addingTimeInterval(Double(i) * 3600),
                since: i == 1 ? Self.day1 : nil, format: "html", destination: "d\(i).html", delivered: delivered,
                offersShown: i)
        }
        let last = try #require(try store.lastDeliveredDigest())
        #expect(last == (try store.digests().first { $0.delivered }))
        #expect(last.destination == "d1.html" && last.since == Self.day1 && last.offersShown == 1)
    }

    @Test func hiddenOffersAndBlockedEmployersNeverAppear() throws {
        let folder = TemporaryFolder()
        let store = try Self.storeWithDuplicate(folder)
        let all = try store.offers()
        let assisteo = all.first { $0.offer.employer == "Assistéo" }!
        try store.mark(offer: assisteo.id, as: .hidden)
        let vocalia = all.first { $0.offer.employer == "Vocalia Services" }!
        try store.mark(offer: vocalia.id, as: .applied)
        try store.block(employer: "DOMICALL")
        let digest = try DigestBuilder(store: store, config: DigestConfig()).build(since: nil)
        #expect(titles(digest) == ["Conseiller clientèle"])
        #expect(digest.sections[0].offers[0].mark == .applied)
        #expect(digest.filteredOut == 3)
        #expect(throws: StoreError.self) { try store.mark(offer: 9999, as: .hidden) }
        #expect(EmployerResolver.key("Domicall SAS") == EmployerResolver.key("DOMICALL"))
        // With the `employers:` aliases, blocking an alias blocks the employer under all its names.
        try store.unblock(employer: "domicall")
        try store.unmark(offer: assisteo.id)
        try store.block(employer: "VOCALIA")
        let aliased = try DigestBuilder(store: store, config: DigestConfig(),
            aliases: ["Vocalia Services": ["VOCALIA"], "Assistéo": ["ASSISTEO SAS"]]).build(since: nil)
        #expect(!titles(aliased).contains("Conseiller clientèle"))
        #expect(aliased.sections.map(\.employer.name).contains("Assistéo"))
    }

    @Test func filtersFromTheDigestSection() throws {
        let folder = TemporaryFolder()
        let store = try Self.storeWithDuplicate(folder)
        var config = DigestConfig()
        config.keywords = ["teleconseiller", "accueil"]
        #expect(titles(try DigestBuilder(store: store, config: config).build(since: nil)).sorted()
            == ["Chargé d'accueil téléphonique", "Téléconseiller H/F", "Téléconseiller H/F"])
        config = DigestConfig()
        config.remote = [.full]
        config.exclude = ["accueil"]
        // Vocalia's remote facet is unknown: kept; Assistéo's offer is on site and excluded by word anyway.
        #expect(Set(titles(try DigestBuilder(store: store, config: config).build(since: nil)))
            == ["Téléconseiller H/F", "Conseiller clientèle"])
        config = DigestConfig()
        config.excludePayPerAct = true
        config.contracts = [.cdi]
        #expect(!titles(try DigestBuilder(store: store, config: config).build(since: nil)).contains("Conseiller clientèle"))
    }

    @Test func seamsGroupDuplicatesAndOrderEmployersByScore() throws {
        let folder = TemporaryFolder()
        let store = try Self.storeWithDuplicate(folder)
        let seams = DigestSeams(employer: { name in
            switch EmployerResolver.key(name) {
            case "domicall": return DigestEmployer(name: "Domicall", score: 2.1, low: 1.5, high: 2.8, reviewCount: 40,
                flags: ["late payments"])
            case "assisteo": return DigestEmployer(name: "Assistéo", score: 4.2, low: 3.6, high: 4.6, reviewCount: 12)
            default: return nil
            }
        }, groupKey: { $0.offer.title == "Téléconseiller H/F" ? "group:teleconseiller" : "offer:\($0.id)" })
        var config = DigestConfig()
        let digest = try DigestBuilder(store: store, config: config, seams: seams).build(since: nil)
        #expect(digest.sections.map(\.employer.name) == ["Assistéo", "Domicall", "Vocalia Services"])
        let domicall = digest.sections[1]
        #expect(domicall.offers.count == 1)
        #expect(Set(domicall.offers[0].links.map(\.source)) == ["board", "other"])
        config.minScore = 3
        let strict = try DigestBuilder(store: store, config: config, seams: seams).build(since: nil)
        #expect(strict.sections.map(\.employer.name) == ["Assistéo", "Vocalia Services"])
        let text = DigestFormat.text.render(digest, language: .en)
        #expect(text.contains("2.1/5 [1.5–2.8], 40 reviews"))
        #expect(text.contains("⚑ late payments"))
    }

    @Test func problemsOfTheLastCrawlComeFirst() throws {
        let folder = TemporaryFolder()
        let store = try Self.store(folder)
        let run = try store.beginRun()
        var failed = SourceOutcome(source: "board")
        failed.status = "blocked"
        failed.blocked = "captcha on https://jobs.example/board"
        var fine = SourceOutcome(source: "other")
        fine.status = "ok"
        try store.finishRun(run, status: "partial", outcomes: [failed, fine])
        let digest = try DigestBuilder(store: store, config: DigestConfig()).build(since: nil)
        #expect(digest.problems.map(\.source) == ["board"])
        for format in DigestFormat.allCases {
            let text = format.render(digest, language: .fr)
            #expect(text.contains(format == .markdown ? "captcha on https://jobs\\.example/board"
                : "captcha on https://jobs.example/board"), "\(format)")
        }
        let fr = DigestFormat.text.render(digest, language: .fr)
        #expect(fr.contains("board a été bloquée"))
        let marker = fr.range(of: "a été bloquée")!.lowerBound
        #expect(marker < fr.range(of: "Téléconseiller")!.lowerBound)
    }

    @Test func payPerActStandsOut() throws {
        let folder = TemporaryFolder()
        let store = try Self.store(folder)
        let digest = try DigestBuilder(store: store, config: DigestConfig()).build(since: nil)
        let vocalia = digest.sections.first { $0.employer.name == "Vocalia Services" }!.offers[0]
        #expect(vocalia.pay.perAct)
        #expect(DigestFormat.text.render(digest, language: .en).contains("⚠ PAY PER ACT"))
        #expect(DigestFormat.html.render(digest, language: .fr).contains("⚠ PAYÉ À L&#39;ACTE"))
        #expect(DigestLabels.Language.fromEnvironment(["LANG": "fr_FR.UTF-8"]) == .fr)
        #expect(DigestLabels.Language.fromEnvironment(["LC_ALL": "C", "LANG": "fr_FR.UTF-8"]) == .en)
    }
}
