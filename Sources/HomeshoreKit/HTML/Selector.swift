/// A selector as written in sources.yaml, compiled to XPath and checked when the configuration is read.
///
/// Accepted forms: `css: li.offer`, `css: a.title @href` (a trailing ` @attr` takes that attribute of each
/// match), `xpath: .//a/@href`, and a bare string with no prefix, which is CSS.
public struct Selector: Sendable, Hashable, CustomStringConvertible {
    /// The text the selector was parsed from, as the user wrote it.
    public let source: String
    /// The XPath 1.0 expression the selector stands for, evaluated relative to a context node.
    public let xpath: String

    /// Parses and compiles a selector.
    ///
    /// - Parameter text: `css: …`, `xpath: …`, or a bare CSS selector, optionally ending in ` @attr`.
    /// - Throws: ``HTMLError/badSelector(selector:reason:)`` for bad CSS, ``HTMLError/badXPath(expression:message:)``
    ///   with libxml2's message when the XPath does not compile.
    public init(parsing text: String) throws(HTMLError) {
        source = text
        let trimmed = HTMLText.trimASCIIWhitespace(text)
        if let body = Self.strip(prefix: "xpath:", from: trimmed) {
            guard !body.isEmpty else { throw .badXPath(expression: body, message: "empty expression") }
            xpath = body
        } else {
            let css = Self.strip(prefix: "css:", from: trimmed) ?? trimmed
            let (selector, attribute) = try Self.splitAttribute(css)
            let translated = try CSS.xpath(for: selector)
            if let attribute {
                xpath = translated.contains(" | ") ? "(\(translated))/@\(attribute)" : "\(translated)/@\(attribute)"
            } else {
                xpath = translated
            }
        }
        try LibXML.validate(xpath)
    }

    /// The source text, as the user wrote it.
    public var description: String { source }

    private static func strip(prefix: String, from text: String) -> String? {
        guard text.lowercased().hasPrefix(prefix) else { return nil }
        return HTMLText.trimASCIIWhitespace(String(text.dropFirst(prefix.count)))
    }

    /// Splits `a.title @href` into the CSS part and the attribute name: only a last whitespace-separated
    /// token that starts with `@` names an attribute.
    private static func splitAttribute(_ css: String) throws(HTMLError) -> (String, String?) {
        guard let space = css.lastIndex(where: { $0 == " " || $0 == "\t" }) else { return (css, nil) }
        let token = css[css.index(after: space)...]
        guard token.first == "@" else { return (css, nil) }
        let name = String(token.dropFirst())
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) || first == "_",
            name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0)
                || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" })
        else {
            throw .badSelector(selector: css, reason: "'\(token)' is not an attribute name; write it as in 'a.title @href'")
        }
        let selector = HTMLText.trimASCIIWhitespace(String(css[..<space]))
        guard !selector.isEmpty else {
            throw .badSelector(selector: css, reason: "'@\(name)' needs a selector before it")
        }
        return (selector, name.lowercased())
    }
}
