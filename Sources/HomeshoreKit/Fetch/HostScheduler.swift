/// Decides which waiting request may start now: per-host queues with a per-host limit and a delay between two
/// starts to one host, under a global limit. Hosts never block each other; waiting hosts are served round-robin.
///
/// Pure bookkeeping with time passed in, so that it is tested without a network.
struct HostScheduler<Item> {
    private struct Host {
        var waiting: [Item] = []
        var head = 0
        var inFlight = 0
        var nextStart = -Double.infinity
        var isWaiting: Bool { head < waiting.count }
    }

    let maxTotal: Int
    let perHost: Int
    let delay: Double
    let jitter: Double
    /// Limits of particular hosts, replacing `perHost` and `delay` for them.
    var policies: [String: HostPolicy] = [:]
    /// A number in 0 ..< 1 for jitter; replaced in tests.
    var random: () -> Double = { Double.random(in: 0..<1) }

    private var hosts: [String: Host] = [:]
    /// Hosts with waiting items, in round-robin order.
    private var ready: [String] = []
    private var cursor = 0
    private(set) var inFlight = 0
    private(set) var waitingCount = 0

    init(maxTotal: Int, perHost: Int, delay: Double, jitter: Double) {
        self.maxTotal = Swift.max(1, maxTotal)
        self.perHost = Swift.max(1, perHost)
        self.delay = Swift.max(0, delay)
        self.jitter = Swift.max(0, jitter)
    }

    /// Queues `item` behind the other items of `host`.
    mutating func add(_ item: Item, host: String) {
        // In place: a copy of the host's state taken out of the dictionary would copy its whole queue at each add.
        if !(hosts[host]?.isWaiting ?? false) { ready.append(host) }
        hosts[host, default: Host()].waiting.append(item)
        waitingCount += 1
    }

    /// Takes the next item allowed to start at `now`, and counts it as started; nil when none may start yet.
    mutating func next(now: Double) -> (item: Item, host: String)? {
        guard inFlight < maxTotal, !ready.isEmpty else { return nil }
        for step in 0..<ready.count {
            let index = (cursor + step) % ready.count
            let key = ready[index]
            let policy = policies[key]
            guard var state = hosts[key], state.inFlight < (policy?.perHost ?? perHost), now >= state.nextStart else {
                continue
            }
            let delay = policy.map { Swift.max(0, $0.delay) } ?? self.delay
            let item = state.waiting[state.head]
            state.head += 1
            if !state.isWaiting {
                state.waiting.removeAll()
                state.head = 0
                ready.remove(at: index)
                cursor = ready.isEmpty ? 0 : index % ready.count
            } else {
                cursor = (index + 1) % ready.count
            }
            state.inFlight += 1
            state.nextStart = now + delay + (jitter > 0 ? jitter * delay * random() : 0)
            hosts[key] = state
            inFlight += 1
            waitingCount -= 1
            return (item, key)
        }
        return nil
    }

    /// Holds `host` back: nothing starts there before `until` (Retry-After, backoff).
    mutating func hold(host: String, until: Double) {
        var state = hosts[host] ?? Host()
        state.nextStart = Swift.max(state.nextStart, until)
        hosts[host] = state
    }

    /// Counts one transfer to `host` as ended.
    mutating func finished(host: String, now: Double) {
        guard var state = hosts[host] else { return }
        state.inFlight -= 1
        inFlight -= 1
        if state.inFlight == 0, !state.isWaiting, state.nextStart <= now {
            hosts[host] = nil
        } else {
            hosts[host] = state
        }
    }

    /// The earliest time a waiting item could start, if it waits only for a host's delay; nil if nothing waits
    /// for time (nothing waits, or all waiting hosts are full, or the global limit is reached).
    func wakeTime() -> Double? {
        guard inFlight < maxTotal else { return nil }
        var earliest: Double?
        for key in ready {
            guard let state = hosts[key], state.inFlight < (policies[key]?.perHost ?? perHost) else { continue }
            earliest = Swift.min(earliest ?? state.nextStart, state.nextStart)
        }
        return earliest
    }

    /// Removes and returns every waiting item.
    mutating func removeAllWaiting() -> [Item] {
        var items: [Item] = []
        for key in ready {
            guard var state = hosts[key] else { continue }
            items.append(contentsOf: state.waiting[state.head...])
            state.waiting.removeAll()
            state.head = 0
            hosts[key] = state
        }
        ready.removeAll()
        cursor = 0
        waitingCount = 0
        return items
    }
}
