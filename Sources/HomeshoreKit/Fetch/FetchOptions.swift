/// How a `Fetcher` behaves: its politeness, limits and timeouts.
///
/// Proxies are not set here: libcurl reads `http_proxy`, `https_proxy` (or `HTTPS_PROXY`), `all_proxy` and
/// `no_proxy` from the environment itself, and nothing in Homeshore turns that off. As curl documents, the
/// upper-case `HTTP_PROXY` is ignored for http URLs, because in a CGI environment a request's `Proxy:` header
/// would arrive as `HTTP_PROXY`; use the lower-case `http_proxy`.
public struct FetchOptions: Sendable {
    /// The User-Agent sent with every request.
    public var userAgent = "Homeshore/\(HomeshoreInfo.version) (+https://homeshore.example/about)"
    /// The most transfers in flight at once, over all hosts.
    public var maxConnections = 32
    /// The most transfers in flight at once to one host (scheme, host and port).
    public var perHost = 1
    /// The least time, in seconds, between the starts of two requests to one host; 0 allowed.
    public var delay: Double = 1.0
    /// A random extra wait, as a fraction of `delay`: each start adds 0 ... `jitter * delay` seconds.
    public var jitter: Double = 0.25
    /// The largest body kept, counted after decompression; a larger one fails with `FetchError.bodyTooLarge`.
    public var maxBodyBytes = 8 << 20
    /// The most redirects followed; one more fails with `FetchError.tooManyRedirects`.
    public var maxRedirects = 5
    /// Seconds allowed to connect.
    public var connectTimeout: Double = 15
    /// Seconds allowed for a whole transfer, redirects included.
    public var totalTimeout: Double = 60
    /// Bytes per second under which a transfer counts as stalled (see `lowSpeedTime`).
    public var lowSpeedLimit = 64
    /// Seconds a transfer may stay under `lowSpeedLimit` before it fails with `FetchError.stalled`.
    public var lowSpeedTime: Double = 20

    /// Politeness for particular hosts, keyed by ``hostKey(for:)`` (`https://www.example.fr:443`); other hosts
    /// get `perHost` and `delay`.
    public var hostPolicies: [String: HostPolicy] = [:]

    /// The key that groups URLs by host for politeness: scheme, host and port, e.g. `https://www.example.fr:443`.
    /// - Returns: nil for URLs that are not http(s) or have no host.
    public static func hostKey(for url: String) -> String? {
        try? FetchRequest(url: url).hostKey()
    }

    /// Creates the default options: polite (one transfer per host, a second apart), 8 MiB bodies, 5 redirects.
    public init() {}
}

/// How politely one host is treated.
public struct HostPolicy: Sendable, Equatable {
    /// The most transfers in flight at once to the host.
    public var perHost: Int
    /// The least time, in seconds, between two starts to the host.
    public var delay: Double

    public init(perHost: Int, delay: Double) {
        self.perHost = perHost
        self.delay = delay
    }
}
