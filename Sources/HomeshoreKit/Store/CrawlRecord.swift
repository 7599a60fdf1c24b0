import Foundation

/// How one source fared in one crawl.
public struct SourceOutcome: Sendable, Codable, Equatable {
    /// `ok`, `partial` (some pages failed), `failed` (nothing could be read).
    public var status: String
    public var source: String
    public var pages = 0
    public var bytes = 0
    public var offersSeen = 0
    public var offersNew = 0
    public var offersUpdated = 0
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
