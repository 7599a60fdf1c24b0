import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny SMTP server on 127.0.0.1 for tests: it answers EHLO, AUTH PLAIN, MAIL FROM, RCPT TO, DATA and QUIT, and
/// records what each session sent. One connection at a time, on a thread of its own.
final class TinySMTPServer: @unchecked Sendable {
    struct Session: Sendable {
        var commands: [String] = []
        var from: String?
        var recipients: [String] = []
        var data = ""
        var auth: String?
    }

    let port: UInt16
    private let listener: Int32
    let sessions = Recorder<[Session]>([])
    /// Answer RCPT TO with 550 (a refused recipient).
    let refuseRecipients: Bool

    init(refuseRecipients: Bool = false) throws {
        self.refuseRecipients = refuseRecipients
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 4) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        Thread { [self] in acceptLoop() }.start()
    }

    /// Wakes the accept loop, which closes the listener itself: closing it here could let the loop, back from a
    /// session, call `accept` on a descriptor number that another test has been given meanwhile.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                if errno == EINTR { continue }
                close(listener)
                return
            }
            serve(client)
            close(client)
        }
    }

    private func serve(_ fd: Int32) {
        var session = Session()
        var buffer = [UInt8]()
        func send(_ line: String) { _ = line.withCString { Glibc.send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) } }
        func readLine() -> String? {
            while true {
                if let i = buffer.firstIndex(of: 10) {
                    let line = String(decoding: buffer[..<i], as: UTF8.self)
                    buffer.removeSubrange(...i)
                    return line.hasSuffix("\r") ? String(line.dropLast()) : line
                }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let n = recv(fd, &chunk, chunk.count, 0)
                guard n > 0 else { return nil }
                buffer += chunk[..<n]
            }
        }
        send("220 tiny.example ESMTP\r\n")
        defer { sessions.update { $0.append(session) } }
        while let line = readLine() {
            session.commands.append(line)
            let upper = line.uppercased()
            if upper.hasPrefix("EHLO") {
                send("250-tiny.example\r\n250-AUTH PLAIN\r\n250 8BITMIME\r\n")
            } else if upper.hasPrefix("AUTH PLAIN") {
                let parts = line.split(separator: " ")
                if parts.count > 2 {
                    session.auth = String(parts[2])
                } else {
                    send("334 \r\n")
                    session.auth = readLine()
                }
                send("235 2.7.0 ok\r\n")
            } else if upper.hasPrefix("MAIL FROM:") {
                session.from = String(line.dropFirst(10))
                send("250 ok\r\n")
            } else if upper.hasPrefix("RCPT TO:") {
                if refuseRecipients { send("550 no such user\r\n"); continue }
                session.recipients.append(String(line.dropFirst(8)))
                send("250 ok\r\n")
            } else if upper == "DATA" {
                send("354 go on\r\n")
                var lines: [String] = []
                while let data = readLine(), data != "." { lines.append(data.hasPrefix("..") ? String(data.dropFirst()) : data) }
                session.data = lines.joined(separator: "\r\n")
                send("250 queued\r\n")
            } else if upper == "QUIT" {
                send("221 bye\r\n")
                return
            } else {
                send("250 ok\r\n")
            }
        }
    }
}
