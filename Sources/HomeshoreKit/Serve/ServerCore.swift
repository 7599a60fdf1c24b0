import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The listening socket and threads behind a `LoopbackServer`.
///
/// Owns the listening descriptor. Its threads retain the core, not the `LoopbackServer`, so dropping the server
/// runs its `deinit`, which stops the core.
final class ServerCore: @unchecked Sendable {
    let listener: Int32
    let port: UInt16
    private let handler: @Sendable (LoopbackServer.Request) -> LoopbackServer.Response

    // Guarded by `state`.
    private let state = NSCondition()
    private var stopping = false
    private var openSockets: Set<Int32> = []
    private var runningThreads = 0
    private(set) var requests = 0
    private(set) var accepted = 0
    /// Connections accepted and not yet ended (read under the lock, through `read`).
    var openCount: Int { openSockets.count }

    init(handler: @escaping @Sendable (LoopbackServer.Request) -> LoopbackServer.Response) throws {
        self.handler = handler
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LoopbackServer.SetupError(description: "socket(): \(Self.systemError())") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 1024) == 0 else {
            let reason = Self.systemError()
            close(fd)
            throw LoopbackServer.SetupError(description: "cannot listen on 127.0.0.1: \(reason)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        startThread { core in core.acceptLoop() }
    }

    deinit {
        close(listener)
    }

    /// Reads a counter under the lock.
    func read<T>(_ body: (ServerCore) -> T) -> T {
        state.lock()
        defer { state.unlock() }
        return body(self)
    }

    func stop() {
        state.lock()
        if !stopping {
            stopping = true
            shutdown(listener, Int32(SHUT_RDWR))
            for fd in openSockets { shutdown(fd, Int32(SHUT_RDWR)) }
        }
        while runningThreads > 0 { state.wait() }
        state.unlock()
    }

    private func startThread(_ body: @escaping @Sendable (ServerCore) -> Void) {
        state.lock()
        runningThreads += 1
        state.unlock()
        let thread = Thread { [self] in
            Thread.nameCurrent("hs loopback")
            body(self)
            state.lock()
            runningThreads -= 1
            state.broadcast()
            state.unlock()
        }
        thread.stackSize = 512 * 1024
        thread.start()
    }

    private func acceptLoop() {
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if read({ $0.stopping }) { return }
                if errno == EINTR || errno == ECONNABORTED { continue }
                usleep(10_000)  // out of descriptors: let connections end
                continue
            }
            var yes: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
            state.lock()
            if stopping {
                state.unlock()
                close(fd)
                return
            }
            openSockets.insert(fd)
            accepted += 1
            state.unlock()
            startThread { core in core.serve(fd) }
        }
    }

    private func serve(_ fd: Int32) {
        let connection = HTTPConnection(fd: fd)
        connection.serve(handler: handler) {
            state.lock()
            requests += 1
            state.unlock()
        }
        state.lock()
        openSockets.remove(fd)
        state.unlock()
        // `connection` closes the descriptor when it goes away, after it left `openSockets`.
        withExtendedLifetime(connection) {}
    }

    private static func systemError() -> String {
        String(cString: strerror(errno))
    }
}
