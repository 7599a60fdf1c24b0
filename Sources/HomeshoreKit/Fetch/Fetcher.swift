/// Fetches http and https URLs with libcurl, politely: per-host queues with a delay between starts, limits per
/// host and overall, capped bodies, redirects followed within limits, connections reused.
///
/// All transfers run on one network thread of the fetcher's own (never on the Swift concurrency pool), driven
/// by libcurl's multi interface. Proxies come from the environment as libcurl reads them (see `FetchOptions`).
public final class Fetcher: @unchecked Sendable {
    /// The options this fetcher was made with.
    public let options: FetchOptions
    private let loop: NetworkLoop

    /// Creates a fetcher and starts its network thread.
    /// - Parameter options: Politeness, limits and timeouts.
    /// - Throws: `FetchError.setup` if libcurl cannot be initialised.
    public init(options: FetchOptions = FetchOptions()) throws {
        self.options = options
        loop = try NetworkLoop(options: options)
    }

    deinit {
        loop.close()
    }

    /// Queues a request; thread-safe.
    ///
    /// `completion` runs on the network thread and must return quickly: hand heavy work to another thread.
    /// A URL that is not http or https is refused without a transfer (`FetchError.unsupportedScheme`). After
    /// `close`, the completion runs at once on the caller's thread with `FetchError.cancelled`.
    /// - Parameters:
    ///   - request: What to fetch.
    ///   - completion: Called once with the response or the error.
    public func enqueue(_ request: FetchRequest, completion: @escaping @Sendable (FetchResponse) -> Void) {
        loop.submit(NetworkLoop.Job(request: request, completion: completion))
    }

    /// Fetches one request, waiting politely behind the others queued for its host.
    /// - Parameter request: What to fetch.
    /// - Returns: The response; failures are in its `error`.
    public func fetch(_ request: FetchRequest) async -> FetchResponse {
        await withCheckedContinuation { continuation in
            enqueue(request) { continuation.resume(returning: $0) }
        }
    }

    /// Changes how politely a host is treated from now on, and/or holds it back (Retry-After, backoff); thread-safe.
    /// - Parameters:
    ///   - host: a key from ``FetchOptions/hostKey(for:)``.
    ///   - policy: the host's new limits, or nil to keep them.
    ///   - holdFor: seconds during which no request to the host starts, or nil.
    public func adjust(host: String, policy: HostPolicy? = nil, holdFor: Double? = nil) {
        loop.adjust(host: host, policy: policy, holdFor: holdFor)
    }

    /// Starts no transfer while `open` returns false (transfers in flight go on; it is asked again every few
    /// milliseconds while shut); nil removes the gate. A crawl shuts it while fetched pages wait for extraction
    /// beyond a limit. Thread-safe.
    public func setGate(_ open: (@Sendable () -> Bool)?) {
        loop.setGate(open)
    }

    /// Requests queued or in flight whose completion has not been called yet.
    public var pendingCount: Int { loop.pendingCount }

    /// Cancels every pending request (their completions run with `FetchError.cancelled`) and ends the network
    /// thread. Idempotent; also done by `deinit`.
    public func close() {
        loop.close()
    }
}
