// TEMPORARY: replaced by the HTML layer on merge.
public struct Selector: Sendable, Hashable, CustomStringConvertible {
    public var source: String
    public var xpath: String
    public init(parsing text: String) throws { source = text; xpath = text }
    public var description: String { source }
}
