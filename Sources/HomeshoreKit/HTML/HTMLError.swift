/// An error raised by the HTML layer: a selector that cannot be compiled, an XPath that libxml2 rejects,
/// or a document that cannot be parsed.
public enum HTMLError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A CSS selector is malformed or uses a feature the translator does not support.
    case badSelector(selector: String, reason: String)
    /// An XPath expression did not compile or evaluate; `message` is libxml2's own diagnostic.
    case badXPath(expression: String, message: String)
    /// A document could not be parsed at all; the payload says why.
    case unparsable(String)

    /// A sentence a user can act on, naming the selector or expression at fault.
    public var description: String {
        switch self {
        case .badSelector(let selector, let reason):
            return "bad CSS selector '\(selector)': \(reason)"
        case .badXPath(let expression, let message):
            return "bad XPath '\(expression)': \(message)"
        case .unparsable(let reason):
            return "unparsable HTML: \(reason)"
        }
    }
}
