import Dispatch
import Foundation

/// The moving parts of one crawl: the frontier, the outstanding count, per-source figures and the batch of offers
/// waiting to be stored. Shared between the network thread, the workers and the writer, under one lock.
final class CrawlSession: @unchecked Sendable {
    let sources: [String: SourceConfig]
    let order: [String]
    /// Each source's ``SourceConfig/recipeKey``, a fingerprint of its whole recipe: computed once, not per page.
    let recipeKeys: [String: String]
    let pages: PoliteFetcher
    let cache: HTTPCache?
    let store: OfferStore
    let runID: Int64
    let progress: (@Sendable (CrawlProgress) -> Void)?

    private let lock = NSLock()
    private var outstanding = 0
    private var outcomes: [String: SourceOutcome] = [:]
    private var okPages: [String: Int] = [:]
    private var items: [String: Int] = [:]
    private var missing: [String: [OfferField: Int]] = [:]
    private var visited: [String: Set<String>] = [:]
    private var batch: [PendingOffer] = []
    /// Batches of offers handed to the writer and not saved yet.
    private var queuedSaves = 0
    private var reviewBatch: [PendingReview] = []
    /// Fresh pages (their validators and extraction, not their bodies) waiting to go into the HTTP cache, a batch
    /// per transaction.
    private var cacheBatch: [HTTPCache.Entry] = []
    private var finished: CheckedContinuation<Void, Never>?
    private var done = false
    private(set) var storeFailure: Error?
    private var pagesDone = 0, offersFound = 0, errorCount = 0
    private var lastProgress = Date.distantPast

    /// Extraction runs here: one thread per core, each taking the next page waiting as soon as it is done.
    private let workers: WorkerPool
    /// Offers are written here, in order, one batch at a time.
    private let writer = DispatchQueue(label: "homeshore.store")
    static let batchSize = 256
    /// While no batch is queued, this many waiting offers are handed to the writer already: a crawl saves as it
    /// goes, and its end has little left to save (a group commit: while one batch is saved, the next one grows).
    static let idleBatchSize = 16
    /// Pages are written to the HTTP cache here, this many to a transaction: one transaction per page cost more
    /// than the page's extraction (a WAL commit, file locks, a statement).
    private let cacheWriter = DispatchQueue(label: "homeshore.http-cache")
    static let cacheBatchSize = 64
    /// A first crawl's grouping (into a store that held no offer): its offers are grouped from scratch as they
    /// are saved, in parts of `groupingPart` or more, on the writer, while the workers go on with the pages,
    /// instead of all at the crawl's end, where grouping kept one core of two busy while the other waited (a fifth
    /// of a 5,000-page crawl's time). Touched on the writer only, like `ungrouped`, the ids saved and not grouped
    /// yet.
    private var scratch: ScratchGrouping?
    private var ungrouped: [Int64] = []
    private let groupingPart: Int

    /// - Parameters:
    ///   - scratch: the grouping of a first crawl (``OfferStore/scratchGrouping(employers:)``), or nil to leave
    ///     grouping to the end of the crawl.
    ///   - groupingPart: the fewest offers grouped at a time by `scratch` (see `groupSaved`).
    ///   - waitingLimit: bytes of fetched pages waiting for extraction past which no transfer starts (see
    ///     ``CrawlOptions``).
    init(sources: [SourceConfig], pages: PoliteFetcher, cache: HTTPCache?, store: OfferStore, runID: Int64,
         scratch: ScratchGrouping? = nil, groupingPart: Int = 512, waitingLimit: Int = CrawlOptions().waitingLimit,
         progress: (@Sendable (CrawlProgress) -> Void)?) {
        self.scratch = scratch
        self.groupingPart = max(1, groupingPart)
        self.sources = Dictionary(uniqueKeysWithValues: sources.map { ($0.name, $0) })
        self.order = sources.map(\.name)
        self.recipeKeys = Dictionary(uniqueKeysWithValues: sources.map { ($0.name, $0.recipeKey) })
        self.pages = pages
        self.cache = cache
        self.store = store
        self.runID = runID
        self.progress = progress
        // Extraction yields to the writer and the network thread (nice 8: a sixth of their weight when they compete).
        // It runs on every core, while the writer saves and groups on one: when the writer fell behind, the crawl
        // ended with a fifth of its time spent on the writer's backlog, one core busy and the other idle. Measured
        // on the 5,000-page bench, alternated 10 times: median 4,608 → 4,883 pages/s (nice 5: 4,556 beside 4,725
        // for 8), processors idle during the crawl 14-18 → 7-10 % (see docs/benchmarks.md).
        let workers = WorkerPool(count: ProcessInfo.processInfo.activeProcessorCount, name: "hs extract", niceness: 8)
        self.workers = workers
        for source in sources { outcomes[source.name] = SourceOutcome(source: source.name) }
        pages.fetcher.setGate { workers.waitingBytes < waitingLimit }
    }

