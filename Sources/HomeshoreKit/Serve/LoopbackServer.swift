/// A small HTTP/1.1 server on 127.0.0.1, for tests, `homeshore demo` and the crawl benchmark.
///
/// It listens on an ephemeral port, keeps connections alive, and serves each connection on a thread of its own
/// (no thread per request). Every request goes to `handler`, which runs on that connection's thread.
public final class LoopbackServer: @unchecked Sendable {
    /// The reason a server could not start.
    public struct SetupError: Error, CustomStringConvertible {
        /// What failed, with the system's reason.
        public var description: String
    }

    private let core: ServerCore

    /// Starts a server on an ephemeral port of 127.0.0.1; it serves at once.
    /// - Parameter handler: Makes the response to each request; called on connection threads, concurrently.
    /// - Throws: `SetupError` if the socket cannot be created, bound or listened on.
    public init(handler: @escaping @Sendable (Request) -> Response) throws {
        core = try ServerCore(handler: handler)
    }

    deinit {
        core.stop()
    }

    /// The port the server listens on, on 127.0.0.1.
    public var port: UInt16 { core.port }

    /// The server's base URL, `http://127.0.0.1:PORT`, without a trailing slash.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// How many requests the server has read so far, over all connections.
    public var requestCount: Int { core.read { $0.requests } }

    /// How many connections the server has accepted so far (keep-alive keeps this low).
    public var connectionCount: Int { core.read { $0.accepted } }

    /// How many accepted connections are still open (a client that let go of its connections brings this to 0).
    public var openConnectionCount: Int { core.read { $0.openCount } }

    /// Closes the listener and every open connection, then waits for all server threads to end.
    ///
    /// Idempotent; also called by `deinit`. A handler still running is waited for.
    public func stop() {
        core.stop()
    }
}
