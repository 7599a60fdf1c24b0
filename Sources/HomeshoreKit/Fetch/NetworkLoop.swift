import CCurl
import Dispatch
import Foundation

/// The network thread of a `Fetcher`: owns the multi handle, the easy-handle pool and the per-host scheduler,
/// and runs `curl_multi_poll` in a loop; `curl_multi_wakeup` brings it back when work is enqueued or on close.
///
/// Everything but `submit`, `close` and `pendingCount` runs on its own thread only.
final class NetworkLoop: @unchecked Sendable {
    struct Job {
        var request: FetchRequest
        var completion: @Sendable (FetchResponse) -> Void
    }

    private let options: FetchOptions
    private let multi: MultiHandle

    // Guarded by `lock`.
    private let lock = NSLock()
    private var incoming: [Job] = []
    private var changes: [(host: String, policy: HostPolicy?, holdFor: Double?)] = []
    private var closing = false
    private var pending = 0
    private var gate: (@Sendable () -> Bool)?

    // Network thread only.
    private var scheduler: HostScheduler<Job>
    private var active: [UnsafeMutableRawPointer: (handle: EasyHandle, job: Job, host: String)] = [:]
    private var pool: [EasyHandle] = []

    private let finished = DispatchGroup()
    private var thread: Thread?

    init(options: FetchOptions) throws(FetchError) {
        try CurlGlobal.ensure()
        let widest = options.hostPolicies.values.map(\.perHost).max() ?? 0
        guard let multi = MultiHandle(maxConnections: options.maxConnections, perHost: max(options.perHost, widest)) else {
            throw .setup(message: "curl_multi_init failed")
        }
        self.options = options
        self.multi = multi
        scheduler = HostScheduler(
            maxTotal: options.maxConnections, perHost: options.perHost, delay: options.delay, jitter: options.jitter)
        scheduler.policies = options.hostPolicies
        finished.enter()
        // The thread holds the loop weakly: the loop holds the thread, and a strong capture made a cycle that kept
        // every closed loop alive, with its multi handle and the connections in its cache (found as threads and
        // sockets piling up when one process crawled many times).
        let finished = self.finished
        let thread = Thread { [weak self] in
            Thread.nameCurrent("hs network")
            self?.run()
            finished.leave()
        }
        self.thread = thread
        thread.start()
    }

    var pendingCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return pending
    }

    /// Hands a job to the network thread; after `close` it completes at once, cancelled, on the caller's thread.
    func submit(_ job: Job) {
        lock.lock()
        guard !closing else {
            lock.unlock()
            job.completion(.failed(job.request, .cancelled(url: job.request.url)))
            return
        }
        incoming.append(job)
        pending += 1
        lock.unlock()
        multi.wakeup()
    }

    /// While `open` returns false, no transfer starts (those in flight go on); nil: no gate. Thread-safe.
    func setGate(_ open: (@Sendable () -> Bool)?) {
        lock.lock()
        gate = open
        lock.unlock()
        multi.wakeup()
    }

    /// Changes a host's limits (nil: back to the defaults) and/or holds it back for some seconds; thread-safe.
    func adjust(host: String, policy: HostPolicy?, holdFor: Double?) {
        lock.lock()
        changes.append((host, policy, holdFor))
        lock.unlock()
        multi.wakeup()
    }

    /// Cancels everything pending and waits for the network thread to end (unless called from it).
    func close() {
        lock.lock()
        closing = true
        lock.unlock()
        multi.wakeup()
        if Thread.current != thread {
            finished.wait()
        }
    }

    // MARK: Network thread

    private func run() {
        while true {
            lock.lock()
            let new = incoming
            incoming.removeAll()
            let adjustments = changes
            changes.removeAll()
            let stop = closing
            let gate = self.gate
            lock.unlock()
            if stop {
                cancelAll(new)
                return
            }
            for change in adjustments {
                if let policy = change.policy { scheduler.policies[change.host] = policy }
                if let seconds = change.holdFor { scheduler.hold(host: change.host, until: Self.now() + seconds) }
            }
            for job in new {
                do {
                    scheduler.add(job, host: try job.request.hostKey())
                } catch {
                    complete(job, .failed(job.request, error))
                }
            }
            startReady(gate)
            multi.perform()
            for (easy, code) in multi.finishedTransfers() {
                guard let entry = active.removeValue(forKey: easy) else { continue }
                multi.remove(entry.handle)
                let response = entry.handle.response(for: entry.job.request, code: code, limits: options)
                scheduler.finished(host: entry.host, now: Self.now())
                if pool.count < options.maxConnections { pool.append(entry.handle) }
                complete(entry.job, response)
            }
            let shut = !startReady(gate)
            var timeout = shut ? 2 : 1000  // a shut gate is asked again soon: nothing wakes the loop when it opens
            if let wake = scheduler.wakeTime() {
                timeout = min(timeout, max(0, Int(((wake - Self.now()) * 1000).rounded(.up))))
            }
            multi.poll(milliseconds: timeout)
        }
    }

    /// Starts every waiting transfer that its host's limits and the global limit allow now, unless `gate` is shut.
    /// - Returns: false when the gate is shut.
    @discardableResult
    private func startReady(_ gate: (@Sendable () -> Bool)?) -> Bool {
        if let gate, !gate() { return false }
        let now = Self.now()
        while let (job, host) = scheduler.next(now: now) {
            guard let handle = pool.popLast() ?? EasyHandle() else {
                scheduler.finished(host: host, now: now)
                complete(job, .failed(job.request, .setup(message: "curl_easy_init failed")))
                continue
            }
            handle.prepare(job.request, options: options)
            active[handle.raw] = (handle, job, host)
            multi.add(handle)
        }
        return true
    }

    private func complete(_ job: Job, _ response: FetchResponse) {
        lock.lock()
        pending -= 1
        lock.unlock()
        job.completion(response)
    }

    private func cancelAll(_ new: [Job]) {
        for entry in active.values {
            multi.remove(entry.handle)
            complete(entry.job, .failed(entry.job.request, .cancelled(url: entry.job.request.url)))
        }
        active.removeAll()
        for job in scheduler.removeAllWaiting() + new {
            complete(job, .failed(job.request, .cancelled(url: job.request.url)))
        }
        pool.removeAll()
    }

    /// Seconds on a monotonic clock.
    static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1_000_000_000
    }
}
