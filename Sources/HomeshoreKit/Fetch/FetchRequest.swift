import Foundation

/// One URL to fetch, with extra request headers and a tag the caller uses to recognise the answer.
public struct FetchRequest: Sendable {
    /// An absolute http or https URL.
    public var url: String
    /// Extra request headers, sent in order (the User-Agent comes from `FetchOptions`).
    public var headers: [(String, String)]
    /// A number of the caller's choosing, handed back in the response.
    public var tag: Int

    /// Creates a request.
    /// - Parameters:
    ///   - url: An absolute http or https URL.
    ///   - headers: Extra request headers.
    ///   - tag: A number handed back in the response.
    public init(url: String, headers: [(String, String)] = [], tag: Int = 0) {
        self.url = url
        self.headers = headers
        self.tag = tag
    }
}

extension FetchRequest {
    /// The politeness key of this request's URL: scheme, lower-cased host and port (`http://example.fr:80`).
    /// - Throws: `FetchError.unsupportedScheme` for anything but http and https, `.invalidURL` without a host.
    func hostKey() throws(FetchError) -> String {
        if let key = Self.plainHostKey(url) { return key }
        guard let colon = url.firstIndex(of: ":") else { throw .invalidURL(url: url) }
        let scheme = url[..<colon].lowercased()
        guard scheme == "http" || scheme == "https" else { throw .unsupportedScheme(url: url) }
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
            throw .invalidURL(url: url)
        }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        return "\(scheme)://\(host.lowercased()):\(port)"
    }

    /// ``hostKey()`` without Foundation's URL parser, for a URL that `URLText.isPlainAbsolute` accepts whose
    /// authority is a host of letters, digits, `.` and `-` with at most a port of up to five digits (no user, no IP
    /// literal): what `URLComponents` would give then. Nil for any other URL.
    static func plainHostKey(_ url: String) -> String? {
        guard URLText.isPlainAbsolute(url) else { return nil }
        let https = url.hasPrefix("https://")
        var host: [UInt8] = []
        var port: Int?
        var digits = 0
        for byte in url.utf8.dropFirst(https ? 8 : 7) {
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { break }
            if let value = port {
                guard byte >= 0x30 && byte <= 0x39, digits < 5 else { return nil }
                port = value * 10 + Int(byte - 0x30)
                digits += 1
            } else if byte == UInt8(ascii: ":") {
                port = 0
            } else if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "-")
            {
                host.append(byte)
            } else if byte >= 0x41 && byte <= 0x5A {
                host.append(byte | 0x20)
            } else {
                return nil
            }
        }
        guard !host.isEmpty, port ?? 0 <= 65_535 else { return nil }
        let effective = digits > 0 ? port! : (https ? 443 : 80)
        return (https ? "https://" : "http://") + String(decoding: host, as: UTF8.self) + ":\(effective)"
    }
}
