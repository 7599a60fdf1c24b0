import Foundation
import GRDB
import Testing
@testable import HomeshoreKit

/// robots.txt, conditional requests and silent breakage, against the loopback fault site.
@Suite struct PolitenessCrawlTests {
    typealias Run = CrawlFaultTests.Run
    /// A line that changes the source's recipe (and extracts the same titles).
    static let changedRecipe = "    detail:\n      title: \"css: h1\""

    @Test func aDisallowedURLIsReportedAndNeverFetched() async throws {
        let run = try Run()
        run.site.robots("User-agent: *\nDisallow: /offers/3.html\n\nUser-agent: OtherBot\nDisallow: /\n")
        let outcome = try await run.crawl()
        #expect(run.site.hitCount("/offers/3.html") == 0)
        #expect(run.site.hitCount("/robots.txt") == 1)
        #expect(outcome.disallowed == 1)
        #expect(outcome.warnings.contains { $0.contains("/offers/3.html: disallowed by robots.txt") })
        #expect(outcome.status == "ok")
        // What the listing said of offer 3 is kept; its page was not read.
        #expect(try run.store.offers().contains { $0.offer.sourceID == "O-3" })
    }

    @Test func robotsIsCachedAcrossRuns() async throws {
        let run = try Run()
        _ = try await run.crawl()
        _ = try await run.crawl()
        #expect(run.site.hitCount("/robots.txt") == 1)
    }

    @Test func aMissingRobotsAllowsEverything() async throws {
        let run = try Run()
        run.site.robots(nil)  // 404
        let outcome = try await run.crawl()
        #expect(outcome.status == "ok")
        #expect(try run.store.offers().count == 5)
    }

    @Test(arguments: [401, 403, 410])
    func robotsAnsweringA4xxAllowsEverything(_ status: Int) async throws {
        let run = try Run()
        run.site.fault("/robots.txt") { _, _ in .html("no", status: status) }
        let outcome = try await run.crawl()
        #expect(outcome.status == "ok", "\(outcome.errors)")
    }

    @Test(arguments: [429, 500, 503])
    func robotsFailingDisallowsTheHostForThisRunOnly(_ status: Int) async throws {
        let run = try Run()
        run.site.fault("/robots.txt") { hit, _ in hit == 1 ? .html("busy", status: status) : nil }
        let outcome = try await run.crawl()
        #expect(run.site.hitCount("/list.html") == 0)
        #expect(outcome.status == "failed")
        #expect(outcome.errors.contains { $0.contains("/list.html: not fetched") && $0.contains("robots.txt answered HTTP \(status)") })
        // Not remembered as a success: the next run asks again and crawls.
        let again = try await run.crawl()
        #expect(run.site.hitCount("/robots.txt") == 2)
        #expect(again.status == "ok")
        #expect(try run.store.offers().count == 5)
    }

    @Test func aCrawlDelayOver30SecondsSkipsTheHost() async throws {
        let run = try Run()
        run.site.robots("User-agent: *\nCrawl-delay: 60\n")
        let outcome = try await run.crawl()
        #expect(run.site.hitCount("/list.html") == 0)
        #expect(outcome.status == "failed")
        #expect(outcome.errors.contains { $0.contains("Crawl-delay of 60 s") })
    }

