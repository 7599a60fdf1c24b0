import Dispatch
import Foundation

/// Fetches pages the way a site operator would want: robots.txt first (RFC 9309, cached 24 h), conditional
/// requests from the HTTP cache, retries of 5xx with backoff and jitter, Retry-After honoured, a per-host delay
/// that doubles on 429/503 and comes back on success, and block pages told apart from content.
final class PoliteFetcher: @unchecked Sendable {
    /// Retry and backoff settings; tests shorten them.
    struct Timing: Sendable {
        /// The first retry waits this long (then twice as long), plus up to 50% jitter.
        var retryBase: Double = 1
        /// The most retries of one request.
        var maxRetries = 2
        /// A Retry-After longer than this gives up on the page for this run.
        var maxRetryAfter: Double = 120
        /// A host whose robots.txt asks a longer Crawl-delay is skipped for the run.
        var maxCrawlDelay: Double = 30
        /// How long a fetched robots.txt is trusted.
        var robotsMaxAge: Double = 86_400
    }

    let fetcher: Fetcher
    let cache: HTTPCache?
    let productToken: String
    let timing: Timing
    /// Hosts whose robots.txt is not read, because a source said `robots: ignore`.
    let ignoreRobots: Set<String>

    private enum RobotsState {
        case loading([@Sendable () -> Void])
        case ready(RobotsTxt)
        case skipped(String)
    }

    private let lock = NSLock()
    private var robots: [String: RobotsState] = [:]
    private var backedOff: [String: Double] = [:]
    private var crawlDelays: [String: Double] = [:]
    private let timers = DispatchQueue(label: "homeshore.retry", attributes: .concurrent)
    /// Bytes of stored extractions held from the lookup before a request until its answer (see ``get``).
    private var heldBytes = 0
    /// Past this many bytes held, a page's stored extraction is not held while its request waits its turn (a crawl
    /// may queue thousands of requests at once), but read again after its 304.
    static let heldBytesLimit = 4 << 20
    /// Where a page's outcome goes: `completion`, run through `deliver`.
    struct Delivery: Sendable {
        /// Hands work to the caller's threads, with the bytes of the page it holds until it starts.
        let deliver: @Sendable (_ bytes: Int, _ work: @escaping @Sendable () -> Void) -> Void
        let completion: @Sendable (PageOutcome) -> Void

        func callAsFunction(_ outcome: PageOutcome) {
            deliver(0) { completion(outcome) }
        }
    }

    init(fetcher: Fetcher, cache: HTTPCache?, productToken: String, ignoreRobots: Set<String> = [], timing: Timing = Timing()) {
        self.fetcher = fetcher
        self.cache = cache
        self.productToken = productToken
        self.ignoreRobots = ignoreRobots
        self.timing = timing
    }

    /// Fetches a page.
    /// - Parameters:
    ///   - key: the key under which the caller would reuse what extraction made of the page. The request is
    ///     conditional only when the stored result was made under it (the page's body is not kept): that result is
    ///     read with the validators, before the request (``HTTPCache/validators(for:reusing:)``), and held until the
    ///     answer, so that a 304 needs no second lookup.
    ///   - deliver: runs the work that ends the fetch, on the caller's own threads: `completion`, and after a 304 the
    ///     reading of the stored page first, with the bytes of the page body the work holds (0 when none). It is
    ///     called on the network thread, a timer thread or the caller's thread, and must return quickly.
    ///   - validators: that lookup's result when the caller made it already, for several pages at once (the list
    ///     form of ``HTTPCache/validators(for:reusing:)``); nil to make it here.
    ///   - completion: called once with the outcome, inside `deliver`.
    func get(_ url: String, reusing key: String? = nil,
             validators: (headers: [(String, String)], entry: HTTPCache.Entry?)? = nil,
             deliver: @escaping @Sendable (_ bytes: Int, _ work: @escaping @Sendable () -> Void) -> Void,
             completion: @escaping @Sendable (PageOutcome) -> Void) {
        let completion = Delivery(deliver: deliver, completion: completion)
        guard let host = FetchOptions.hostKey(for: url) else {
            completion(.failed("\(url): not an http or https URL"))
            return
        }
        withRobots(host: host) { [self] in
            let verdict: PageOutcome? = lock.withLock {
                switch robots[host] {
                // A host skipped for the run (robots.txt unreachable, Crawl-delay too long) is a failure of the
                // source: nothing could be read, and it must not look like a quiet source with no offers.
                case .skipped(let why): return .failed("\(url): not fetched: \(why)")
                case .ready(let rules): return rules.allows(url) ? nil : .disallowed("\(url): disallowed by robots.txt")
                default: return nil
                }
            }
            if let verdict {
                completion(verdict)
                return
            }
            let lookup = validators ?? (try? cache?.validators(for: url, reusing: key))
            var held = lookup?.entry
            var delivery = completion
            if let size = held?.derived?.count, reserve(size) {
                delivery = Delivery(deliver: completion.deliver) { [self] outcome in
                    lock.withLock { heldBytes -= size }
                    completion.completion(outcome)
                }
            } else {
                held = nil
            }
            attempt(url, host: host, headers: lookup?.headers ?? [], held: held, reusing: key, retry: 0,
                completion: delivery)
        }
    }

