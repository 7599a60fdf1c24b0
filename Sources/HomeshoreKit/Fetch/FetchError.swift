/// Why a fetch failed. Each case names the URL concerned.
public enum FetchError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The URL, or a redirect's target, is not http or https.
    case unsupportedScheme(url: String)
    /// The URL could not be parsed or has no host.
    case invalidURL(url: String)
    /// Following redirects went past the limit (a loop, most often).
    case tooManyRedirects(url: String, limit: Int)
    /// The body, decompressed, went past the limit in bytes.
    case bodyTooLarge(url: String, limit: Int)
    /// The connection or the whole transfer took longer than allowed.
    case timedOut(url: String)
    /// The transfer went slower than the low-speed limit for too long.
    case stalled(url: String)
    /// No connection could be made (refused, unreachable, or the name did not resolve).
    case couldNotConnect(url: String, message: String)
    /// The fetcher was closed before the transfer ended.
    case cancelled(url: String)
    /// The fetcher could not start (libcurl could not be initialised).
    case setup(message: String)
    /// Any other libcurl failure, with its code and message.
    case transfer(url: String, code: Int, message: String)

    /// A sentence naming the URL and what happened.
    public var description: String {
        switch self {
        case .unsupportedScheme(let url):
            "\(url): only http and https URLs are fetched (also after a redirect)"
        case .invalidURL(let url):
            "\(url): not a valid absolute URL"
        case .tooManyRedirects(let url, let limit):
            "\(url): more than \(limit) redirects (a redirect loop?)"
        case .bodyTooLarge(let url, let limit):
            "\(url): the body is larger than \(limit) bytes; the transfer was stopped"
        case .timedOut(let url):
            "\(url): timed out"
        case .stalled(let url):
            "\(url): the transfer stalled (too slow for too long) and was stopped"
        case .couldNotConnect(let url, let message):
            "\(url): could not connect: \(message)"
        case .cancelled(let url):
            "\(url): cancelled because the fetcher was closed"
        case .setup(let message):
            "cannot start fetching: \(message)"
        case .transfer(let url, let code, let message):
            "\(url): transfer failed (libcurl error \(code)): \(message)"
        }
    }
}
