import Foundation
import Testing
@testable import HomeshoreKit

/// Each fault of the issue, against a loopback server: the crawl finishes, reports the fault for its source and
/// URL, stores everything it could, and loses nothing stored before.
@Suite struct CrawlFaultTests {
    struct Run {
        let site: FaultSite
        let folder = TemporaryFolder()
        let store: OfferStore
        init(offers: Int = 5) throws {
            site = try FaultSite(offers: offers)
            store = try OfferStore(folder: folder.path)
        }
        func crawl(_ options: CrawlOptions = .fastForTests, extra: String = "") async throws -> SourceOutcome {
            let report = try await Crawler(config: try site.config(extra: extra), store: store, options: options).run()
            return report.outcomes[0]
        }
        func titles() throws -> Set<String> { Set(try store.offers().compactMap(\.offer.title)) }
    }

    static let allTitles = Set((1...5).map { "Téléconseiller à domicile n°\($0) H/F" })

    @Test(arguments: [500, 502, 503, 504])
    func serverErrorsAreRetriedThenSucceed(_ status: Int) async throws {
        let run = try Run()
        run.site.fault("/offers/2.html") { hit, _ in hit <= 2 ? .html("oops", status: status) : nil }
        let outcome = try await run.crawl()
        #expect(outcome.status == "ok", "\(outcome.errors)")
        #expect(run.site.hitCount("/offers/2.html") == 3)
        #expect(try run.titles() == Self.allTitles)
    }

    @Test func serverErrorsThatPersistAreReportedWithTheURL() async throws {
        let run = try Run()
        _ = try await run.crawl()
        run.site.fault("/offers/2.html") { _, _ in .html("down", status: 500) }
        let outcome = try await run.crawl()
        #expect(outcome.status == "partial")
        #expect(run.site.hitCount("/offers/2.html") == 1 + 3)  // first crawl, then one try and two retries
        #expect(outcome.errors.count == 1)
        #expect(outcome.errors.first?.contains("/offers/2.html: HTTP 500 after 2 retries") == true)
        #expect(try run.titles() == Self.allTitles)  // nothing lost
    }

