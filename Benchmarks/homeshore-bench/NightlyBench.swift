import Foundation
import HomeshoreKit

/// `nightly`: the whole night on the demo sites, end to end (due sources, crawl, digest written): a first run into
/// an empty cache, then a second run with nothing changed (`--force`, so that every source is crawled again and
/// answered 304 or unchanged), then a run as the timer makes it the same night (no source due: the digest alone).
/// Wall time and peak RSS of each.
enum NightlyBench {
    /// - Parameter forcedReps: how many times the forced second run is repeated after the first (its median and
    ///   range are printed too; a single run of ~10 ms moves by a third on this shared machine).
    static func run(forcedReps: Int = 1) async throws {
        let demo = try DemoSites.start()
        defer { demo.server.stop() }
        let folder = CrawlBench.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try OfferStore(folder: folder)
        var options = NightlyOptions()
        options.crawl.delayOverride = 0
        options.mail = false
        options.language = .en
        print("nightly: demo sites (\(demo.config.sources.count) sources), digest as HTML into \(folder)")
        var first: Double?
        let runs: [(String, Bool)] = [("first run", false), ("unchanged second run, forced", true),
                                      ("second run, nothing due", false)]
        for (label, force) in runs {
            options.force = force
            _ = Measure.resetPeak()
            let start = Measure.now()
            let report = try await Nightly(config: demo.config, store: store).run(options: options)
            let seconds = Measure.now() - start
            let pages = report.crawl?.pages ?? 0
            let notModified = report.crawl?.outcomes.reduce(0) { $0 + $1.notModified } ?? 0
            var line = "\(label): \(Measure.fmt(seconds * 1000, 0)) ms wall, peak RSS \(Measure.fmt(Measure.peakMB)) MB, "
                + "\(pages) pages (\(notModified) answered 304), \(report.digestOffers) offers in the digest"
            if let first { line += String(format: "; %.1f%% of the first run's time", 100 * seconds / first) }
            print(line)
            if first == nil { first = seconds }
        }
        guard forcedReps > 1, let first else { return }
        options.force = true
        var times: [Double] = []
        for _ in 0..<forcedReps {
            let start = Measure.now()
            _ = try await Nightly(config: demo.config, store: store).run(options: options)
            times.append(Measure.now() - start)
        }
        times.sort()
        let median = times[times.count / 2]
        print("forced run again \(forcedReps) times: median \(Measure.fmt(median * 1000, 1)) ms "
            + "(\(Measure.fmt(100 * median / first, 1))% of the first run), range \(Measure.fmt(times[0] * 1000, 1))-"
            + "\(Measure.fmt(times[times.count - 1] * 1000, 1)) ms")
    }
}
