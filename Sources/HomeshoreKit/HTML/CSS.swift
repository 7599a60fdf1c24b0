/// Translation of CSS selectors into XPath 1.0 expressions evaluated relative to a context node.
///
/// The result starts with `descendant-or-self::`, as cssselect's does, so `li.offer` evaluated at the document
/// finds every offer, and evaluated at an item finds that item or its descendants.
///
/// Supported: type selectors and `*`, `#id`, `.class`, `[attr]`, `[attr=v]`, `[attr^=v]`, `[attr$=v]`,
/// `[attr*=v]`, `[attr~=v]`, `[attr|=v]` (values quoted or bare, optional ` i` flag refused), the combinators
/// descendant, `>`, `+` and `~`, `:first-child`, `:last-child`, `:only-child`, `:empty`, `:nth-child(…)` and
/// `:nth-last-child(…)` with integers, `odd`, `even` and `an+b`, `:not(…)` of simple selectors, and comma groups.
public enum CSS {
    /// Translates a CSS selector into an equivalent XPath 1.0 expression.
    ///
    /// - Parameter selector: A CSS selector such as `ul > li.offer:not(.sponsored) a[href]`.
    /// - Returns: An XPath expression selecting the same elements, relative to the context node.
    /// - Throws: ``HTMLError/badSelector(selector:reason:)`` when the selector is malformed or uses
    ///   something unsupported (pseudo-elements, `:hover`, namespaces…); never an XPath that silently matches
    ///   nothing.
    public static func xpath(for selector: String) throws(HTMLError) -> String {
        var translator = CSSTranslator(selector)
        do {
            return try translator.translateGroup()
        } catch let failure {
            throw .badSelector(selector: selector, reason: failure.reason)
        }
    }
}