    @Test func tooManyRequestsHonoursRetryAfter() async throws {
        let run = try Run()
        run.site.fault("/offers/3.html") { hit, _ in
            hit == 1 ? LoopbackServer.Response(status: 429, headers: [("Retry-After", "1")], body: Array("slow down".utf8)) : nil
        }
        let outcome = try await run.crawl()
        #expect(outcome.status == "ok", "\(outcome.errors)")
        let times = run.site.hitTimes("/offers/3.html")
        #expect(times.count == 2)
        if times.count == 2 { #expect(times[1].timeIntervalSince(times[0]) >= 0.95) }
    }

    @Test func retryAfterAsAnHTTPDate() {
        let now = Date(timeIntervalSince1970: 1_796_000_000)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let later = formatter.string(from: now.addingTimeInterval(90))
        #expect(PoliteFetcher.retryAfter(later, now: now) == 90)
        #expect(PoliteFetcher.retryAfter("30", now: now) == 30)
        #expect(PoliteFetcher.retryAfter("soon", now: now) == nil)
    }

    @Test func aLongRetryAfterGivesUpForThisRun() async throws {
        let run = try Run()
        run.site.fault("/offers/1.html") { _, _ in
            LoopbackServer.Response(status: 429, headers: [("Retry-After", "3600")], body: [])
        }
        let outcome = try await run.crawl()
        #expect(outcome.status == "blocked")
        #expect(outcome.blocked?.contains("asked to wait 3600 s") == true)
        #expect(run.site.hitCount("/offers/1.html") == 1)
    }

    @Test func connectionRefused() async throws {
        let run = try Run()
        _ = try await run.crawl()
        let port = run.site.server.port
        run.site.server.stop()
        let outcome = try await run.crawl()
        #expect(outcome.status == "failed")
        #expect(outcome.errors.first?.contains("127.0.0.1:\(port)") == true)
        #expect(try run.titles() == Self.allTitles)
    }

    @Test func connectionResetMidBody() async throws {
        let run = try Run()
        run.site.fault("/offers/4.html") { _, _ in
            LoopbackServer.Response(status: 200, headers: [("Content-Type", "text/html")],
                body: Array(FaultSite.offerPage(4).utf8), behaviour: .resetAfter(bytes: 100))
        }
        let outcome = try await run.crawl()
        #expect(outcome.status == "partial")
        #expect(outcome.errors.first?.contains("/offers/4.html") == true)
        // The listing's own fields of offer 4 are kept.
        let stored = try run.store.offers()
        #expect(stored.count == 5)
        #expect(stored.contains { $0.offer.sourceID == "O-4" && $0.offer.title == "Téléconseiller n°4" })
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        let run = try Run()
        run.site.fault("/offers/5.html") { _, _ in LoopbackServer.Response(status: 200, behaviour: .silent) }
        var options = CrawlOptions.fastForTests
        options.totalTimeout = 1
        let outcome = try await run.crawl(options)
        #expect(outcome.status == "partial")
        #expect(outcome.errors.first?.contains("/offers/5.html") == true)
        #expect(try run.store.offers().count == 5)
    }

    @Test func aTricklingBodyIsAbortedAsStalled() async throws {
        let run = try Run()
        run.site.fault("/offers/1.html") { _, _ in
            LoopbackServer.Response(status: 200, body: Array(FaultSite.offerPage(1).utf8), behaviour: .trickle(interval: 0.5))
        }
        var options = CrawlOptions.fastForTests
        options.totalTimeout = 30  // only the low-speed limit may stop it
        let outcome = try await run.crawl(options)
        #expect(outcome.status == "partial")
        #expect(outcome.errors.first?.contains("/offers/1.html") == true)
        #expect(outcome.errors.first?.contains("stalled") == true || outcome.errors.first?.contains("slow") == true,
            "\(outcome.errors)")
    }

    @Test func aGzipBodyCutShortIsAnError() async throws {
        let run = try Run()
        let gzip = Deflate.gzip(Array(FaultSite.offerPage(2).utf8))
        run.site.fault("/offers/2.html") { _, _ in
            LoopbackServer.Response(status: 200, headers: [("Content-Encoding", "gzip"), ("Content-Type", "text/html")],
                body: gzip, behaviour: .resetAfter(bytes: gzip.count / 2))
        }
        let outcome = try await run.crawl()
        #expect(outcome.status == "partial")
        #expect(outcome.errors.first?.contains("/offers/2.html") == true)
        #expect(try run.store.offers().count == 5)
    }

    /// A complete HTTP message whose gzip stream lacks its end is decoded as far as it goes (libcurl is lenient
    /// here, as browsers are); what matters is that nothing breaks and the page's own damage shows.
    @Test func aTruncatedGzipStreamInACompleteMessageIsReadAsFarAsItGoes() async throws {
        let run = try Run()
        var page = FaultSite.offerPage(2)
        page = page.replacingOccurrences(of: "<script type=\"application/ld+json\">", with: "<body><p>x</p><script type=\"application/ld+json\">")
        let gzip = Deflate.gzip(Array(page.utf8))
        run.site.fault("/offers/2.html") { _, _ in
            LoopbackServer.Response(status: 200, headers: [("Content-Encoding", "gzip"), ("Content-Type", "text/html")],
                body: Array(gzip.prefix(gzip.count * 2 / 3)))
        }
        let outcome = try await run.crawl()
        #expect(outcome.pages == 6)
        #expect(try run.store.offers().count == 5)
    }

