import CCurl

/// The one libcurl multi handle of a `NetworkLoop`: its connection cache is what lets transfers reuse connections.
final class MultiHandle {
    let raw: UnsafeMutableRawPointer

    /// Creates a multi handle with connection limits.
    /// - Parameters:
    ///   - maxConnections: `CURLMOPT_MAX_TOTAL_CONNECTIONS` and the connection cache size.
    ///   - perHost: `CURLMOPT_MAX_HOST_CONNECTIONS`.
    init?(maxConnections: Int, perHost: Int) {
        guard let multi = curl_multi_init() else { return nil }
        raw = multi
        hs_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, max(1, maxConnections))
        hs_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, max(1, perHost))
        hs_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, max(1, maxConnections))
    }

    deinit {
        curl_multi_cleanup(raw)
    }

    func add(_ easy: EasyHandle) {
        curl_multi_add_handle(raw, easy.raw)
    }

    func remove(_ easy: EasyHandle) {
        curl_multi_remove_handle(raw, easy.raw)
    }

    /// Does whatever transfers can do now without blocking.
    func perform() {
        var running: Int32 = 0
        curl_multi_perform(raw, &running)
    }

    /// Waits for socket activity, a `wakeup`, or `milliseconds`, whichever comes first.
    func poll(milliseconds: Int) {
        curl_multi_poll(raw, nil, 0, Int32(milliseconds), nil)
    }

    /// Makes a `poll` in progress (or the next one) return at once. Safe from any thread.
    func wakeup() {
        curl_multi_wakeup(raw)
    }

    /// The transfers that have ended since the last call, with their result codes.
    func finishedTransfers() -> [(easy: UnsafeMutableRawPointer, code: CURLcode)] {
        var done: [(UnsafeMutableRawPointer, CURLcode)] = []
        var left: Int32 = 0
        while let message = curl_multi_info_read(raw, &left) {
            if message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle {
                done.append((easy, hs_msg_result(message)))
            }
        }
        return done
    }
}

@available(*, unavailable)
extension MultiHandle: Sendable {}
