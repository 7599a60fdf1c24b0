import Foundation
import HomeshoreKit

/// Crawl throughput: our crawler against a loopback site of detail pages, beside parse+store of the same bodies
/// without fetching. `serve` keeps the same site up for curl and Scrapy.
enum CrawlBench {
    /// The site's pages: about 28 KB each, each with a JSON-LD JobPosting of its own identifier.
    static func bodies(count: Int, seed: UInt64 = 7) -> [[UInt8]] {
        var rng = SeededRandom(seed: seed)
        return (0..<count).map { i in Array(JobPages.detail(id: i, size: rng.int(26_000...30_000), rng: &rng).utf8) }
    }

    static func path(_ i: Int) -> String { "/offres/\(i).html" }

    static func server(bodies: [[UInt8]]) throws -> LoopbackServer {
        try LoopbackServer { request in
            let name = request.path
            guard name.hasPrefix("/offres/"), name.hasSuffix(".html"),
                let i = Int(name.dropFirst(8).dropLast(5)), bodies.indices.contains(i)
            else { return .notFound() }
            return LoopbackServer.Response(status: 200, headers: [("Content-Type", "text/html; charset=utf-8")], body: bodies[i])
        }
    }

    static func config(urls: [String]) throws -> SourcesConfig {
        let list = urls.map { "\"\($0)\"" }.joined(separator: ", ")
        let yaml = """
            version: 1
            defaults: {delay: 0s, per_host: 32, every: 24h, max_pages: 1}
            sources:
              - name: bench
                kind: offers
                start: [\(list)]

            """
        return try ConfigLoader.parse(yaml, file: "bench-sources.yaml")
    }