    @Test func aModestCrawlDelayIsHonoured() async throws {
        let run = try Run(offers: 2)
        run.site.robots("User-agent: Homeshore\nCrawl-delay: 0.3\n")
        _ = try await run.crawl()
        let starts = (["/list.html"] + (1...2).map { "/offers/\($0).html" }).flatMap { run.site.hitTimes($0) }.sorted()
        #expect(starts.count == 3)
        for (a, b) in zip(starts, starts.dropFirst()) { #expect(b.timeIntervalSince(a) >= 0.28) }
    }

    @Test func robotsIgnoreIsWarnedAtEveryRun() async throws {
        let run = try Run()
        run.site.robots("User-agent: *\nDisallow: /\n")
        let outcome = try await run.crawl(extra: "    robots: ignore")
        #expect(run.site.hitCount("/robots.txt") == 0)
        #expect(outcome.status == "ok")
        #expect(outcome.warnings.first?.contains("robots: ignore is set") == true)
        let again = try await run.crawl(extra: "    robots: ignore")
        #expect(again.warnings.first?.contains("robots: ignore is set") == true)
    }

    /// 150 offers: more pages than one batch of the HTTP cache's writes, all of them stored by the crawl's end.
    @Test func anUnchangedSiteAnswers304AndIsNotParsedAgain() async throws {
        let run = try Run(offers: 150)
        let first = try await run.crawl()
        #expect(first.pages == 151)
        #expect(first.notModified == 0)
        #expect(try await run.store.httpCache().pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM pages") } == 151)
        let second = try await run.crawl()
        #expect(second.status == "ok")
        #expect(second.notModified == 151)
        #expect(Double(second.notModified) >= 0.99 * Double(second.pages))
        #expect(Double(second.bytes) <= 0.02 * Double(first.bytes))
        #expect(second.offersSeen == 150)
        #expect(second.offersNew == 0)
        #expect(try run.store.offers().count == 150)
    }

    /// After a 304 the stored extraction is reused; when it does not decode (cut, or written by another version),
    /// the page, whose body is not kept, is asked for again in full and extracted again.
    @Test func anUnchangedPageWhoseStoredExtractionDoesNotDecodeIsFetchedAgain() async throws {
        let run = try Run()
        let first = try await run.crawl()
        try await run.store.httpCache().pool.write { db in
            try db.execute(sql: "UPDATE pages SET derived = X'7B'")  // "{": the key still matches, the JSON is cut
        }
        let second = try await run.crawl()
        #expect(second.status == "ok", "\(second.errors)")
        #expect(second.notModified == 6)
        #expect(second.pages == 6 && second.bytes == first.bytes)
        #expect(run.site.hitCount("/list.html") == 3 && run.site.hitCount("/offers/3.html") == 3)
        #expect(second.offersSeen == 5)
        #expect(second.offersUpdated == 0)
        #expect(try run.titles() == CrawlFaultTests.allTitles)
        // Extracted and stored again: the next crawl reuses it.
        let third = try await run.crawl()
        #expect(third.notModified == 6 && third.bytes == 0 && third.offersSeen == 5 && third.offersUpdated == 0)
    }

    /// The HTTP cache keeps what a recipe extracted, not the page: after the recipe changes, its pages are asked for
    /// without validators (a 304 would leave nothing to extract) and extracted by the new recipe, once.
    @Test func aChangedRecipeFetchesItsPagesInFullOnce() async throws {
        let run = try Run()
        let first = try await run.crawl()
        let second = try await run.crawl(extra: Self.changedRecipe)
        #expect(second.status == "ok", "\(second.errors)")
        #expect(second.notModified == 0)
        #expect(second.pages == 6 && second.bytes == first.bytes)
        #expect(second.offersSeen == 5 && second.offersNew == 0)
        #expect(try run.titles() == CrawlFaultTests.allTitles)
        let third = try await run.crawl(extra: Self.changedRecipe)
        #expect(third.notModified == 6 && third.bytes == 0 && third.offersSeen == 5 && third.offersUpdated == 0)
        // The pages' bodies were never written.
        let kept = try await run.store.httpCache().pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM pages WHERE length(body) > 0 OR body_size > 0")
        }
        #expect(kept == 0)
    }

