import Foundation
import GRDB
import Testing
@testable import HomeshoreKit

/// Each source's latest run, as `sources list` and `nightly` read it, through its index.
@Suite struct LastOutcomesTests {
    @Test func eachSourceGetsItsLatestRunThroughTheIndex() throws {
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        func outcome(_ source: String, _ status: String, pages: Int) -> SourceOutcome {
            var o = SourceOutcome(source: source)
            o.status = status
            o.pages = pages
            return o
        }
        let day = 86_400.0
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        for night in 0..<30 {
            let run = try store.beginRun(at: start + Double(night) * day)
            // "avis" runs weekly; "telejobs" every night, failing on the last one.
            var outcomes = [outcome("telejobs", night == 29 ? "failed" : "ok", pages: night)]
            if night % 7 == 0 { outcomes.append(outcome("avis", "ok", pages: 100 + night)) }
            try store.finishRun(run, status: "ok", outcomes: outcomes, at: start + Double(night) * day + 60)
        }
        let last = try store.lastOutcomes()
        #expect(Set(last.keys) == ["telejobs", "avis"])
        #expect(last["telejobs"]?.outcome.status == "failed")
        #expect(last["telejobs"]?.outcome.pages == 29)
        #expect(last["avis"]?.outcome.pages == 128)
        #expect(last["avis"]?.startedAt.hasPrefix(DateText.timestamp(start + 28 * day).prefix(10)) == true)

        let plan = try store.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT source, MAX(run_id) FROM crawl_sources GROUP BY source")
                .map { $0["detail"] as String? ?? "" }
        }
        #expect(plan.contains { $0.contains("crawl_sources_by_source") }, "\(plan)")
    }
}