    static func temporaryFolder() -> String {
        let folder = NSTemporaryDirectory() + "homeshore-bench-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// `crawl N [--base URL] [--reps R]`: with `--base`, crawls a `serve N` process instead of a server of its own.
    static func run(count: Int, base: String?, reps: Int, only: String? = nil) async throws {
        let bodies = bodies(count: count)
        let bytes = bodies.reduce(0) { $0 + $1.count }
        let mb = Double(bytes) / 1e6
        var local: LoopbackServer?
        if base == nil { local = try server(bodies: bodies) }
        let root = base ?? local!.baseURL
        let urls = (0..<count).map { root + path($0) }
        let config = try config(urls: urls)
        print("crawl: \(count) pages, \(Measure.fmt(mb)) MB, server \(base == nil ? "in-process" : root), "
            + "resident after loading \(Measure.fmt(Measure.residentMB)) MB, best of \(reps)")

        // Our crawler, fetching.
        Measure.resetPeak()
        var crawlBest = Double.infinity
        var crawlCPU = 0.0
        var stored = 0
        var pagesFetched = 0
        var waiting = 0
        for _ in 0..<(only == "store" ? 0 : reps) {
            let folder = temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let store = try OfferStore(path: folder + "/bench.sqlite")
            var options = CrawlOptions()
            options.delayOverride = 0
            options.perHostOverride = 32
            options.maxConnections = 32
            let crawler = Crawler(config: config, store: store, options: options)
            let start = Measure.now()
            let cpu = Measure.cpu()
            let report = try await crawler.run()
            let seconds = Measure.now() - start
            if seconds < crawlBest {
                crawlBest = seconds
                crawlCPU = Measure.cpu() - cpu
                stored = try store.offerCount()
                pagesFetched = report.pages
                waiting = report.mostWaitingBytes
            }
            let errors = report.outcomes.reduce(0) { $0 + $1.errors.count }
            if errors > 0 { print("  crawl errors: \(errors), first: \(report.outcomes.first?.errors.first ?? "")") }
        }
        let crawlPeak = Measure.peakMB
        if only != "store" { print("our crawl: \(Measure.fmt(Double(pagesFetched) / crawlBest, 0)) pages/s, \(Measure.fmt(mb / crawlBest)) MB/s, "
            + "\(Measure.fmt(crawlBest, 2)) s, \(pagesFetched) pages, \(stored) offers stored, peak RSS \(Measure.fmt(crawlPeak)) MB, "
            + "processor \(Measure.fmt(crawlCPU, 2)) s (\(Measure.fmt(1e6 * crawlCPU / Double(max(1, pagesFetched)), 0)) µs a page\(base == nil ? ", server included" : "")), "
            + "at most \(Measure.fmt(Double(waiting) / 1e6)) MB of pages waiting for extraction") }
        local?.stop()
        if only == "crawl" { return }

        // The same bodies, already in memory: extraction and storing in batches of the crawl's size, one thread, then
        // grouping the new offers as the crawl does at its end.
        Measure.resetPeak()
        let extractor = PageExtractor(source: config.sources[0])
        let batchSize = 256
        var best = (total: Double.infinity, extract: 0.0, store: 0.0, stored: 0, cpu: 0.0, group: 0.0, phases: "")
        for _ in 0..<reps {
            let folder = temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let store = try OfferStore(path: folder + "/bench.sqlite")
            let run = try store.beginRun()
            var extractSeconds = 0.0, storeSeconds = 0.0, groupSeconds = 0.0, groupPhases = ""
            let start = Measure.now()
            let cpu = Measure.cpu()
            var batch: [Offer] = []
            for (i, body) in bodies.enumerated() {
                let t0 = Measure.now()
                let page = Page(url: urls[i], body: body, contentType: "text/html; charset=utf-8")
                batch.append(contentsOf: try extractor.listing(page).items.map(\.offer))
                let t1 = Measure.now()
                extractSeconds += t1 - t0
                if batch.count >= batchSize || i == bodies.count - 1 {
                    _ = try store.save(batch, run: run)
                    batch.removeAll(keepingCapacity: true)
                    storeSeconds += Measure.now() - t1
                }
            }
            // Grouping, as a crawl ends with it (Crawler.run): storing includes it.
            let t2 = Measure.now()
            let grouping = try store.assignGroups(employers: EmployerName())
            groupSeconds = Measure.now() - t2
            groupPhases = grouping.phases.map { "\($0.name) \(Measure.fmt($0.seconds, 3))" }.joined(separator: ", ")
            storeSeconds += groupSeconds
            let total = Measure.now() - start
            if total < best.total {
                best = (total, extractSeconds, storeSeconds, try store.offerCount(), Measure.cpu() - cpu, groupSeconds, groupPhases)
            }
        }
        print("parse+store (no fetch, 1 thread, grouping included): \(Measure.fmt(Double(count) / best.total, 0)) pages/s, "
            + "\(Measure.fmt(mb / best.total)) MB/s, \(Measure.fmt(best.total, 2)) s (extract \(Measure.fmt(best.extract, 2)) s, "
            + "store \(Measure.fmt(best.store, 2)) s of which grouping \(Measure.fmt(best.group, 2)) s), \(best.stored) offers stored, peak RSS \(Measure.fmt(Measure.peakMB)) MB, "
            + "processor \(Measure.fmt(best.cpu, 2)) s (\(Measure.fmt(1e6 * best.cpu / Double(count), 0)) µs a page)")
        if !best.phases.isEmpty { print("  grouping by part (s): \(best.phases)") }
        if only == "store" { return }
        print("ratio crawl time / parse+store time: \(Measure.fmt(crawlBest / best.total, 2))")
    }

    /// `serve N URLS.txt`: serves the site, writes its URLs to the file, prints the base URL, and stays up until
    /// killed or until its standard input closes.
    static func serve(count: Int, urlFile: String) throws -> Never {
        let server = try server(bodies: bodies(count: count))
        let urls = (0..<count).map { server.baseURL + path($0) }
        try (urls.joined(separator: "\n") + "\n").write(toFile: urlFile, atomically: true, encoding: .utf8)
        FileHandle.standardOutput.write(Data((server.baseURL + "\n").utf8))
        while true { sleep(3600) }
    }
}
