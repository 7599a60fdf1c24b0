extension LoopbackServer {
    /// One HTTP request as the loopback server received it.
    public struct Request: Sendable {
        /// The method, as sent (`GET`, `HEAD`, ...).
        public var method: String
        /// The request target exactly as sent: path and, if any, `?` and query.
        public var target: String
        /// The path part of the target, without the query.
        public var path: String
        /// The query part of the target, without the `?`, or `nil` when there is none.
        public var query: String?
        /// The request headers, names lower-cased; repeated headers are joined with `", "`.
        public var headers: [String: String]
        /// The request body (only `Content-Length` bodies are read).
        public var body: [UInt8]

        /// Creates a request value, for handlers tested without a socket.
        /// - Parameters:
        ///   - method: The method, such as `GET`.
        ///   - target: The path and query as sent.
        ///   - headers: Header names lower-cased, with their values.
        ///   - body: The body bytes.
        public init(method: String = "GET", target: String, headers: [String: String] = [:], body: [UInt8] = []) {
            self.method = method
            self.target = target
            if let mark = target.firstIndex(of: "?") {
                path = String(target[..<mark])
                query = String(target[target.index(after: mark)...])
            } else {
                path = target
                query = nil
            }
            self.headers = headers
            self.body = body
        }

        /// Whether the client asked to keep the connection open after this request.
        var keepAlive: Bool {
            let connection = headers["connection"]?.lowercased() ?? ""
            return !connection.contains("close")
        }
    }
}
