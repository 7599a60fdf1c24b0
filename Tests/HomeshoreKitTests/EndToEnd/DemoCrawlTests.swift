import Foundation
import Testing
@testable import HomeshoreKit

/// Crawls the bundled demo sites from a loopback server with real libcurl, libxml2 and SQLite, then checks every
/// stored field against the sites' ground truth, and the CSV export against the database.
@Suite(.serialized) struct DemoCrawlTests {
    struct Expected: Decodable {
        var source: String
        var path: String
        var id: String?
        var title: String
        var employer: String
        var location: String
        var postal_code: String?
        var remote: String?
        var employment_type: [String]
        var contract: String?
        var salary_min: Double?
        var salary_max: Double?
        var salary_period: String?
        var currency: String?
        var posted: String?
        var valid_through: String?
        var description_start: String
        var cross_posted_with: String?
    }

    static func expected() throws -> [Expected] {
        let url = try DemoSites.folder.appendingPathComponent("expected-offers.json")
        return try JSONDecoder().decode([Expected].self, from: Data(contentsOf: url))
    }

    /// - Parameter groupingPart: offers grouped at a time as the crawl saves them (``CrawlOptions/groupingPart``).
    static func crawl(into folder: TemporaryFolder, groupingPart: Int? = nil) async throws
        -> (CrawlReport, OfferStore, DemoSites.Running)
    {
        let demo = try DemoSites.start()
        let store = try OfferStore(folder: folder.path)
        var options = CrawlOptions()
        options.delayOverride = 0
        if let groupingPart { options.groupingPart = groupingPart }
        let report = try await Crawler(config: demo.config, store: store, options: options).run()
        return (report, store, demo)
    }

    /// Crawled again unchanged (every page answered 304, its stored extraction reused), the demo gives every offer
    /// exactly as the first crawl stored it, facets included, and the second crawl's own stored extractions give
    /// them again at a third.
    @Test func anUnchangedRecrawlGivesTheSameOffers() async throws {
        let folder = TemporaryFolder()
        let (first, store, demo) = try await Self.crawl(into: folder)
        defer { demo.server.stop() }
        #expect(first.status == "ok", "\(first.outcomes.flatMap(\.errors))")
        func snapshot() throws -> [String] {
            try store.offers().map { "\($0.id) \($0.offer) \($0.facets) \($0.employerID ?? 0) \($0.firstSeen)" }.sorted()
        }
        let before = try snapshot()
        var options = CrawlOptions()
        options.delayOverride = 0
        for _ in 0..<2 {
            let again = try await Crawler(config: demo.config, store: store, options: options).run()
            #expect(again.status == "ok")
            let pages = again.outcomes.reduce(0) { $0 + $1.pages }
            #expect(again.outcomes.reduce(0) { $0 + $1.notModified } == pages)
            #expect(again.outcomes.allSatisfy { $0.offersNew == 0 && $0.offersUpdated == 0 })
            #expect(again.outcomes.reduce(0) { $0 + $1.offersSeen } == first.outcomes.reduce(0) { $0 + $1.offersSeen })
            #expect(try snapshot() == before)
        }
    }

