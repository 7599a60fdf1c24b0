import CCurl

/// The `CURLOPT_ERRORBUFFER` of one easy handle: libcurl writes a detailed message there when a transfer fails.
final class ErrorBuffer {
    let pointer: UnsafeMutablePointer<CChar>
    private let size = hs_error_size()

    init() {
        pointer = UnsafeMutablePointer<CChar>.allocate(capacity: size)
        clear()
    }

    deinit {
        pointer.deallocate()
    }

    func clear() {
        pointer.initialize(repeating: 0, count: size)
    }

    /// The message libcurl left, or nil when it left none.
    var message: String? {
        pointer[0] == 0 ? nil : String(cString: pointer)
    }
}

@available(*, unavailable)
extension ErrorBuffer: Sendable {}
