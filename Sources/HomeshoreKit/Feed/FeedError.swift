/// A feed that could not be read at all: not XML, nothing recoverable, or not RSS or Atom.
public struct FeedError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The feed's address (a `file://` URL for `sources test --file`).
    public var url: String
    /// What is wrong, in words a user can act on.
    public var reason: String

    public init(url: String, reason: String) {
        self.url = url
        self.reason = reason
    }

    /// `URL: reason`.
    public var description: String { "\(url): \(reason)" }
}
