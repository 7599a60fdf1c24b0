import CCurl

/// A `curl_slist` of request header lines, freed with the list.
final class HeaderList {
    private(set) var pointer: UnsafeMutablePointer<curl_slist>?

    /// Builds the list from name-value pairs; names or values with line breaks are skipped.
    init(_ headers: [(String, String)]) {
        for (name, value) in headers {
            guard !(name + value).contains(where: { $0 == "\r" || $0 == "\n" }) else { continue }
            pointer = curl_slist_append(pointer, "\(name): \(value)")
        }
    }

    deinit {
        curl_slist_free_all(pointer)
    }
}

@available(*, unavailable)
extension HeaderList: Sendable {}
