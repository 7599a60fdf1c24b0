import Dispatch
import Foundation

/// The moving parts of one crawl: the frontier, the outstanding count, per-source figures and the batch of offers
/// waiting to be stored. Shared between the network thread, the workers and the writer, under one lock.
final class CrawlSession: @unchecked Sendable {
    let sources: [String: SourceConfig]
    let order: [String]
    let fetcher: Fetcher
    let store: OfferStore
    let runID: Int64
    let progress: (@Sendable (CrawlProgress) -> Void)?

    private let lock = NSLock()
    private var outstanding = 0
    private var outcomes: [String: SourceOutcome] = [:]
    private var okPages: [String: Int] = [:]
    private var visited: [String: Set<String>] = [:]
    private var batch: [Offer] = []
    private var finished: CheckedContinuation<Void, Never>?
    private var done = false
    private(set) var storeFailure: Error?
    private var pagesDone = 0, offersFound = 0, errorCount = 0
    private var lastProgress = Date.distantPast

    /// Extraction runs here; a semaphore keeps at most one page per core in flight.
    private let workers = DispatchQueue(label: "homeshore.extract", attributes: .concurrent)
    private let workerSlots: DispatchSemaphore
    /// Offers are written here, in order, one batch at a time.
    private let writer = DispatchQueue(label: "homeshore.store")
    static let batchSize = 256

    init(sources: [SourceConfig], fetcher: Fetcher, store: OfferStore, runID: Int64,
         progress: (@Sendable (CrawlProgress) -> Void)?) {
        self.sources = Dictionary(uniqueKeysWithValues: sources.map { ($0.name, $0) })
        self.order = sources.map(\.name)
        self.fetcher = fetcher
        self.store = store
        self.runID = runID
        self.progress = progress
        self.workerSlots = DispatchSemaphore(value: max(1, ProcessInfo.processInfo.activeProcessorCount))
        for source in sources { outcomes[source.name] = SourceOutcome(source: source.name) }
    }

    enum Job: Sendable {
        case listing(page: Int)
        case detail(ListingItem)
    }

    /// Crawls every source to the end. - Returns: the outcome of each source, in file order.
    func run() async -> [SourceOutcome] {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            lock.withLock {
                finished = continuation
                outstanding += 1  // held until every start URL is queued
            }
            for name in order {
                for url in sources[name]!.start { submit(source: name, url: url, job: .listing(page: 1)) }
            }
            release()
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            writer.async { continuation.resume() }
        }
        return lock.withLock {
            order.map { name in
                var outcome = outcomes[name]!
                if !outcome.errors.isEmpty { outcome.status = (okPages[name] ?? 0) > 0 ? "partial" : "failed" }
                return outcome
            }
        }
    }

    private func submit(source: String, url: String, job: Job) {
        lock.lock()
        if case .listing = job {
            guard visited[source, default: []].insert(url).inserted else {
                lock.unlock()
                return
            }
        }
        outstanding += 1
        lock.unlock()
        let request = FetchRequest(url: url, headers: [], tag: 0)
        fetcher.enqueue(request) { [self] response in
            workers.async { [self] in
                workerSlots.wait()
                handle(response, source: source, job: job)
                workerSlots.signal()
                release()
            }
        }
    }

    /// Ends one unit of outstanding work; the last one flushes the batch and finishes the crawl.
    private func release() {
        lock.lock()
        outstanding -= 1
        let last = outstanding == 0 && !done
        if last { done = true }
        let continuation = last ? finished : nil
        lock.unlock()
        if last {
            flush(force: true)
            writer.async { continuation?.resume() }
        }
    }

    private func handle(_ response: FetchResponse, source name: String, job: Job) {
        let source = sources[name]!
        let url = response.request.url
        if let error = response.error {
            fail(name, "\(error)", job: job)
            return
        }
        guard (200..<300).contains(response.status) else {
            fail(name, "\(url): HTTP \(response.status)", job: job)
            return
        }
        let page = Page(url: response.finalURL, body: response.body, contentType: response.contentType)
        let extractor = PageExtractor(source: source)
        do {
            switch job {
            case .listing(let number):
                let listing = try extractor.listing(page)
                record(name, bytes: response.body.count, warnings: listing.warnings, ok: true)
                var ready: [Offer] = []
                for item in listing.items {
                    if let detail = item.detailURL {
                        submit(source: name, url: detail, job: .detail(item))
                    } else {
                        ready.append(item.offer)
                    }
                }
                add(ready)
                if let next = listing.next, number < source.maxPages {
                    submit(source: name, url: next, job: .listing(page: number + 1))
                }
            case .detail(let item):
                let (offer, warnings) = try extractor.detail(page, completing: item)
                record(name, bytes: response.body.count, warnings: warnings, ok: true)
                add([offer])
            }
        } catch {
            fail(name, "\(url): \(error)", job: job)
        }
    }

    private func fail(_ name: String, _ message: String, job: Job) {
        lock.lock()
        outcomes[name]!.errors.append(message)
        outcomes[name]!.pages += 1
        pagesDone += 1
        errorCount += 1
        lock.unlock()
        // A detail page that failed still leaves what the listing said: nothing seen is lost.
        if case .detail(let item) = job {
            var offer = item.offer
            if let detail = item.detailURL { offer.url = detail }
            add([offer])
        }
        report()
    }

    private func record(_ name: String, bytes: Int, warnings: [String], ok: Bool) {
        lock.lock()
        outcomes[name]!.pages += 1
        outcomes[name]!.bytes += bytes
        outcomes[name]!.warnings.append(contentsOf: warnings)
        okPages[name, default: 0] += 1
        pagesDone += 1
        lock.unlock()
        report()
    }

    private func add(_ offers: [Offer]) {
        guard !offers.isEmpty else { return }
        lock.lock()
        batch.append(contentsOf: offers)
        offersFound += offers.count
        let full = batch.count >= Self.batchSize
        lock.unlock()
        if full { flush(force: false) }
    }

    private func flush(force: Bool) {
        lock.lock()
        guard force || batch.count >= Self.batchSize, !batch.isEmpty else {
            lock.unlock()
            return
        }
        let offers = batch
        batch.removeAll(keepingCapacity: true)
        lock.unlock()
        writer.async { [self] in
            do {
                let saved = try store.save(offers, run: runID)
                lock.lock()
                for (name, figures) in saved {
                    outcomes[name]!.offersSeen += figures.new + figures.updated + figures.unchanged
                    outcomes[name]!.offersNew += figures.new
                    outcomes[name]!.offersUpdated += figures.updated
                }
                lock.unlock()
            } catch {
                lock.lock()
                storeFailure = error
                lock.unlock()
            }
        }
    }

    private func report() {
        guard let progress else { return }
        lock.lock()
        let now = Date()
        guard now.timeIntervalSince(lastProgress) > 0.1 else {
            lock.unlock()
            return
        }
        lastProgress = now
        let snapshot = CrawlProgress(pagesDone: pagesDone, pagesQueued: outstanding, offers: offersFound, errors: errorCount)
        lock.unlock()
        progress(snapshot)
    }
}