    @Test func aGzipBombStopsAtTheBodyCap() async throws {
        let run = try Run()
        let bomb = Deflate.gzip([UInt8](repeating: 0x20, count: 40 << 20))  // 40 MiB of spaces, about 40 KB on the wire
        #expect(bomb.count < 100_000)
        run.site.fault("/offers/3.html") { _, _ in
            LoopbackServer.Response(status: 200, headers: [("Content-Encoding", "gzip"), ("Content-Type", "text/html")], body: bomb)
        }
        let outcome = try await run.crawl()
        #expect(outcome.errors.first?.contains("/offers/3.html") == true)
        #expect(outcome.errors.first?.contains("1048576") == true || outcome.errors.first?.contains("1 MiB") == true
            || outcome.errors.first?.contains("cap") == true, "\(outcome.errors)")
    }

    @Test func aBodyOverTheCapWithoutContentLength() async throws {
        let run = try Run()
        let big = Array(String(repeating: "<p>bla</p>", count: 200_000).utf8)  // 2 MB
        run.site.fault("/offers/1.html") { _, _ in LoopbackServer.Response(status: 200, body: big, behaviour: .chunked(size: 16_384)) }
        let outcome = try await run.crawl()
        #expect(outcome.errors.first?.contains("/offers/1.html") == true)
        #expect(try run.store.offers().count == 5)
    }

    @Test func redirectLoopsAndForeignSchemesAreRefused() async throws {
        let run = try Run()
        run.site.fault("/offers/1.html") { _, _ in .redirect(to: "/offers/1.html") }
        run.site.fault("/offers/2.html") { _, _ in .redirect(to: "file:///etc/passwd") }
        run.site.fault("/offers/3.html") { _, _ in .redirect(to: "ftp://127.0.0.1/x") }
        let outcome = try await run.crawl()
        let errors = outcome.errors.joined(separator: "\n")
        #expect(outcome.errors.count == 3, "\(errors)")
        #expect(errors.contains("redirect"))
        #expect(try run.store.offers().count == 5)
    }

    @Test func invalidUTF8AndAWrongCharsetHeaderComeOutRight() async throws {
        let run = try Run()
        // windows-1252 bytes, announced as UTF-8 by the header: mislabelled.
        let cp1252 = FaultSite.offerPage(1).replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "")
        let bytes = Array(cp1252.data(using: .windowsCP1252)!)
        run.site.fault("/offers/1.html") { _, _ in
            LoopbackServer.Response(status: 200, headers: [("Content-Type", "text/html; charset=utf-8")], body: bytes)
        }
        // Invalid UTF-8 with no declaration at all.
        let latin = Array(FaultSite.offerPage(2).replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "")
            .data(using: .isoLatin1)!)
        run.site.fault("/offers/2.html") { _, _ in
            LoopbackServer.Response(status: 200, headers: [("Content-Type", "text/html")], body: latin)
        }
        let outcome = try await run.crawl()
        #expect(outcome.status == "ok", "\(outcome.errors)")
        #expect(try run.titles() == Self.allTitles)
    }

    @Test func anEmptyPageIsAnErrorNotZeroOffers() async throws {
        let run = try Run()
        _ = try await run.crawl()
        run.site.fault("/list.html") { _, _ in .html("") }
        let outcome = try await run.crawl()
        #expect(outcome.status == "failed")
        #expect(outcome.errors.first?.contains("empty page") == true)
        #expect(try run.titles() == Self.allTitles)
    }

    @Test func aChallengePageIsABlock() async throws {
        let run = try Run()
        _ = try await run.crawl()
        run.site.fault("/list.html") { _, _ in
            .html("<html><head><title>Just a moment...</title></head><body><noscript>Enable JavaScript and cookies to continue</noscript><script>window._cf_chl_opt={cType:'managed'}</script></body></html>", status: 200)
        }
        let outcome = try await run.crawl()
        #expect(outcome.status == "blocked")
        #expect(outcome.blocked?.contains("Cloudflare") == true)
        #expect(outcome.blocked?.contains("/list.html") == true)
        #expect(try run.titles() == Self.allTitles)
    }

    @Test func aPersistent403IsABlock() async throws {
        let run = try Run()
        run.site.fault("/list.html") { _, _ in .html("<h1>Forbidden</h1>", status: 403) }
        let outcome = try await run.crawl()
        #expect(outcome.status == "blocked")
        #expect(outcome.blocked?.contains("HTTP 403") == true)
    }
}
