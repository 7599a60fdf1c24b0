import Dispatch
import Foundation

/// Options of one crawl.
public struct CrawlOptions: Sendable {
    /// Only these sources (by name); all when empty.
    public var sources: [String] = []
    /// Transfers in flight over all hosts.
    public var maxConnections = 16
    /// Replaces every source's per-host delay (benchmarks set 0).
    public var delayOverride: Double?
    /// Replaces every source's per-host limit.
    public var perHostOverride: Int?
    /// Called now and then with the crawl's progress (from any thread).
    public var progress: (@Sendable (CrawlProgress) -> Void)?

    public init() {}
}

/// A problem that stops a crawl before it starts.
public struct CrawlError: Error, CustomStringConvertible {
    public var description: String
}

/// Crawls the configured sources: fetches listing pages, follows detail pages and next pages, extracts offers and
/// stores them. Fetching runs on libcurl's network thread; extraction runs on a pool of worker threads sized to the
/// machine; storing runs on one writer queue, in batches; the three overlap.
public final class Crawler: Sendable {
    let config: SourcesConfig
    let store: OfferStore
    let options: CrawlOptions

    public init(config: SourcesConfig, store: OfferStore, options: CrawlOptions = CrawlOptions()) {
        self.config = config
        self.store = store
        self.options = options
    }

    /// The sources this crawl covers, in file order.
    /// - Throws: ``CrawlError`` when a requested source does not exist.
    public func selectedSources() throws -> [SourceConfig] {
        for name in options.sources where config.source(named: name) == nil {
            let names = config.sources.map(\.name)
            let hint = nearest(name, in: names).map { " (did you mean '\($0)'?)" } ?? ""
            throw CrawlError(description: "\(config.file): no source named '\(name)'\(hint)")
        }
        return config.sources.filter { options.sources.isEmpty || options.sources.contains($0.name) }
            .filter { $0.kind == .offers }
    }

    /// The politeness of each host that sources start from: when several sources share a host, the strictest
    /// of their settings (fewest transfers at once, longest delay) applies to it.
    static func hostPolicies(for sources: [SourceConfig], options: CrawlOptions) -> [String: HostPolicy] {
        var policies: [String: HostPolicy] = [:]
        for source in sources {
            let wanted = HostPolicy(perHost: options.perHostOverride ?? source.perHost,
                delay: options.delayOverride ?? source.delay)
            for url in source.start {
                guard let key = FetchOptions.hostKey(for: url) else { continue }
                let known = policies[key] ?? wanted
                policies[key] = HostPolicy(perHost: min(known.perHost, wanted.perHost), delay: max(known.delay, wanted.delay))
            }
        }
        return policies
    }

    /// Runs the crawl to its end and records it as a crawl run.
    /// - Returns: the per-source report.
    /// - Throws: ``CrawlError`` for an unknown source, ``StoreError`` or a database error when storing fails.
    public func run() async throws -> CrawlReport {
        let sources = try selectedSources()
        let started = Date()
        let runID = try store.beginRun(at: started)
        var fetchOptions = FetchOptions()
        fetchOptions.userAgent = config.userAgent
        fetchOptions.maxConnections = options.maxConnections
        fetchOptions.perHost = options.perHostOverride ?? config.defaults.perHost
        fetchOptions.delay = options.delayOverride ?? config.defaults.delay
        fetchOptions.hostPolicies = Self.hostPolicies(for: sources, options: options)
        let fetcher = try Fetcher(options: fetchOptions)
        defer { fetcher.close() }
        let session = CrawlSession(sources: sources, fetcher: fetcher, store: store, runID: runID,
            progress: options.progress)
        let outcomes = await session.run()
        let report = CrawlReport(runID: runID, outcomes: outcomes, elapsed: Date().timeIntervalSince(started))
        try store.finishRun(runID, status: report.status, outcomes: outcomes)
        if let failure = session.storeFailure { throw failure }
        return report
    }
}
