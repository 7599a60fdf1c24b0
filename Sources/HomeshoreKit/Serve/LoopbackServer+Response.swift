extension LoopbackServer {
    /// How the server puts a response on the wire.
    ///
    /// Later fault-injection cases (a reset mid-body, a server that never answers, a trickle) belong here.
    public enum Behaviour: Sendable, Equatable {
        /// A `Content-Length` body; the connection stays open if the client wants it.
        case normal
        /// A `Transfer-Encoding: chunked` body, in chunks of at most `size` bytes; no `Content-Length`.
        case chunked(size: Int)
        /// A body ended by closing the connection: no `Content-Length`, no chunking.
        case closeDelimited
        /// Fault: announces the whole body's `Content-Length`, sends `bytes` of it, then resets the connection.
        case resetAfter(bytes: Int)
        /// Fault: reads the request and never answers, until the client gives up (or 60 s pass).
        case silent
        /// Fault: announces the body, then sends it one byte every `interval` seconds, until the client gives up.
        case trickle(interval: Double)
    }

    /// One HTTP response for the loopback server to send.
    public struct Response: Sendable {
        /// The status code, such as 200.
        public var status: Int
        /// Response headers in order. `Content-Length`, `Transfer-Encoding` and `Connection` are added by the server.
        public var headers: [(String, String)]
        /// The body bytes (as sent: already encoded if a `Content-Encoding` header says so).
        public var body: [UInt8]
        /// How the body is framed on the wire.
        public var behaviour: Behaviour

        /// Creates a response.
        /// - Parameters:
        ///   - status: The status code.
        ///   - headers: Headers to send, in order.
        ///   - body: The body bytes.
        ///   - behaviour: How to frame the body.
        public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = [], behaviour: Behaviour = .normal) {
            self.status = status
            self.headers = headers
            self.body = body
            self.behaviour = behaviour
        }

        /// An HTML page as `text/html; charset=utf-8`.
        /// - Parameters:
        ///   - s: The page source.
        ///   - status: The status code, 200 unless given.
        /// - Returns: The response.
        public static func html(_ s: String, status: Int = 200) -> Response {
            Response(status: status, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(s.utf8))
        }

        /// Plain text as `text/plain; charset=utf-8`.
        /// - Parameters:
        ///   - s: The text.
        ///   - status: The status code, 200 unless given.
        /// - Returns: The response.
        public static func text(_ s: String, status: Int = 200) -> Response {
            Response(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(s.utf8))
        }

        /// A 404 with a short plain-text body.
        /// - Returns: The response.
        public static func notFound() -> Response {
            text("not found\n", status: 404)
        }

        /// A redirect to `location`.
        /// - Parameters:
        ///   - location: The `Location` header value, absolute or relative.
        ///   - status: The status code, 302 unless given.
        /// - Returns: The response.
        public static func redirect(to location: String, status: Int = 302) -> Response {
            Response(status: status, headers: [("Location", location)])
        }

        /// The reason phrase for a status line.
        static func reason(_ status: Int) -> String {
            switch status {
            case 200: "OK"
            case 201: "Created"
            case 204: "No Content"
            case 301: "Moved Permanently"
            case 302: "Found"
            case 303: "See Other"
            case 304: "Not Modified"
            case 307: "Temporary Redirect"
            case 308: "Permanent Redirect"
            case 400: "Bad Request"
            case 403: "Forbidden"
            case 404: "Not Found"
            case 429: "Too Many Requests"
            case 431: "Request Header Fields Too Large"
            case 500: "Internal Server Error"
            case 501: "Not Implemented"
            case 503: "Service Unavailable"
            default: "Status"
            }
        }
    }
}
