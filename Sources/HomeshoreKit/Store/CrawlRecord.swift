import Foundation

/// How one source fared in one crawl.
public struct SourceOutcome: Sendable, Codable, Equatable {
    /// `ok`, `partial` (some pages failed), `failed` (nothing could be read), `blocked` (a block or challenge
    /// page was served), `broken` (the recipe may be broken: nothing found, or required fields empty).
    public var status: String
    public var source: String
    public var pages = 0
    public var bytes = 0
    public var offersSeen = 0
    public var offersNew = 0
    public var offersUpdated = 0
    /// Reviews read from a review source's pages, and how many of them were new.
    public var reviewsSeen = 0
    public var reviewsNew = 0
    /// Pages that had not changed since the last crawl (304 Not Modified).
    public var notModified = 0
    /// URLs that robots.txt (or a host's Crawl-delay) kept us from fetching.
    public var disallowed = 0
    /// What was seen when the source was blocked, naming the URL.
    public var blocked: String?
    /// Why the recipe may be broken, with the numbers.
    public var broken: String?
    /// One line per URL that failed, naming it and what happened.
    public var errors: [String] = []
    /// Warnings that did not stop anything (malformed JSON-LD, fields missing).
    public var warnings: [String] = []

    public init(source: String) {
        self.source = source
        self.status = "ok"
    }
}

/// One crawl run as recorded in the database.
public struct CrawlRecord: Sendable, Codable, Equatable {
    public var id: Int64
    public var startedAt: String
    public var finishedAt: String?
    /// `running`, `ok`, `partial`, `failed`.
    public var status: String
    public var sources: [SourceOutcome]
}
