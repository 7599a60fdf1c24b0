import Foundation
import HomeshoreKit

/// Conditional requests: a site whose pages carry ETags is crawled twice, unchanged; the second crawl should get
/// 304 for almost every page, download almost nothing, and parse nothing again.
enum RecrawlBench {
    static func run(count: Int) async throws {
        let bodies = CrawlBench.bodies(count: count)
        let etags = bodies.map { "\"\(Fingerprint.of($0))\"" }
        let server = try LoopbackServer { request in
            let name = request.path
            guard name.hasPrefix("/offres/"), name.hasSuffix(".html"),
                let i = Int(name.dropFirst(8).dropLast(5)), bodies.indices.contains(i)
            else { return .notFound() }
            if request.headers["if-none-match"] == etags[i] {
                return LoopbackServer.Response(status: 304, headers: [("ETag", etags[i])])
            }
            return LoopbackServer.Response(status: 200,
                headers: [("Content-Type", "text/html; charset=utf-8"), ("ETag", etags[i])], body: bodies[i])
        }
        defer { server.stop() }
        let config = try CrawlBench.config(urls: (0..<count).map { server.baseURL + CrawlBench.path($0) })
        let folder = CrawlBench.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try OfferStore(folder: folder)
        var options = CrawlOptions()
        options.delayOverride = 0
        options.perHostOverride = 32
        options.maxConnections = 32
        print("recrawl: \(count) pages with ETags, crawled twice, unchanged")
        var first: (seconds: Double, outcome: SourceOutcome)?
        for label in ["first crawl", "second crawl"] {
            let start = Measure.now()
            let report = try await Crawler(config: config, store: store, options: options).run()
            let seconds = Measure.now() - start
            let o = report.outcomes[0]
            var line = "\(label): \(Measure.fmt(seconds, 2)) s, \(o.pages) pages, \(o.notModified) answered 304, "
                + "\(Measure.fmt(Double(o.bytes) / 1e6, 2)) MB of bodies, \(o.offersSeen) offers (\(o.offersNew) new)"
            if let first {
                line += String(format: "; 304 share %.1f%%, bytes %.2f%% of the first, time %.1f%% of the first",
                    100 * Double(o.notModified) / Double(max(1, o.pages)),
                    100 * Double(o.bytes) / Double(max(1, first.outcome.bytes)), 100 * seconds / first.seconds)
            }
            print(line)
            if first == nil { first = (seconds, o) }
        }
    }
}