    /// Counts `size` bytes held, unless that would pass ``heldBytesLimit``. - Returns: true when counted.
    private func reserve(_ size: Int) -> Bool {
        lock.withLock {
            guard heldBytes + size <= Self.heldBytesLimit else { return false }
            heldBytes += size
            return true
        }
    }

    // MARK: - Requests and retries

    /// - Parameter held: the stored page that the validators in `headers` came from, without its body, when its
    ///   stored extraction is the one to reuse: what a 304 gives.
    private func attempt(_ url: String, host: String, headers: [(String, String)], held: HTTPCache.Entry? = nil,
                         reusing key: String?, retry: Int, completion: Delivery) {
        fetcher.enqueue(FetchRequest(url: url, headers: headers)) { [self] response in
            if let error = response.error {
                if retry < timing.maxRetries, Self.isTransient(error) {
                    later(backoff(retry)) {
                        self.attempt(url, host: host, headers: headers, held: held, reusing: key, retry: retry + 1,
                            completion: completion)
                    }
                } else {
                    completion(.failed("\(error)"))
                }
                return
            }
            switch response.status {
            case 304:
                relax(host)
                // Not Modified answers a conditional request only. Asked again in full, a server that still says 304
                // would be asked forever.
                guard !headers.isEmpty else {
                    completion(.failed("\(url): HTTP 304 Not Modified to a request that was not conditional"))
                    return
                }
                // The stored page was read with the validators (`held`), or is read now where the caller handles it,
                // off the network thread, which goes on with other transfers: one thread hop from the answer to its
                // handling, not two.
                completion.deliver(0) { [self] in
                    if let held {
                        completion.completion(.notModified(held))
                    } else if let entry = try? cache?.entry(for: url, reusing: key) {
                        completion.completion(.notModified(entry))
                    } else {
                        // A 304 for a page we no longer hold: ask again without validators.
                        attempt(url, host: host, headers: [], reusing: key, retry: retry, completion: completion)
                    }
                }
            case 200..<300:
                relax(host)
                // Decoding and looking for a block page cost as much as a transfer: done where the caller handles the
                // page, off the network thread.
                completion.deliver(response.body.count) {
                    let decoded = Charset.decode(response.body, contentType: response.contentType)
                    if let block = BlockDetector.block(status: response.status, utf8: decoded.utf8) {
                        completion.completion(.blocked("\(url): \(block)"))
                    } else if decoded.utf8.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) {
                        completion.completion(.failed("\(url): HTTP \(response.status) with an empty page"))
                    } else {
                        completion.completion(.fetched(response, decoded))
                    }
                }
            case 429, 503:
                let retryAfter = response.headers["retry-after"].flatMap { Self.retryAfter($0, now: Date()) }
                tighten(host)
                if let retryAfter, retryAfter > timing.maxRetryAfter {
                    completion(response.status == 429
                        ? .blocked("\(url): HTTP 429, asked to wait \(Int(retryAfter)) s (more than \(Int(timing.maxRetryAfter)) s)")
                        : .failed("\(url): HTTP 503, asked to wait \(Int(retryAfter)) s (more than \(Int(timing.maxRetryAfter)) s)"))
                } else if retry < timing.maxRetries {
                    let wait = retryAfter ?? backoff(retry)
                    fetcher.adjust(host: host, holdFor: wait)
                    attempt(url, host: host, headers: headers, held: held, reusing: key, retry: retry + 1,
                        completion: completion)
                } else if response.status == 429 {
                    completion(.blocked("\(url): HTTP 429 (too many requests) persisted after \(retry) retries"))
                } else {
                    completion(.failed("\(url): HTTP 503 after \(retry) retries"))
                }
            case 500, 502, 504:
                if retry < timing.maxRetries {
                    later(backoff(retry)) {
                        self.attempt(url, host: host, headers: headers, held: held, reusing: key, retry: retry + 1,
                            completion: completion)
                    }
                } else {
                    completion(.failed("\(url): HTTP \(response.status) after \(retry) retries"))
                }
            case 401, 403:
                completion.deliver(response.body.count) {
                    let decoded = Charset.decode(response.body, contentType: response.contentType)
                    let seen = BlockDetector.block(status: response.status, utf8: decoded.utf8).map { ": \($0)" } ?? ""
                    completion.completion(.blocked("\(url): HTTP \(response.status) (access refused)\(seen)"))
                }
            default:
                completion(.failed("\(url): HTTP \(response.status)"))
            }
        }
    }

    private func backoff(_ retry: Int) -> Double {
        let base = timing.retryBase * pow(2, Double(retry))
        return base + Double.random(in: 0...(base / 2))
    }

    private func later(_ seconds: Double, _ work: @escaping @Sendable () -> Void) {
        timers.asyncAfter(deadline: .now() + seconds, execute: work)
    }

    static func isTransient(_ error: FetchError) -> Bool {
        switch error {
        case .timedOut, .stalled, .couldNotConnect, .transfer: return true
        default: return false
        }
    }

    /// Seconds to wait from a Retry-After header: a number of seconds or an HTTP date.
    static func retryAfter(_ value: String, now: Date) -> Double? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(text), seconds >= 0 { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: text) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    // MARK: - Per-host backoff

    /// The host's delay when not backed off: the configured one, or the robots.txt Crawl-delay when longer.
    private func baseDelay(_ host: String) -> Double {
        let configured = fetcher.options.hostPolicies[host]?.delay ?? fetcher.options.delay
        return max(configured, lock.withLock { crawlDelays[host] ?? 0 })
    }

    private func basePerHost(_ host: String) -> Int {
        fetcher.options.hostPolicies[host]?.perHost ?? fetcher.options.perHost
    }

    /// Doubles the host's delay (at least 1 s) after a 429 or 503.
    private func tighten(_ host: String) {
        let base = baseDelay(host)
        let delay: Double = lock.withLock {
            let next = max(1, (backedOff[host] ?? base) * 2)
            backedOff[host] = next
            return next
        }
        fetcher.adjust(host: host, policy: HostPolicy(perHost: basePerHost(host), delay: delay))
    }

    /// Brings the host's delay back after a success.
    private func relax(_ host: String) {
        let wasBackedOff = lock.withLock { backedOff.removeValue(forKey: host) != nil }
        if wasBackedOff {
            fetcher.adjust(host: host, policy: HostPolicy(perHost: basePerHost(host), delay: baseDelay(host)))
        }
    }

    // MARK: - robots.txt

    /// Runs `then` once the host's robots.txt is known (fetched, cached, or failed).
    private func withRobots(host: String, then: @escaping @Sendable () -> Void) {
        if ignoreRobots.contains(host) {
            then()
            return
        }
        enum Next { case run, wait, load }
        let next: Next = lock.withLock {
            switch robots[host] {
            case .ready, .skipped: return .run
            case .loading(var waiting):
                waiting.append(then)
                robots[host] = .loading(waiting)
                return .wait
            case nil:
                robots[host] = .loading([then])
                return .load
            }
        }
        switch next {
        case .run: then()
        case .wait: return
        case .load:
            if let cached = try? cache?.robots(host: host, maxAge: timing.robotsMaxAge) {
                settle(host, status: cached.status, body: cached.body, fresh: false)
                return
            }
            fetcher.enqueue(FetchRequest(url: host + "/robots.txt")) { [self] response in
                if let error = response.error {
                    settle(host, state: .skipped("\(host)/robots.txt could not be read (\(error)): host skipped for this run"))
                } else {
                    settle(host, status: response.status, body: response.body, fresh: true)
                }
            }
        }
    }

    private func settle(_ host: String, status: Int, body: [UInt8], fresh: Bool) {
        let state: RobotsState
        switch status {
        case 200..<300:
            let rules = RobotsTxt(body, productToken: productToken)
            if let delay = rules.crawlDelay, delay > timing.maxCrawlDelay {
                state = .skipped("\(host) asks a Crawl-delay of \(Int(delay)) s in robots.txt (more than \(Int(timing.maxCrawlDelay)) s): host skipped for this run")
            } else {
                if let delay = rules.crawlDelay, delay > baseDelay(host) {
                    lock.withLock { crawlDelays[host] = delay }
                    fetcher.adjust(host: host, policy: HostPolicy(perHost: basePerHost(host), delay: delay))
                }
                state = .ready(rules)
            }
        case 400..<500 where status != 429:
            state = .ready(.allowAll)  // RFC 9309: an unavailable robots.txt allows everything
        default:
            // 429, 5xx: unreachable; disallow everything for this run, and do not remember it.
            settle(host, state: .skipped("\(host)/robots.txt answered HTTP \(status): host skipped for this run"))
            return
        }
        if fresh { try? cache?.storeRobots(host: host, status: status, body: Array(body.prefix(RobotsTxt.maxBytes))) }
        settle(host, state: state)
    }

    private func settle(_ host: String, state: RobotsState) {
        let waiting: [@Sendable () -> Void] = lock.withLock {
            guard case .loading(let waiting) = robots[host] else { return [] }
            robots[host] = state
            return waiting
        }
        for run in waiting { run() }
    }
}