    @Test func everyOfferAndEveryFieldComesOutRight() async throws {
        let folder = TemporaryFolder()
        let (report, store, demo) = try await Self.crawl(into: folder)
        defer { demo.server.stop() }
        #expect(report.status == "ok", "\(report.outcomes.flatMap(\.errors))")
        let expected = try Self.expected()
        let all = try store.offers()
        // The board sources' offers are exactly the ground truth; the feed source's are checked below against it.
        let stored = all.filter { $0.offer.source != "emploidomicile-rss" }
        #expect(stored.count == expected.count)
        for e in expected {
            let matches = stored.filter { $0.offer.source == e.source && URL(string: $0.offer.url)?.path == e.path }
            guard matches.count == 1, let s = matches.first else {
                Issue.record("\(e.source) \(e.path): found \(matches.count) offers")
                continue
            }
            let o = s.offer
            let what = "\(e.source) \(e.path)"
            #expect(o.sourceID == e.id, "\(what) id")
            #expect(o.title == e.title, "\(what) title")
            #expect(o.employer == e.employer, "\(what) employer")
            #expect(o.location == e.location, "\(what) location")
            #expect(o.postalCode == e.postal_code, "\(what) postal_code")
            #expect(o.remote == e.remote, "\(what) remote")
            #expect(s.facets.remote.value.rawValue == (e.remote ?? "unknown"), "\(what) remote facet")
            #expect(o.employmentType == e.employment_type, "\(what) employment_type")
            let contract = e.contract.flatMap(ContractText.normalise) ?? ContractText.fromEmploymentTypes(e.employment_type)
            #expect(o.contract == contract, "\(what) contract")
            if let contract {
                #expect(s.facets.contract.map(\.value.rawValue).contains(contract), "\(what) contract facet")
            }
            #expect(o.salaryMin == e.salary_min, "\(what) salary_min")
            #expect(o.salaryMax == e.salary_max, "\(what) salary_max")
            #expect(o.salaryPeriod == e.salary_period, "\(what) salary_period")
            #expect(o.currency == e.currency, "\(what) currency")
            #expect(o.posted == e.posted, "\(what) posted")
            #expect(o.validThrough == e.valid_through, "\(what) valid_through")
            let start = HTMLText.normalizeSpace(o.description ?? "").prefix(40)
            #expect(String(start) == e.description_start, "\(what) description")
        }
        // The board's RSS feed lists four of its offers; followed to their pages, they come out as the board's own.
        let fromFeed = all.filter { $0.offer.source == "emploidomicile-rss" }.map(\.offer)
        #expect(fromFeed.compactMap(\.sourceID).sorted() == ["ED-2041", "ED-2044", "ED-2045", "ED-2049"])
        for o in fromFeed {
            let path = URL(string: o.url)?.path ?? ""
            guard let e = expected.first(where: { $0.source == "emploidomicile" && $0.path == path }) else {
                Issue.record("feed offer \(o.url) is none of the board's")
                continue
            }
            #expect(o.sourceID == e.id, "feed \(path) id")
            #expect(o.title == e.title, "feed \(path) title")
            #expect(o.employer == e.employer, "feed \(path) employer")
            #expect(o.location == e.location, "feed \(path) location")
            #expect(o.postalCode == e.postal_code, "feed \(path) postal_code")
            #expect(o.salaryMin == e.salary_min && o.salaryPeriod == e.salary_period, "feed \(path) salary")
            #expect(o.posted == e.posted, "feed \(path) posted")
            #expect(String(HTMLText.normalizeSpace(o.description ?? "").prefix(40)) == e.description_start,
                "feed \(path) description")
        }
        // Per-source figures add up.
        let byName = Dictionary(uniqueKeysWithValues: report.outcomes.map { ($0.source, $0) })
        #expect(byName["telejobs"]?.pages == 3 + 18)
        #expect(byName["telejobs"]?.offersNew == 18)
        #expect(byName["emploidomicile"]?.offersNew == 11)
        #expect(byName["emploidomicile-rss"]?.pages == 1 + 4)
        #expect(byName["emploidomicile-rss"]?.offersNew == 4)
        #expect(report.outcomes.allSatisfy { $0.errors.isEmpty })
        // The malformed JSON-LD block is reported, not fatal.
        #expect(byName["emploidomicile"]?.warnings.contains { $0.contains("JSON-LD") } == true)
    }

    @Test func crossPostedOffersAreGroupedAndSameEmployerSameTownJobsStayApart() async throws {
        let folder = TemporaryFolder()
        let (_, store, demo) = try await Self.crawl(into: folder)
        defer { demo.server.stop() }
        let stored = try store.offers()
        func find(_ source: String, _ path: String) -> StoredOffer? {
            stored.first { $0.offer.source == source && URL(string: $0.offer.url)?.path == path }
        }
        #expect(stored.allSatisfy { $0.groupID != nil })
        var pairs = 0
        for e in try Self.expected() {
            guard let cross = e.cross_posted_with, let colon = cross.firstIndex(of: ":") else { continue }
            let a = find(e.source, e.path), b = find(String(cross[..<colon]), String(cross[cross.index(after: colon)...]))
            #expect(a != nil && b != nil && a?.groupID == b?.groupID, "\(e.source) \(e.path) and \(cross) are one job")
            pairs += 1
        }
        #expect(pairs == 10)  // 5 pairs, seen from both sides
        // The traps: the same employer in the same town, different jobs.
        let traps = [("telejobs", "/boards/telejobs/offers/tj-1001.html", "serviceclientpro", "/boards/serviceclientpro/offres/scp-302.html"),
                     ("telejobs", "/boards/telejobs/offers/tj-1006.html", "serviceclientpro", "/boards/serviceclientpro/offres/scp-303.html"),
                     ("telejobs", "/boards/telejobs/offers/tj-1009.html", "serviceclientpro", "/boards/serviceclientpro/offres/scp-304.html"),
                     ("telejobs", "/boards/telejobs/offers/tj-1002.html", "emploidomicile", "/boards/emploidomicile/annonces/superviseur-equipe-domicile-lille-2051.html")]
        for (s1, p1, s2, p2) in traps {
            let a = find(s1, p1), b = find(s2, p2)
            #expect(a != nil && b != nil, "\(p1) \(p2) found")
            #expect(a?.groupID != b?.groupID, "\(p1) and \(p2) are different jobs")
        }
        // One line per group, with every copy.
        var query = OfferQuery()
        query.onePerGroup = true
        let groups = try store.offers(matching: query)
        // The board's RSS feed lists four of its own offers: each is a copy of the board's offer at the same page.
        let feed = stored.filter { $0.offer.source == "emploidomicile-rss" }
        #expect(feed.count == 4)
        for copy in feed {
            let path = URL(string: copy.offer.url)?.path ?? ""
            let board = find("emploidomicile", path)
            #expect(board != nil && board?.groupID == copy.groupID, "feed copy of \(path) grouped with the board's")
        }
        #expect(groups.count == stored.count - 5 - feed.count)
        #expect(groups.reduce(0) { $0 + max(1, $1.copies.count) } == stored.count)
        // A second crawl groups nothing anew and keeps every group.
        let report = try await Crawler(config: demo.config, store: store, options: { var o = CrawlOptions(); o.delayOverride = 0; return o }()).run()
        #expect(report.status == "ok")
        #expect(try store.offers().map(\.groupID) == stored.map(\.groupID))
    }

    /// A first crawl groups its offers in parts as it saves them: in parts of three, its groups and blocking keys
    /// are those of grouping every offer at once, from scratch, afterwards.
    @Test func aFirstCrawlGroupingAsItSavesGroupsAsOneGroupingAfter() async throws {
        let folder = TemporaryFolder()
        let (report, store, demo) = try await Self.crawl(into: folder, groupingPart: 3)
        defer { demo.server.stop() }
        #expect(report.status == "ok")
        func snapshot() throws -> [String] {
            try store.pool.read { db in
                try String.fetchAll(db, sql: "SELECT offer_id || ':' || group_id FROM offer_groups ORDER BY offer_id")
                    + String.fetchAll(db, sql: "SELECT key || ':' || offer_id FROM dedup_keys ORDER BY key, offer_id")
            }
        }
        let crawled = try snapshot()
        let offers = try store.offers()
        #expect(offers.count > 30 && offers.allSatisfy { $0.groupID != nil })
        #expect(Set(offers.map(\.groupID)).count < offers.count, "copies share a group")
        try store.regroupAll()
        #expect(try snapshot() == crawled)
    }

    @Test func exportedCSVHoldsExactlyWhatTheDatabaseHolds() async throws {
        let folder = TemporaryFolder()
        let (_, store, demo) = try await Self.crawl(into: folder)
        defer { demo.server.stop() }
        let stored = try store.offers()
        for excel in [false, true] {
            let rows = try CSVReader.rows(OfferExport.csv(stored, excel: excel), separator: excel ? ";" : ",")
            #expect(rows.first == OfferExport.columns)
            #expect(rows.count == stored.count + 1)
            for (row, s) in zip(rows.dropFirst(), stored) {
                let record = OfferExport.record(s)
                for (column, cell) in zip(OfferExport.columns, row) {
                    let value = record[column] ?? nil
                    switch value {
                    case nil: #expect(cell == "", "\(column)")
                    case let d as Double: #expect(Double(cell) == d, "\(column)")
                    case let i as Int64: #expect(Int64(cell) == i, "\(column)")
                    case let text as String:
                        let neutralised = ["=", "+", "-", "@", "\t", "\r"].contains { text.hasPrefix($0) }
                        #expect(cell == (neutralised ? "'" + text : text), "\(column)")
                    default: Issue.record("unexpected value in \(column)")
                    }
                }
            }
        }
    }

    @Test func aSecondCrawlKeepsFirstSeenAndFindsNothingNew() async throws {
        let folder = TemporaryFolder()
        let (_, store, demo) = try await Self.crawl(into: folder)
        let before = try store.offers()
        var options = CrawlOptions()
        options.delayOverride = 0
        let again = try await Crawler(config: demo.config, store: store, options: options).run()
        demo.server.stop()
        #expect(again.outcomes.reduce(0) { $0 + $1.offersNew } == 0)
        let after = try store.offers()
        #expect(after.count == before.count)
        #expect(Set(after.map(\.firstSeen)) == Set(before.map(\.firstSeen)))
        #expect(try store.runs().count == 2)
    }

    @Test func aFailingSourceLosesNothingStoredBefore() async throws {
        let folder = TemporaryFolder()
        let (_, store, demo) = try await Self.crawl(into: folder)
        let before = try store.offers()
        demo.server.stop()  // every site is now unreachable
        var options = CrawlOptions()
        options.delayOverride = 0
        let report = try await Crawler(config: demo.config, store: store, options: options).run()
        #expect(report.status == "failed")
        #expect(report.exitCode == 1)
        #expect(report.outcomes.allSatisfy { !$0.errors.isEmpty && $0.errors[0].contains("127.0.0.1") })
        #expect(try store.offers() == before)
        #expect(try store.runs().first?.status == "failed")
    }
}
