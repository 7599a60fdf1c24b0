import Foundation

/// What a crawl did, source by source.
public struct CrawlReport: Sendable, Codable {
    public var runID: Int64
    public var outcomes: [SourceOutcome]
    /// Seconds from start to end.
    public var elapsed: Double
    /// The most bytes of fetched pages that waited for extraction at once (benchmarks print it; not in the JSON).
    public var mostWaitingBytes = 0

    private enum CodingKeys: String, CodingKey {
        case runID, outcomes, elapsed
    }

    /// `ok` when every source worked, `failed` when none could be read (failed or blocked), `partial` otherwise
    /// (some sources failed, were blocked, or look broken).
    public var status: String {
        if outcomes.allSatisfy({ $0.status == "ok" }) { return "ok" }
        if outcomes.allSatisfy({ $0.status == "failed" || $0.status == "blocked" }) { return "failed" }
        return "partial"
    }

    /// The process exit code for this outcome: 0 all well, 1 nothing worked, 2 some sources failed.
    public var exitCode: Int32 {
        switch status {
        case "ok": return 0
        case "failed": return 1
        default: return 2
        }
    }

    /// Pages fetched in all.
    public var pages: Int { outcomes.reduce(0) { $0 + $1.pages } }
}

/// A snapshot of a running crawl, for a progress line.
public struct CrawlProgress: Sendable {
    public var pagesDone: Int
    public var pagesQueued: Int
    public var offers: Int
    public var errors: Int
}
