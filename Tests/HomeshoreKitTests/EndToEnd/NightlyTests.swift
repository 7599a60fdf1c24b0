import Foundation
import Testing
@testable import HomeshoreKit

/// `nightly` on the demo sites: crawls what is due, writes the digest, skips what is not due, never overlaps.
@Suite(.serialized) struct NightlyTests {
    @Test func crawlsDueSourcesThenWritesTheDigest() async throws {
        let folder = TemporaryFolder()
        let demo = try DemoSites.start()
        defer { demo.server.stop() }
        let store = try OfferStore(folder: folder.path)
        var options = NightlyOptions()
        options.crawl.delayOverride = 0
        options.language = .en
        let nightly = Nightly(config: demo.config, store: store)
        let first = try await nightly.run(options: options)
        let crawlable = demo.config.sources.filter { $0.kind != .reviews }.map(\.name)
        #expect(first.due == crawlable)
        #expect(first.crawl?.status == "ok")
        #expect(first.exitCode == 0)
        #expect(first.digestOffers > 0)
        let html = try String(contentsOfFile: first.digestPath, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(first.digestPath == folder.path + "/digest.html")
        // An hour later nothing is due: no crawl, and the digest has nothing new.
        let second = try await nightly.run(options: options, now: Date().addingTimeInterval(3600))
        #expect(second.due.isEmpty)
        #expect(second.crawl == nil)
        #expect(second.notDue.count == crawlable.count)
        #expect(second.digestOffers == 0)
        // A day later everything is due again; --force crawls at once.
        let due = Nightly.dueSources(demo.config, lastSuccess: try store.lastSuccessfulRuns(),
            now: Date().addingTimeInterval(86_400), force: false)
        #expect(due.due == crawlable)
        options.force = true
        let forced = try await nightly.run(options: options)
        #expect(forced.due == crawlable)
        #expect(forced.crawl?.outcomes.allSatisfy { $0.offersNew == 0 } == true)
    }

    @Test func twoRunsNeverOverlap() async throws {
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        let config = try ConfigLoader.parse("version: 1\nsources: []\n", file: "s.yaml")
        let lock = try CrawlLock(folder: folder.path)
        await #expect(throws: CrawlError.self) { _ = try await Nightly(config: config, store: store).run() }
        withExtendedLifetime(lock) {}
    }

    @Test func failedSourcesStayDue() throws {
        let config = try ConfigLoader.parse("""
            version: 1
            sources:
              - {name: daily, start: ["https://a.example/"], every: 24h}
              - {name: weekly, start: ["https://b.example/"], every: 7d}
              - {name: never, start: ["https://c.example/"]}

            """, file: "s.yaml")
        let now = DateText.parse("2026-11-30T06:00:00Z")!
        let last = ["daily": now.addingTimeInterval(-86_400), "weekly": now.addingTimeInterval(-86_400)]
        let result = Nightly.dueSources(config, lastSuccess: last, now: now, force: false)
        #expect(result.due == ["daily", "never"])
        #expect(result.notDue.map(\.source) == ["weekly"])
    }
}
