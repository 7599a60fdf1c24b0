/// One `<item>` (RSS) or `<entry>` (Atom) of a feed, as the feed writes it: text, not yet read into an offer.
struct FeedEntry: Sendable, Equatable {
    /// `guid` (RSS 2.0), `rdf:about` (RSS 1.0) or `id` (Atom).
    var id: String?
    /// The title as plain text (markup in an HTML title removed).
    var title: String?
    /// `link` (RSS), `link rel=alternate href` (Atom), or a permalink `guid`; as written, not yet resolved.
    var link: String?
    /// `pubDate` (RFC 822), `dc:date`, `published` or `updated` (RFC 3339), as written.
    var date: String?
    /// `content:encoded` or `description` (RSS), `content` or `summary` (Atom): HTML or text, as written.
    var body: String?
    /// `dc:creator`, the name in `author` (RSS), or `author/name` (Atom).
    var author: String?
    /// `category` (RSS), `category` label or term (Atom), `dc:subject` (RSS 1.0).
    var categories: [String] = []
}
