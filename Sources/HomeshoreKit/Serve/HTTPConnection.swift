#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One accepted socket of the loopback server: reads HTTP/1.1 requests and writes responses until either side closes.
///
/// Owns the file descriptor and closes it in `deinit`.
final class HTTPConnection {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var scratch = [UInt8](repeating: 0, count: HTTPConnection.readSize)
    private static let readSize = 64 * 1024
    private static let maxHeaderBytes = 64 * 1024

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(Self.readSize)
    }

    deinit {
        close(fd)
    }

    /// Serves requests on this connection until the peer closes, an error occurs or a response ends the connection.
    /// - Parameters:
    ///   - handler: Makes a response for each request.
    ///   - onRequest: Called once per parsed request, before the handler.
    func serve(handler: (LoopbackServer.Request) -> LoopbackServer.Response, onRequest: () -> Void) {
        while true {
            guard let request = readRequest() else { return }
            onRequest()
            let response = handler(request)
            let keepAlive = request.keepAlive && response.behaviour != .closeDelimited
            guard write(response, includeBody: request.method != "HEAD", keepAlive: keepAlive), keepAlive else {
                return
            }
        }
    }

    // MARK: Reading

    /// Reads more bytes into the buffer; false at end of stream or on error.
    private func fill() -> Bool {
        if start > 0, start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > Self.readSize {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        let n = scratch.withUnsafeMutableBytes { raw in
            recv(fd, raw.baseAddress!, raw.count, 0)
        }
        if n < 0, errno == EINTR { return fill() }
        if n > 0 { buffer.append(contentsOf: scratch[0..<n]) }
        return n > 0
    }

    /// The index just past the blank line that ends the head, searching from `from`.
    private func headEnd(from: Int) -> Int? {
        var i = Swift.max(from, start)
        let count = buffer.count
        while i + 3 < count {
            if buffer[i] == 13, buffer[i + 1] == 10, buffer[i + 2] == 13, buffer[i + 3] == 10 { return i + 4 }
            i += 1
        }
        return nil
    }

    private func readRequest() -> LoopbackServer.Request? {
        var end: Int? = headEnd(from: start)
        while end == nil {
            if buffer.count - start > Self.maxHeaderBytes {
                _ = write(.text("request head too large\n", status: 431), includeBody: true, keepAlive: false)
                return nil
            }
            // `fill` may move the unread bytes to the front: remember the searched part relative to `start`.
            let searched = Swift.max(0, buffer.count - start - 3)
            guard fill() else { return nil }
            end = headEnd(from: start + searched)
        }
        let headEnd = end!
        let head = String(decoding: buffer[start..<(headEnd - 4)], as: UTF8.self)
        start = headEnd
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        guard !lines.isEmpty else { return nil }
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count == 3 else {
            _ = write(.text("bad request line\n", status: 400), includeBody: true, keepAlive: false)
            return nil
        }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingSpaces()
            if let existing = headers[name] {
                headers[name] = existing + ", " + value
            } else {
                headers[name] = value
            }
        }
        if requestLine[2] == "HTTP/1.0", headers["connection"]?.lowercased().contains("keep-alive") != true {
            headers["connection"] = "close"
        }
        if headers["transfer-encoding"] != nil {
            _ = write(.text("chunked request bodies are not supported\n", status: 501), includeBody: true, keepAlive: false)
            return nil
        }
        var body: [UInt8] = []
        if let lengthText = headers["content-length"], let length = Int(lengthText), length > 0 {
            while buffer.count - start < length {
                guard fill() else { return nil }
            }
            body = Array(buffer[start..<(start + length)])
            start += length
        }
        return LoopbackServer.Request(
            method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body)
    }

    // MARK: Writing

    private func write(_ response: LoopbackServer.Response, includeBody: Bool, keepAlive: Bool) -> Bool {
        var head = "HTTP/1.1 \(response.status) \(LoopbackServer.Response.reason(response.status))\r\n"
        for (name, value) in response.headers {
            switch name.lowercased() {
            case "content-length", "transfer-encoding", "connection": continue
            default: head += "\(name): \(value)\r\n"
            }
        }
        switch response.behaviour {
        case .normal, .resetAfter, .trickle: head += "Content-Length: \(response.body.count)\r\n"
        case .chunked: head += "Transfer-Encoding: chunked\r\n"
        case .closeDelimited, .silent: break
        }
        head += keepAlive ? "\r\n" : "Connection: close\r\n\r\n"
        if response.behaviour == .silent {
            waitForPeerToLeave(seconds: 60)
            return false
        }
        guard includeBody else { return send(Array(head.utf8)) }
        switch response.behaviour {
        case .silent:
            return false
        case .resetAfter(let count):
            _ = send(Array(head.utf8)) && send(Array(response.body.prefix(count)))
            var linger = linger(l_onoff: 1, l_linger: 0)  // close with RST, not FIN
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
            return false
        case .trickle(let interval):
            guard send(Array(head.utf8)) else { return false }
            for byte in response.body {
                usleep(useconds_t(max(0, interval) * 1_000_000))
                guard send([byte]) else { return false }
            }
            return true
        case .normal, .closeDelimited:
            if response.body.count <= 256 * 1024 {
                var bytes = Array(head.utf8)
                bytes.append(contentsOf: response.body)
                return send(bytes)
            }
            return send(Array(head.utf8)) && send(response.body)
        case .chunked(let size):
            guard send(Array(head.utf8)) else { return false }
            var offset = 0
            let step = Swift.max(1, size)
            while offset < response.body.count {
                let n = Swift.min(step, response.body.count - offset)
                var chunk = Array((String(n, radix: 16) + "\r\n").utf8)
                chunk.append(contentsOf: response.body[offset..<(offset + n)])
                chunk.append(contentsOf: [13, 10])
                guard send(chunk) else { return false }
                offset += n
            }
            return send(Array("0\r\n\r\n".utf8))
        }
    }

    /// Waits until the peer closes the connection (or `seconds` pass), reading and dropping what it sends.
    private func waitForPeerToLeave(seconds: Double) {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        var scratch = [UInt8](repeating: 0, count: 512)
        for _ in 0..<Int(seconds * 10) {
            let ready = poll(&descriptor, 1, 100)
            if ready > 0 {
                let n = recv(fd, &scratch, scratch.count, 0)
                if n <= 0 { return }
            }
        }
    }

    /// Sends every byte, retrying partial writes; false if the peer went away.
    private func send(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let n = Glibc.send(fd, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                sent += n
            }
            return true
        }
    }
}

@available(*, unavailable)
extension HTTPConnection: Sendable {}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        var s = self[...]
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
