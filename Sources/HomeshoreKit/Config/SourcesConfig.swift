import Foundation

/// The whole of `sources.yaml`: who we are, how politely we crawl, and what we crawl.
public struct SourcesConfig: Sendable {
    /// The file this configuration was read from.
    public var file: String
    /// The schema version (1).
    public var version: Int
    /// The User-Agent sent with every request.
    public var userAgent: String
    /// Politeness and cadence that every source inherits.
    public var defaults: SourceDefaults
    /// Employer aliases: each key is the employer, its values other names of the same employer.
    public var employerAliases: [String: [String]]
    /// The sources, in file order.
    public var sources: [SourceConfig]
    /// What the digest keeps and where it is mailed (the `digest:` section).
    public var digest = DigestConfig()
    /// Query arguments dropped from offer URLs besides ``CanonicalURL/trackingParameters`` (`tracking_parameters:`;
    /// a name ending in `*` is a prefix).
    public var trackingParameters: [String] = []

    /// The source named `name`, if any.
    public func source(named name: String) -> SourceConfig? {
        sources.first { $0.name == name }
    }
}

/// Settings each source inherits unless it sets its own.
public struct SourceDefaults: Sendable, Equatable {
    /// Minimum seconds between two requests to one host.
    public var delay: Double = 1
    /// Transfers in flight at once to one host.
    public var perHost: Int = 1
    /// How often the source is due, in seconds.
    public var every: Double = 86_400
    /// How many listing pages to follow through `next`.
    public var maxPages: Int = 5

    public init() {}
}

/// What a source yields.
public enum SourceKind: String, Sendable, CaseIterable {
    /// Job offers: listing pages, detail pages, JSON-LD JobPosting.
    case offers
    /// Reviews of one employer.
    case reviews
    /// Job offers read from an RSS 2.0 or Atom feed: each `<item>` or `<entry>` is an offer.
    case feed
}

/// A field of an offer that a recipe can select.
public enum OfferField: String, Sendable, CaseIterable, Hashable, Comparable, Codable {
    case id, title, url, employer, location
    case postalCode = "postal_code"
    case contract, salary, posted
    case validThrough = "valid_through"
    case remote, description

    public static func < (a: OfferField, b: OfferField) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One source to crawl, with its recipe.
public struct SourceConfig: Sendable {
    /// A short unique name: lower-case letters, digits and dashes.
    public var name: String
    public var kind: SourceKind
    /// The pages the crawl starts from.
    public var start: [String]
    /// The items of a listing page; without it, the page's JSON-LD JobPostings are the items.
    public var items: Selector?
    /// Field selectors, relative to each item.
    public var fields: [OfferField: Selector]
    /// The field whose link is opened to complete each item (usually `url`).
    public var follow: OfferField?
    /// Field selectors evaluated on each followed detail page.
    public var detail: [OfferField: Selector]
    /// The link to the next listing page.
    public var next: Selector?
    public var maxPages: Int
    public var delay: Double
    public var perHost: Int
    public var every: Double
    /// For review sources: the employer the reviews are about; for feed sources: the employer of every entry
    /// (a provider's own feed).
    public var employer: String?
    /// For review sources: review field selectors, relative to each item (`items:`).
    public var reviewFields: [ReviewField: Selector] = [:]
    /// True when the source said `robots: ignore`: its hosts' robots.txt is not read (a warning says so at every run).
    public var ignoreRobots = false
    /// The line of `sources.yaml` where this source starts, for messages.
    public var line: Int
    /// Query arguments dropped from this source's offer URLs besides the usual tracking ones (the top-level
    /// `tracking_parameters:`).
    public var trackingParameters: [String] = []

    /// A fingerprint of everything that decides what extraction makes of this source's pages: a stored
    /// extraction is reused for an unchanged page only while the recipe (and the extractor) stay the same.
    public var recipeKey: String {
        var parts = ["extractor-1", name, trackingParameters.joined(separator: ","), items?.description ?? "-", next?.description ?? "-", follow?.rawValue ?? "-"]
        parts += fields.sorted { $0.key < $1.key }.map { "f.\($0.key.rawValue)=\($0.value.description)" }
        parts += detail.sorted { $0.key < $1.key }.map { "d.\($0.key.rawValue)=\($0.value.description)" }
        if kind == .feed { parts += ["feed-1", employer ?? "-"] }
        if kind == .reviews {
            parts.append("reviews-1")
            parts += reviewFields.sorted { $0.key < $1.key }.map { "r.\($0.key.rawValue)=\($0.value.description)" }
        }
        return Fingerprint.of(parts.joined(separator: "\u{0}"))
    }

    /// True when extracting this source's pages needs a DOM (a recipe), false when JSON-LD alone does.
    public var needsDOM: Bool { items != nil || !fields.isEmpty || !reviewFields.isEmpty || next != nil }
}