    /// Stored extractions written as JSON by an earlier version are reused after a 304, and stored again in the
    /// compact form.
    @Test func storedExtractionsWrittenAsJSONAreReusedAndStoredAgainCompact() async throws {
        let run = try Run()
        _ = try await run.crawl()
        let cache = try run.store.httpCache()
        let compact = try await cache.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT url, derived_key, derived FROM pages").map {
                (url: $0["url"] as String, key: $0["derived_key"] as String, derived: [UInt8]($0["derived"] as Data))
            }
        }
        #expect(compact.count == 6)
        try await cache.pool.write { db in
            for row in compact {
                let json: Data
                if row.key.hasSuffix(".listing") {
                    json = try JSONEncoder().encode(try #require(ListingExtraction.stored(row.derived)).value)
                } else {
                    json = try JSONEncoder().encode(try #require(DetailExtraction.stored(row.derived)).value)
                }
                #expect(json.first == UInt8(ascii: "{"))
                try db.execute(sql: "UPDATE pages SET derived = ? WHERE url = ?", arguments: [json, row.url])
            }
        }
        let second = try await run.crawl()
        #expect(second.status == "ok", "\(second.errors)")
        #expect(second.notModified == 6)
        #expect(second.offersSeen == 5)
        #expect(second.offersUpdated == 0)
        #expect(second.offersNew == 0)
        #expect(try run.titles() == CrawlFaultTests.allTitles)
        let rewritten = try await cache.pool.read { db in try Data.fetchAll(db, sql: "SELECT derived FROM pages") }
        #expect(rewritten.count == 6)
        #expect(rewritten.allSatisfy { [UInt8]($0).starts(with: ExtractionRecord.magic) })
        let third = try await run.crawl()
        #expect(third.notModified == 6 && third.offersUpdated == 0 && third.offersSeen == 5)
    }

    /// A server that answers 304 whether the request was conditional or not: the page fails with that said, once,
    /// and the rest of the crawl goes on (asked again in full, it would be asked forever).
    @Test func a304ToARequestWithoutValidatorsIsAnError() async throws {
        let run = try Run()
        _ = try await run.crawl()
        run.site.fault("/offers/2.html") { _, _ in LoopbackServer.Response(status: 304, headers: [("ETag", "\"x\"")]) }
        // A changed recipe: no request is conditional.
        let second = try await run.crawl(extra: Self.changedRecipe)
        #expect(second.status == "partial")
        #expect(second.errors == [run.site.base + "/offers/2.html: HTTP 304 Not Modified to a request that was not conditional"])
        #expect(run.site.hitCount("/offers/2.html") == 2)
        #expect(second.offersSeen == 5)
        // Its stored extraction cut: asked conditionally (304, nothing to reuse), then in full (304 again).
        try await run.store.httpCache().pool.write { db in
            try db.execute(sql: "UPDATE pages SET derived = X'7B' WHERE url LIKE '%/offers/3.html'")
        }
        run.site.fault("/offers/3.html") { _, _ in LoopbackServer.Response(status: 304, headers: [("ETag", "\"x\"")]) }
        let third = try await run.crawl(extra: Self.changedRecipe)
        #expect(third.errors.contains(run.site.base + "/offers/3.html: HTTP 304 Not Modified to a request that was not conditional"))
        #expect(run.site.hitCount("/offers/3.html") == 4)
        #expect(try run.store.offers().count == 5)
    }

    /// A detail page unchanged (304) under a listing that changed: the offer is completed again from the new
    /// listing item, not taken from what the stored extraction completed last time.
    @Test func anUnchangedPageUnderAChangedListingItemIsCompletedAgain() async throws {
        let run = try Run()
        _ = try await run.crawl()
        let listing = run.site.listing().replacingOccurrences(of: "data-id=\"O-2\"", with: "data-id=\"O-2b\"")
        run.site.fault("/list.html") { _, request in FaultSite.conditional(.html(listing), request) }
        let second = try await run.crawl()
        #expect(second.notModified == 5)
        #expect(second.offersNew == 1)
        let ids = Set(try run.store.offers().compactMap(\.offer.sourceID))
        #expect(ids.contains("O-2b"))
        let third = try await run.crawl()
        #expect(third.notModified == 6 && third.offersNew == 0 && third.offersUpdated == 0 && third.offersSeen == 5)
        let offer = try #require(try run.store.offers().first { $0.offer.sourceID == "O-2b" })
        #expect(offer.offer.title == "Téléconseiller à domicile n°2 H/F")
        #expect(offer.offer.url == run.site.base + "/offers/2.html")
    }

    @Test func aChangedPageIsFetchedAndParsedAgain() async throws {
        let run = try Run()
        _ = try await run.crawl()
        run.site.fault("/offers/2.html") { _, request in
            FaultSite.conditional(.html(FaultSite.offerPage(2).replacingOccurrences(of: "n°2 H/F", with: "n°2 (F/H)")), request)
        }
        let second = try await run.crawl()
        #expect(second.notModified == 5)
        #expect(second.offersUpdated == 1)
        #expect(try run.titles().contains("Téléconseiller à domicile n°2 (F/H)"))
    }

    @Test func aSourceThatStopsYieldingLooksBroken() async throws {
        let run = try Run()
        _ = try await run.crawl()
        run.site.showItems(0)
        let outcome = try await run.crawl()
        #expect(outcome.status == "broken")
        #expect(outcome.broken == "recipe may be broken: 0 offers from 1 pages, 5 last run")
        #expect(try run.store.offers().count == 5)
    }

    @Test func aFieldEmptyOnMostItemsLooksBroken() async throws {
        let run = try Run()
        let redesigned = run.site.listing().replacingOccurrences(of: "class=\"company\"", with: "class=\"employer\"")
        run.site.fault("/list.html") { _, _ in .html(redesigned) }
        let outcome = try await run.crawl()
        #expect(outcome.status == "broken")
        #expect(outcome.broken == "recipe may be broken: 'employer' empty on 5 of 5 items")
    }
}