    /// The most bytes of fetched pages that waited for extraction at once, in this crawl.
    var mostWaitingBytes: Int { workers.mostWaitingBytes }

    enum Job: Sendable {
        case listing(page: Int)
        /// A listing's item to complete from its own page; `listingReused` when the listing was unchanged (its
        /// stored extraction reused).
        case detail(ListingItem, listingReused: Bool)
    }

    /// Crawls every source to the end. - Returns: the outcome of each source, in file order, and how many items
    /// each source's recipe found with which fields empty.
    func run() async -> (outcomes: [SourceOutcome], items: [String: Int], missing: [String: [OfferField: Int]]) {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            lock.withLock {
                finished = continuation
                outstanding += 1  // held until every start URL is queued
            }
            for name in order {
                // What the HTTP cache holds for the start pages, read in one lookup (nil when it failed: one each).
                let starts = sources[name]!.start
                let known = starts.count < 2 ? nil
                    : try? cache?.validators(for: starts, reusing: derivedKey(name, .listing(page: 1)))
                for url in starts {
                    submit(source: name, url: url, job: .listing(page: 1), validators: known.map { $0[url] ?? ([], nil) })
                }
            }
            release()
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            writer.async { [self] in
                groupSaved(all: true)
                continuation.resume()
            }
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            cacheWriter.async { continuation.resume() }
        }
        pages.fetcher.setGate(nil)
        workers.shutdown()
        return lock.withLock {
            let list = order.map { name in
                var outcome = outcomes[name]!
                if outcome.blocked != nil {
                    outcome.status = "blocked"
                } else if !outcome.errors.isEmpty {
                    outcome.status = (okPages[name] ?? 0) > 0 ? "partial" : "failed"
                }
                return outcome
            }
            return (list, items, missing)
        }
    }

    /// - Parameter validators: what the HTTP cache holds for `url` (``HTTPCache/validators(for:reusing:)``), when
    ///   it was read already; nil to read it in ``PoliteFetcher/get``.
    /// - Parameter again: the page is asked for a second time in this crawl (in full, after a 304 that left
    ///   nothing to extract): not refused as visited.
    private func submit(source: String, url: String, job: Job,
                        validators: (headers: [(String, String)], entry: HTTPCache.Entry?)? = nil, again: Bool = false) {
        let fresh: Bool = lock.withLock {
            if !again, case .listing = job, !visited[source, default: []].insert(url).inserted { return false }
            outstanding += 1
            return true
        }
        guard fresh else { return }
        pages.get(url, reusing: derivedKey(source, job), validators: validators, deliver: { [self] bytes, work in
            workers.submit(bytes: bytes, work)
        }) { [self] outcome in
            handle(outcome, source: source, url: url, job: job)
            release()
        }
    }

    /// Ends one unit of outstanding work; the last one flushes the batch and finishes the crawl.
    private func release() {
        let continuation: CheckedContinuation<Void, Never>? = lock.withLock {
            outstanding -= 1
            guard outstanding == 0, !done else { return nil }
            done = true
            return finished
        }
        if let continuation {
            flush(force: true)
            flushCache(force: true)
            writer.async { continuation.resume() }
        }
    }

    private func handle(_ outcome: PageOutcome, source name: String, url: String, job: Job) {
        switch outcome {
        case .failed(let message):
            fail(name, message, job: job)
        case .blocked(let message):
            lock.withLock {
                if outcomes[name]!.blocked == nil { outcomes[name]!.blocked = message }
                outcomes[name]!.pages += 1
                pagesDone += 1
                errorCount += 1
            }
            keepListingOffer(job)
        case .disallowed(let message):
            lock.withLock {
                outcomes[name]!.disallowed += 1
                if outcomes[name]!.warnings.count < 50 { outcomes[name]!.warnings.append(message) }
            }
            keepListingOffer(job)
        case .fetched(let response, let decoded):
            let page = Page(url: response.finalURL, body: response.body, contentType: response.contentType, decoded: decoded)
            var entry: HTTPCache.Entry?
            if response.headers["etag"] != nil || response.headers["last-modified"] != nil {
                entry = HTTPCache.Entry(url: url, finalURL: response.finalURL, etag: response.headers["etag"],
                    lastModified: response.headers["last-modified"], contentType: response.contentType,
                    body: [], derivedKey: nil, derived: nil)
            }
            process(page, source: name, url: url, job: job, bytes: response.body.count, stored: nil, toStore: entry)
        case .notModified(let entry):
            let page = Page(url: entry.finalURL, body: entry.body, contentType: entry.contentType)
            lock.withLock { outcomes[name]!.notModified += 1 }
            process(page, source: name, url: url, job: job, bytes: 0, stored: entry, toStore: nil)
        }
    }

    /// Extracts a page, or reuses what extraction made of it last time when the page is unchanged and the recipe
    /// the same; stores a fresh page and its extraction in the HTTP cache.
    private func process(_ page: Page, source name: String, url: String, job: Job, bytes: Int,
                         stored: HTTPCache.Entry?, toStore: HTTPCache.Entry?) {
        let source = sources[name]!
        let extractor = PageExtractor(source: source)
        do {
            switch job {
            case .listing(let number) where source.kind == .reviews:
                let key = derivedKey(name, job)
                let extraction: ReviewExtraction
                if let stored, stored.derivedKey == key, let derived = stored.derived,
                    let reused = try? JSONDecoder().decode(ReviewExtraction.self, from: Data(derived))
                {
                    extraction = reused
                } else {
                    extraction = try extractor.reviews(readable(page, stored: stored, url: url))
                    remember(try? JSONEncoder().encode(extraction), key: key, url: url, fresh: toStore, stored: stored)
                }
                record(name, bytes: bytes, warnings: extraction.warnings)
                lock.withLock { items[name, default: 0] += extraction.reviews.count }
                add(reviews: extraction.reviews, aggregate: number == 1 ? extraction.aggregate : nil, source: source)
                if let next = extraction.next, number < source.maxPages {
                    submit(source: name, url: next, job: .listing(page: number + 1))
                }
            case .listing(let number):
                let key = derivedKey(name, job)
                let listing: ListingExtraction
                var reusedListing = false
                if let stored, stored.derivedKey == key, let derived = stored.derived,
                    let reused = ListingExtraction.stored(derived)
                {
                    listing = reused.value
                    reusedListing = true
                    // Written as JSON by an earlier version: kept in the compact form from now on.
                    if reused.legacy { remember(listing.storedBytes, key: key, url: url, fresh: nil, stored: stored) }
                } else {
                    listing = try extractor.listing(readable(page, stored: stored, url: url))
                    remember(listing.storedBytes, key: key, url: url, fresh: toStore, stored: stored)
                }
                record(name, bytes: bytes, warnings: listing.warnings)
                lock.withLock {
                    items[name, default: 0] += listing.items.count
                    for item in listing.items { for field in item.missing { missing[name, default: [:]][field, default: 0] += 1 } }
                }
                // The next listing page first: it leads to more pages (the crawl's longest chain), while the detail
                // pages lead nowhere; queued behind them, it waited for every one of them (4 at a time per host).
                if let next = listing.next, number < source.maxPages {
                    submit(source: name, url: next, job: .listing(page: number + 1))
                }
                // What the HTTP cache holds for the detail pages, read in one lookup rather than one per page (a
                // page missing from the answer has nothing stored); nil when that lookup failed: one each then.
                let details = listing.items.compactMap(\.detailURL)
                let known = details.isEmpty ? nil : try? cache?.validators(for: details, reusing: detailKey(name))
                var ready: [Offer] = []
                for item in listing.items {
                    if let detail = item.detailURL {
                        submit(source: name, url: detail, job: .detail(item, listingReused: reusedListing),
                            validators: known.map { $0[detail] ?? ([], nil) })
                    } else {
                        ready.append(item.offer)
                    }
                }
                add(ready, reused: reusedListing)
            case .detail(let item, let listingReused):
                let key = derivedKey(name, job)
                var parts: DetailExtraction
                var reusedDetail = false
                if let stored, stored.derivedKey == key, let derived = stored.derived,
                    let reused = DetailExtraction.stored(derived)
                {
                    parts = reused.value
                    reusedDetail = true
                } else {
                    parts = try extractor.detailParts(readable(page, stored: stored, url: url))
                }
                record(name, bytes: bytes, warnings: parts.warnings)
                // The completed offer is stored with the parts: an unchanged page completing the same listing
                // offer gives it again as it was (a stored extraction written as JSON has none: it is stored again).
                let (offer, changed) = extractor.completing(item, with: &parts)
                if changed || !reusedDetail {
                    remember(parts.storedBytes, key: key, url: url, fresh: reusedDetail ? nil : toStore, stored: stored)
                }
                // Listing and page both unchanged: the offer is what was stored, its facets too (unless the
                // store finds otherwise).
                add([offer], reused: listingReused && reusedDetail)
            }
        } catch is StoredPageMissing {
            // Only an extraction stored by the same recipe makes a request conditional, but this one could not be
            // read (cut, or written in a form this version does not know): the page is asked for again, in full.
            submit(source: name, url: url, job: job, validators: ([], nil), again: true)
        } catch {
            fail(name, error is FeedError ? "\(error)" : "\(page.url): \(error)", job: job)
        }
    }

    /// A 304 whose stored extraction cannot be used, for a page whose body is not kept.
    private struct StoredPageMissing: Error {}

    /// The key under which what extraction makes of a page for `job` is kept in the HTTP cache.
    private func derivedKey(_ name: String, _ job: Job) -> String {
        switch job {
        case .listing: return recipeKeys[name]! + (sources[name]!.kind == .reviews ? ".reviews" : ".listing")
        case .detail: return detailKey(name)
        }
    }

    private func detailKey(_ name: String) -> String { recipeKeys[name]! + ".detail" }

    /// The page to extract from. After a 304 the stored body is not read when the stored extraction was made by
    /// the same recipe (it is reused instead); should that extraction not decode after all, the body is read now
    /// from a row that kept it (written by an earlier version).
    /// - Throws: `StoredPageMissing` when the body is not kept: the page is then fetched again in full.
    private func readable(_ page: Page, stored: HTTPCache.Entry?, url: String) throws -> Page {
        guard let stored, stored.bodyOmitted else { return page }
        guard let full = try? cache?.entry(for: url) else { throw StoredPageMissing() }
        return Page(url: full.finalURL, body: full.body, contentType: full.contentType)
    }

    /// Stores what extraction made of a page (`derived`, nil when it could not be encoded): with the page when
    /// it was just fetched (`fresh`), else in place of what was stored with it.
    private func remember<Bytes: Sequence<UInt8>>(_ derived: Bytes?, key: String, url: String,
                                                 fresh: HTTPCache.Entry?, stored: HTTPCache.Entry?) {
        guard let cache, let derived else { return }
        if var entry = fresh {
            entry.derivedKey = key
            entry.derived = [UInt8](derived)
            lock.withLock { cacheBatch.append(entry) }
            flushCache(force: false)
        } else if stored != nil {
            try? cache.storeDerived(url: url, key: key, derived: [UInt8](derived))
        }
    }

    /// Hands a full batch of fresh pages (or, at the end, whatever waits) to the cache writer. A page not written
    /// when a crawl is cut short is only fetched again in full next time.
    private func flushCache(force: Bool) {
        guard let cache else { return }
        let pages: [HTTPCache.Entry] = lock.withLock {
            guard !cacheBatch.isEmpty, force || cacheBatch.count >= Self.cacheBatchSize else { return [] }
            defer { cacheBatch.removeAll(keepingCapacity: true) }
            return cacheBatch
        }
        guard !pages.isEmpty else { return }
        cacheWriter.async { try? cache.store(pages) }
    }

    /// A detail page that could not be read still leaves what the listing said: nothing seen is lost.
    private func keepListingOffer(_ job: Job) {
        if case .detail(let item, _) = job {
            var offer = item.offer
            if let detail = item.detailURL {
                offer.url = CanonicalURL.canonical(detail, dropping: sources[offer.source]?.trackingParameters ?? [])
            }
            add([offer.completedFromText()], keepStored: true)
        }
    }

    private func fail(_ name: String, _ message: String, job: Job) {
        lock.withLock {
            outcomes[name]!.errors.append(message)
            outcomes[name]!.pages += 1
            pagesDone += 1
            errorCount += 1
        }
        keepListingOffer(job)
        report()
    }

    private func record(_ name: String, bytes: Int, warnings: [String]) {
        lock.withLock {
            outcomes[name]!.pages += 1
            outcomes[name]!.bytes += bytes
            outcomes[name]!.warnings.append(contentsOf: warnings)
            okPages[name, default: 0] += 1
            pagesDone += 1
        }
        report()
    }

    /// Queues offers for storing; their facets are computed here, on the worker thread, unless the offers come
    /// from pages answered 304 whose stored extraction was reused (`reused`): the store keeps their stored facets,
    /// and computes them only for an offer that turns out changed or whose facets were made by older rules.
    private func add(_ offers: [Offer], keepStored: Bool = false, reused: Bool = false) {
        guard !offers.isEmpty else { return }
        let pending = offers.map {
            reused && !keepStored ? PendingOffer(reused: $0) : PendingOffer($0, keepStored: keepStored)
        }
        lock.withLock {
            batch.append(contentsOf: pending)
            offersFound += offers.count
        }
        flushOffers(force: false)
    }

    /// Queues reviews for storing, their text analysed here, on the worker thread; the page's aggregate rating
    /// is stored at once.
    private func add(reviews: [Review], aggregate: ReviewAggregate?, source: SourceConfig) {
        let pending = reviews.map(PendingReview.init)
        let full: Bool = lock.withLock {
            reviewBatch.append(contentsOf: pending)
            offersFound += reviews.count
            return reviewBatch.count >= Self.batchSize
        }
        if let aggregate {
            writer.async { [self] in
                do {
                    try store.save(aggregate: aggregate, source: source.name, employer: source.employer ?? source.name)
                } catch {
                    lock.withLock { storeFailure = error }
                }
            }
        }
        if full { flush(force: false) }
    }

    private func flush(force: Bool) {
        let reviews: [PendingReview] = lock.withLock {
            guard force || reviewBatch.count >= Self.batchSize, !reviewBatch.isEmpty else { return [] }
            defer { reviewBatch.removeAll(keepingCapacity: true) }
            return reviewBatch
        }
        if !reviews.isEmpty {
            writer.async { [self] in
                do {
                    let saved = try store.save(reviews: reviews)
                    lock.withLock {
                        for (name, figures) in saved {
                            outcomes[name]!.reviewsSeen += figures.seen
                            outcomes[name]!.reviewsNew += figures.new
                        }
                    }
                } catch {
                    lock.withLock { storeFailure = error }
                }
            }
        }
        flushOffers(force: force)
    }

    /// Hands waiting offers to the writer: a full batch, or `idleBatchSize` of them while no batch is queued, or
    /// whatever waits when the crawl ends (`force`). Each save, when done, looks again.
    private func flushOffers(force: Bool) {
        let offers: [PendingOffer] = lock.withLock {
            guard !batch.isEmpty,
                force || batch.count >= Self.batchSize || (queuedSaves == 0 && batch.count >= Self.idleBatchSize)
            else { return [] }
            queuedSaves += 1
            defer { batch.removeAll(keepingCapacity: true) }
            return batch
        }
        guard !offers.isEmpty else { return }
        writer.async { [self] in
            do {
                let saved = try store.save(pending: offers, run: runID, newIDs: &ungrouped)
                lock.withLock {
                    for (name, figures) in saved {
                        outcomes[name]!.offersSeen += figures.new + figures.updated + figures.unchanged
                        outcomes[name]!.offersNew += figures.new
                        outcomes[name]!.offersUpdated += figures.updated
                    }
                }
            } catch {
                lock.withLock { storeFailure = error }
            }
            lock.withLock { queuedSaves -= 1 }
            flushOffers(force: false)
            groupSaved(all: false)
        }
    }

    /// On the writer, after a save: groups the offers saved and not grouped yet, once `groupingPart` of them wait
    /// and an eighth of those grouped before (`all`: whatever waits, at the crawl's end). Meanwhile the workers go
    /// on, and their offers wait in the next batch. Should grouping fail, it stops here, and the grouping step that
    /// ends the crawl (``OfferStore/assignGroups(employers:)``) groups every offer left without a group.
    private func groupSaved(all: Bool) {
        guard let scratch else {
            ungrouped.removeAll()
            return
        }
        // At least an eighth of what was grouped before: each part's keys land all over `dedup_keys`, whose pages
        // are then written again. In parts of a fixed size, the pages written would grow with the square of the
        // offers; with an eighth they stay within about ten times the index, and the part left for the crawl's end
        // is small (a quarter left a thousand of 5,000 offers to group at the end, a tenth of the crawl's time).
        let part = max(groupingPart, scratch.result.grouped / 8)
        guard all ? !ungrouped.isEmpty : ungrouped.count >= part else { return }
        do {
            try store.group(scratch, ids: ungrouped)
        } catch {
            self.scratch = nil
        }
        ungrouped.removeAll(keepingCapacity: true)
    }

    private func report() {
        guard let progress else { return }
        let snapshot: CrawlProgress? = lock.withLock {
            let now = Date()
            guard now.timeIntervalSince(lastProgress) > 0.1 else { return nil }
            lastProgress = now
            return CrawlProgress(pagesDone: pagesDone, pagesQueued: outstanding, offers: offersFound, errors: errorCount)
        }
        if let snapshot { progress(snapshot) }
    }
}
