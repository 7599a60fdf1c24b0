import Foundation
import HomeshoreKit

/// The nightly grouping step alone, on a copy of a store saved by `dedup` (HOMESHORE_DEDUP_SNAPSHOT=DIR): for
/// profiling and comparing it without saving 100,000 offers each time. `dump` gets each offer's group ("id group"
/// lines, after the first run), to check that a change groups the same. With DEDUP_WINDOW set, prints each step's
/// span on the monotonic clock ("window START END"), to keep only its samples of `perf record -k CLOCK_MONOTONIC`.
enum DedupNightlyBench {
    static func run(snapshot: String, reps: Int, dump: String?) throws {
        for rep in 0..<reps {
            let folder = NSTemporaryDirectory() + "homeshore-dedup-nightly-\(getpid())"
            try? FileManager.default.removeItem(atPath: folder)
            try FileManager.default.copyItem(atPath: snapshot, toPath: folder)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            sync()  // the copy's dirty pages would otherwise be written by the step's checkpoint
            var start = Measure.now()
            // The WAL as `dedup` left it, as in its own nightly step (a snapshot of an older schema is migrated
            // here, and the step's checkpoint then writes the migration's pages too: make the snapshot again).
            let store = try OfferStore(folder: folder)
            print("open (migrations) \(Measure.fmt(Measure.now() - start, 3)) s")
            Measure.trim()
            Measure.resetPeak()
            start = Measure.now()
            let cpu = Measure.cpu()
            let nightly = try store.assignGroups()
            if ProcessInfo.processInfo.environment["DEDUP_WINDOW"] != nil { print("window \(start) \(Measure.now())") }
            print("nightly add \(nightly.grouped) joined \(nightly.joined) stored compared \(nightly.candidatesLoaded) "
                + "seconds \(Measure.fmt(Measure.now() - start, 3)) cpu_seconds \(Measure.fmt(Measure.cpu() - cpu, 3)) "
                + "peak_rss_mb \(Measure.fmt(Measure.peakMB, 0))")
            print("  " + nightly.phases.map { "\($0.name) \(Measure.fmt(1000 * $0.seconds, 0)) ms" }.joined(separator: ", "))
            if rep == 0, let dump {
                let lines = try store.offers().map { "\($0.id) \($0.groupID ?? -1)" }.sorted()
                try (lines.joined(separator: "\n") + "\n").write(toFile: dump, atomically: true, encoding: .utf8)
            }
        }
    }
}
