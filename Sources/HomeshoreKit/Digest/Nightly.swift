import Foundation

/// Options of one nightly run.
public struct NightlyOptions: Sendable {
    /// Crawl every source, due or not.
    public var force = false
    /// How the crawl runs (its `sources` are replaced by the due sources).
    public var crawl = CrawlOptions()
    /// The digest file; `digest.html` in the cache folder when nil.
    public var out: String?
    public var format: DigestFormat = .html
    public var language: DigestLabels.Language = .fromEnvironment()
    /// Mail the digest when `digest.mail` is set.
    public var mail = true
    /// Where the mail password is read.
    public var environment: [String: String] = ProcessInfo.processInfo.environment

    public init() {}
}

/// What a nightly run did.
public struct NightlyReport: Sendable {
    /// The sources crawled (they were due, or `--force`).
    public var due: [String]
    /// The sources not due yet, with when they will be.
    public var notDue: [(source: String, dueAt: Date)]
    /// The crawl's report; nil when no source was due.
    public var crawl: CrawlReport?
    public var digestPath: String
    public var digestOffers: Int
    /// True when the digest was mailed; nil when no mail was asked.
    public var mailed: Bool?
    /// Why the mail failed.
    public var mailError: String?
    public var elapsed: Double

    /// 0 when all went well, 1 when the crawl failed entirely, 2 when some sources failed or the mail did not go.
    public var exitCode: Int32 {
        let crawlCode = crawl?.exitCode ?? 0
        if crawlCode == 1 { return 1 }
        if crawlCode == 2 || mailError != nil { return 2 }
        return 0
    }
}

/// `homeshore nightly`: under the crawl lock, crawls the sources that are due, lets later stages update (duplicate
/// groups, reputations), then writes the digest and mails it when `digest.mail` is set.
public struct Nightly: Sendable {
    public let config: SourcesConfig
    public let store: OfferStore
    public let seams: DigestSeams
    /// Runs after the crawl and before the digest: where duplicate groups and reputations are brought up to date.
    public let afterCrawl: @Sendable (OfferStore) async throws -> Void

    public init(config: SourcesConfig, store: OfferStore, seams: DigestSeams = DigestSeams(),
                afterCrawl: @escaping @Sendable (OfferStore) async throws -> Void = { _ in }) {
        self.config = config
        self.store = store
        self.seams = seams
        self.afterCrawl = afterCrawl
    }

    /// The crawlable sources that are due at `now`: never crawled successfully, or last crawled successfully
    /// longer than their `every` ago.
    /// - Returns: the due sources' names in file order, and the others with the instant they fall due.
    public static func dueSources(_ config: SourcesConfig, lastSuccess: [String: Date], now: Date, force: Bool)
        -> (due: [String], notDue: [(source: String, dueAt: Date)])
    {
        var due: [String] = []
        var notDue: [(String, Date)] = []
        for source in config.sources where source.kind == .offers || source.kind == .feed {
            guard !force, let last = lastSuccess[source.name] else {
                due.append(source.name)
                continue
            }
            // A minute of slack, so that a timer firing at the same time each day finds yesterday's run due.
            let dueAt = last.addingTimeInterval(source.every - 60)
            if dueAt <= now { due.append(source.name) } else { notDue.append((source.name, dueAt)) }
        }
        return (due, notDue)
    }

    /// Runs the whole night.
    /// - Throws: ``CrawlError`` when another run holds the lock, a database error, or the digest file's error.
    public func run(options: NightlyOptions = NightlyOptions(), now: Date = Date()) async throws -> NightlyReport {
        let started = Date()
        let folder = (store.path as NSString).deletingLastPathComponent
        let lock = try CrawlLock(folder: folder)
        defer { withExtendedLifetime(lock) {} }
        let (due, notDue) = Self.dueSources(config, lastSuccess: try store.lastSuccessfulRuns(), now: now,
            force: options.force)
        var crawl: CrawlReport?
        if !due.isEmpty {
            var crawlOptions = options.crawl
            crawlOptions.sources = due
            crawl = try await Crawler(config: config, store: store, options: crawlOptions).run()
        }
        try await afterCrawl(store)
        let delivery = DigestDelivery(store: store, config: config.digest, seams: seams, aliases: config.employerAliases)
        let prepared = try delivery.prepare(since: .last, language: options.language)
        let path = options.out ?? (folder as NSString).appendingPathComponent("digest.\(Self.fileExtension(options.format))")
        try delivery.write(prepared, format: options.format, to: path)
        var mailed: Bool?
        var mailError: String?
        if options.mail, config.digest.mail != nil {
            do {
                try await delivery.mail(prepared, environment: options.environment)
                mailed = true
            } catch {
                mailed = false
                mailError = "\(error)"
            }
        }
        return NightlyReport(due: due, notDue: notDue, crawl: crawl, digestPath: path,
            digestOffers: prepared.digest.offerCount, mailed: mailed, mailError: mailError,
            elapsed: Date().timeIntervalSince(started))
    }

    static func fileExtension(_ format: DigestFormat) -> String {
        switch format {
        case .text: return "txt"
        case .markdown: return "md"
        case .html: return "html"
        case .json: return "json"
        case .atom: return "atom"
        }
    }
}
