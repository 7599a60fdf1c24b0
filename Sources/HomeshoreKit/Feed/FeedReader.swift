/// Reads the entries of an RSS 2.0, RSS 1.0 or Atom 1.0 feed from a document parsed by libxml2's XML parser.
///
/// Elements are matched by namespace, with the prefixes every context registers (``LibXML/namespaces``):
/// RSS 2.0 elements have none, Atom's are `atom:`, RSS 1.0's `rss1:`.
struct FeedReader {
    /// The dialects read.
    enum Format: String, Sendable {
        case rss = "RSS 2.0"
        case rss1 = "RSS 1.0"
        case atom = "Atom"
    }

    let document: HTMLDocument
    let format: Format

    /// Recognises the feed by its root element.
    /// - Throws: ``FeedError`` naming `url` when the root is none of `rss`, `rdf:RDF` and Atom's `feed`.
    init(document: HTMLDocument, url: String) throws(FeedError) {
        self.document = document
        let name = (try? document.string(xpath: "local-name(/*)", in: nil)) ?? ""
        let namespace = (try? document.string(xpath: "namespace-uri(/*)", in: nil)) ?? ""
        switch (name, namespace) {
        case ("rss", _): format = .rss
        case ("RDF", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"): format = .rss1
        case ("feed", "http://www.w3.org/2005/Atom"): format = .atom
        default:
            let shown = name.isEmpty ? "nothing" : "<\(name)>"
            throw FeedError(url: url, reason: "not an RSS or Atom feed: the root element is \(shown)")
        }
    }

    /// The XPath of the entries, from the document: at any depth, since libxml2's recovery from a broken feed
    /// (an unclosed `<b>` in a description) can nest the following entries inside an earlier one.
    var entriesXPath: String {
        switch format {
        case .rss: return "//item"
        case .rss1: return "//rss1:item"
        case .atom: return "//atom:entry"
        }
    }

    /// The feed's own address (`rel="self"`) or, for RSS, its site's: the base for relative links when the feed
    /// was read from a file.
    func ownLink() throws(HTMLError) -> String? {
        if let own = try document.string(
            xpath: "(/atom:feed/atom:link[@rel='self'] | /rss/channel/atom:link[@rel='self'])[1]/@href", in: nil)
        {
            return own
        }
        return try document.string(xpath: "/rss/channel/link | /rdf:RDF/rss1:channel/rss1:link", in: nil)
    }

    /// The next page of a paged feed (RFC 5005 `<atom:link rel="next">`, on an Atom feed or an RSS channel).
    func nextPage() throws(HTMLError) -> String? {
        try document.string(xpath: "(/atom:feed/atom:link[@rel='next'] | /rss/channel/atom:link[@rel='next'])[1]/@href",
            in: nil)
    }

    /// Every entry with its element, in feed order.
    /// - Throws: ``HTMLError`` when libxml2 fails to evaluate an expression (out of memory).
    func entries() throws -> [(node: HTMLNode, entry: FeedEntry)] {
        try document.select(xpath: entriesXPath, in: nil).map { node in (node, try entry(node)) }
    }

    private func entry(_ node: HTMLNode) throws -> FeedEntry {
        var entry = FeedEntry()
        switch format {
        case .rss, .rss1:
            let p = format == .rss ? "" : "rss1:"
            entry.id = try text(format == .rss ? "./guid" : "./@rdf:about", node)
            entry.title = try title(p + "title", node)
            entry.link = try text("./\(p)link", node)
            if entry.link == nil, format == .rss,
                let guid = try text("./guid[not(@isPermaLink='false')]", node), guid.hasPrefix("http")
            {
                entry.link = guid
            }
            entry.date = try text("./pubDate", node) ?? text("./dc:date", node)
            entry.body = try raw("./content:encoded", node) ?? raw("./\(p)description", node)
            entry.author = try text("./dc:creator", node) ?? text("./author", node).map(Self.rssAuthorName)
            entry.categories = try document.select(xpath: "./category | ./dc:subject", in: node).map(\.text)
        case .atom:
            entry.id = try text("./atom:id", node)
            entry.title = try title("atom:title", node)
            entry.link = try text("./atom:link[not(@rel) or @rel='alternate'][not(@type) or contains(@type, 'html')]/@href", node)
                ?? text("./atom:link[not(@rel) or @rel='alternate']/@href", node)
            entry.date = try text("./atom:published", node) ?? text("./atom:updated", node)
            entry.body = try atomText("./atom:content", node) ?? atomText("./atom:summary", node)
            entry.author = try text("./atom:author/atom:name", node)
            entry.categories = try document.select(xpath: "./atom:category", in: node).compactMap {
                $0.attribute("label") ?? $0.attribute("term")
            }
        }
        entry.categories = entry.categories.map(HTMLText.normalizeSpace).filter { !$0.isEmpty }
        return entry
    }

    private func text(_ xpath: String, _ node: HTMLNode) throws(HTMLError) -> String? {
        try document.string(xpath: xpath, in: node)
    }

    private func raw(_ xpath: String, _ node: HTMLNode) throws(HTMLError) -> String? {
        let text = try document.select(xpath: xpath, in: node).first?.rawText
        return text.flatMap { HTMLText.trimmingWhitespaceAndNewlines($0).isEmpty ? nil : $0 }
    }

    /// A title as plain text: an RSS title may hold escaped markup, an Atom one says so with `type="html"`.
    private func title(_ name: String, _ node: HTMLNode) throws(HTMLError) -> String? {
        guard let raw = try atomText("./\(name)", node) else { return nil }
        let text = HTMLText.normalizeSpace(HTMLText.plainText(fromHTML: raw))
        return text.isEmpty ? nil : text
    }

    /// An Atom text construct: `type="xhtml"` content is markup inside the element, the other types are text.
    private func atomText(_ xpath: String, _ node: HTMLNode) throws(HTMLError) -> String? {
        guard let element = try document.select(xpath: xpath, in: node).first else { return nil }
        if element.attribute("type") == "xhtml" {
            let markup = try document.select(xpath: "./*", in: element).map(\.outerHTML).joined()
            return markup.isEmpty ? nil : markup
        }
        let text = element.rawText
        return HTMLText.trimmingWhitespaceAndNewlines(text).isEmpty ? nil : text
    }

    /// RSS's `author` is an e-mail address, often with the name in brackets: `jobs@example.fr (Domicall)`.
    static func rssAuthorName(_ author: String) -> String {
        if let open = author.firstIndex(of: "("), let close = author.lastIndex(of: ")"), open < close {
            let name = HTMLText.normalizeSpace(String(author[author.index(after: open)..<close]))
            if !name.isEmpty { return name }
        }
        return author
    }
}
