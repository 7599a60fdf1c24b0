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
        guard let colon = url.firstIndex(of: ":") else { throw .invalidURL(url: url) }
        let scheme = url[..<colon].lowercased()
        guard scheme == "http" || scheme == "https" else { throw .unsupportedScheme(url: url) }
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
            throw .invalidURL(url: url)
        }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        return "\(scheme)://\(host.lowercased()):\(port)"
    }
}
