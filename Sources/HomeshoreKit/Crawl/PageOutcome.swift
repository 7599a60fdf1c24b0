import Foundation

/// What fetching one page politely came to.
enum PageOutcome: Sendable {
    /// A 2xx answer with a body that is not a block page, and that body in UTF-8.
    case fetched(FetchResponse, DecodedPage)
    /// A 304 answer: the page has not changed since it was stored.
    case notModified(HTTPCache.Entry)
    /// robots.txt (or a host's excessive Crawl-delay) keeps us from fetching it; never requested.
    case disallowed(String)
    /// A block or challenge page, or a 403/429 that persisted.
    case blocked(String)
    /// Anything else that failed, with a message naming the URL.
    case failed(String)
}
