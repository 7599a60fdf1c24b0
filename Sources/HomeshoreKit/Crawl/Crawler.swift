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
    /// Keep pages' validators and their extraction in the HTTP cache beside the database, and send conditional
    /// requests.
    public var httpCache = true
    /// Seconds the first retry of a failed request waits (then twice as long), plus jitter.
    public var retryBase: Double = 1
    /// A Retry-After longer than this (seconds) gives up on the page for this run.
    public var maxRetryAfter: Double = 120
    /// Limits of each transfer (timeouts, stall detection, body cap); the defaults of ``FetchOptions`` otherwise.
    public var totalTimeout: Double?
    public var lowSpeedTime: Double?
    public var maxBodyBytes: Int?
    /// A first crawl groups its offers as they are saved, this many at a time (tests make it small).
    var groupingPart = 512
    /// While fetched pages waiting for extraction hold more than this many bytes, no transfer starts. Against real
    /// sites, with delays between requests, pages never pile up; from a fast server (loopback) fetching outruns
    /// extraction, and a crawl of large pages held them all. Far above what a crawl of ordinary pages reaches
    /// (~70 MB for 5,000 pages of 28 KB from loopback): a gate that shut at 32 pages cost a tenth of the speed.
    var waitingLimit = 256 << 20

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
        var fetchOptions = FetchOptions()
        fetchOptions.userAgent = config.userAgent
        fetchOptions.maxConnections = options.maxConnections
        fetchOptions.perHost = options.perHostOverride ?? config.defaults.perHost
        fetchOptions.delay = options.delayOverride ?? config.defaults.delay
        fetchOptions.hostPolicies = Self.hostPolicies(for: sources, options: options)
        if let seconds = options.totalTimeout { fetchOptions.totalTimeout = seconds }
        if let seconds = options.lowSpeedTime { fetchOptions.lowSpeedTime = seconds }
        if let bytes = options.maxBodyBytes { fetchOptions.maxBodyBytes = bytes }
        // The network thread starts while the run is recorded (it takes a while to be scheduled).
        let fetcher = try Fetcher(options: fetchOptions)
        defer { fetcher.close() }
        let previous = try store.lastOutcomes()
        try store.registerAliases(config.employerAliases)
        let runID = try store.beginRun(at: started)
        let cache = options.httpCache ? try store.httpCache() : nil
        var ignored = Set<String>()
        var notices: [String: [String]] = [:]
        for source in sources where source.ignoreRobots {
            for url in source.start { if let host = FetchOptions.hostKey(for: url) { ignored.insert(host) } }
            notices[source.name, default: []].append(
                "robots: ignore is set: the robots.txt of \(source.start.compactMap { URL(string: $0)?.host }.joined(separator: ", ")) is not read")
        }
        var timing = PoliteFetcher.Timing()
        timing.retryBase = options.retryBase
        timing.maxRetryAfter = options.maxRetryAfter
        let pages = PoliteFetcher(fetcher: fetcher, cache: cache, productToken: Self.productToken(config.userAgent),
            ignoreRobots: ignored, timing: timing)
        let employers = EmployerName(aliases: config.employerAliases)
        let session = CrawlSession(sources: sources, pages: pages, cache: cache, store: store, runID: runID,
            scratch: try store.scratchGrouping(employers: employers), groupingPart: options.groupingPart,
            waitingLimit: options.waitingLimit, progress: options.progress)
        let (found, items, missing) = await session.run()
        var outcomes = found
        for i in outcomes.indices {
            outcomes[i].warnings.insert(contentsOf: notices[outcomes[i].source] ?? [], at: 0)
            let source = sources.first { $0.name == outcomes[i].source }!
            if let why = Self.breakage(source, outcome: outcomes[i], items: items[source.name] ?? 0,
                missing: missing[source.name] ?? [:], previous: previous[source.name]?.outcome)
            {
                outcomes[i].broken = why
                if outcomes[i].status == "ok" { outcomes[i].status = "broken" }
            }
        }
        // Grouping runs once the writer has saved every batch: new offers are compared with each other and with the
        // stored offers sharing a blocking key (issue 5). A first crawl grouped its offers as it saved them: this
        // finds none left, unless that grouping failed.
        if session.storeFailure == nil {
            try store.assignGroups(employers: employers)
        }
        var report = CrawlReport(runID: runID, outcomes: outcomes, elapsed: Date().timeIntervalSince(started))
        report.mostWaitingBytes = session.mostWaitingBytes
        try store.finishRun(runID, status: report.status, outcomes: outcomes)
        if let failure = session.storeFailure { throw failure }
        return report
    }

    /// The product token robots.txt groups are matched against: the User-Agent's first word (`Homeshore`).
    static func productToken(_ userAgent: String) -> String {
        let first = userAgent.split(whereSeparator: { $0 == "/" || $0 == " " }).first.map(String.init) ?? "Homeshore"
        return first.isEmpty ? "Homeshore" : first
    }

    /// Why a source's recipe may be broken: pages were read but nothing came out while the last run found offers,
    /// or fields every offer needs (title, employer, link) came out empty on most items.
    static func breakage(_ source: SourceConfig, outcome: SourceOutcome, items: Int, missing: [OfferField: Int],
                         previous: SourceOutcome?) -> String? {
        guard outcome.blocked == nil, outcome.pages > outcome.errors.count else { return nil }
        if source.kind == .reviews {
            if outcome.reviewsSeen == 0, let previous, previous.reviewsSeen > 0 {
                return "recipe may be broken: 0 reviews from \(outcome.pages) pages, \(previous.reviewsSeen) last run"
            }
            return nil
        }
        if outcome.offersSeen == 0, let previous, previous.offersSeen > 0 {
            return "recipe may be broken: 0 offers from \(outcome.pages) pages, \(previous.offersSeen) last run"
        }
        let required: [OfferField] = [.title, .employer, .url]
        for field in required where source.fields[field] != nil {
            let empty = missing[field] ?? 0
            if items >= 4, empty * 2 > items {
                return "recipe may be broken: '\(field.rawValue)' empty on \(empty) of \(items) items"
            }
        }
        return nil
    }
}
