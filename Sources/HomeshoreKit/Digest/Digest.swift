import Foundation

/// An employer as the digest shows it: its name and, once reputations exist, its score with an interval and its
/// red flags. Every field but the name is optional: the digest works without scores.
public struct DigestEmployer: Sendable, Codable, Equatable {
    public var name: String
    /// The employer's score from 0 to 5, when known.
    public var score: Double?
    /// The low and high ends of the score's interval.
    public var low: Double?
    public var high: Double?
    public var reviewCount: Int?
    /// Red flags in plain words ("late payments", "unpaid training").
    public var flags: [String]

    public init(name: String, score: Double? = nil, low: Double? = nil, high: Double? = nil, reviewCount: Int? = nil,
                flags: [String] = []) {
        self.name = name
        self.score = score
        self.low = low
        self.high = high
        self.reviewCount = reviewCount
        self.flags = flags
    }
}

/// A link to an offer on one source.
public struct DigestLink: Sendable, Codable, Equatable {
    public var source: String
    public var url: String
}

/// One line of the digest: an offer, or a group of duplicates of one offer seen on several sources.
public struct DigestOffer: Sendable, Codable, Equatable {
    /// The stored offer's id (the group's first offer), for `homeshore mark ID`.
    public var id: Int64
    /// The ids of every offer of the group.
    public var ids: [Int64]
    public var title: String
    public var place: String?
    /// `full`, `hybrid`, `on_site` or `unknown`.
    public var remote: String
    /// Contract facets (`cdi`, `freelance`...).
    public var contracts: [String]
    public var pay: OfferFacets.Pay
    /// The offer's posted date, `YYYY-MM-DD`, when given.
    public var posted: String?
    /// When Homeshore first saw it (ISO 8601 UTC).
    public var firstSeen: String
    /// Every source link of the group.
    public var links: [DigestLink]
    /// The user's mark, when any (hidden offers never reach the digest).
    public var mark: OfferMark?
}

/// An employer's offers in the digest.
public struct DigestSection: Sendable, Codable, Equatable {
    public var employer: DigestEmployer
    public var offers: [DigestOffer]
}

/// A source that did not go well in its latest crawl: failed, blocked, partly failed or with a recipe that may be
/// broken.
public struct DigestProblem: Sendable, Codable, Equatable {
    public var source: String
    /// `failed`, `blocked`, `broken` or `partial`.
    public var status: String
    public var message: String?
    /// When the crawl that went wrong started.
    public var at: String
}

/// A digest: the new offers grouped by employer, best employers first, and what went wrong in the last crawls.
public struct Digest: Sendable, Codable, Equatable {
    public var generatedAt: Date
    /// Offers first seen at or after this instant; nil for all.
    public var since: Date?
    public var problems: [DigestProblem]
    public var sections: [DigestSection]
    /// Offers left out by the `digest:` filters, by hidden marks or by blocked employers.
    public var filteredOut: Int

    /// The number of lines (offers or groups) in the digest.
    public var offerCount: Int { sections.reduce(0) { $0 + $1.offers.count } }
}
