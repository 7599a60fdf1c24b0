import Foundation

/// Which offers to list or export.
public struct OfferQuery: Sendable {
    /// Only offers first seen at or after this instant.
    public var since: Date?
    /// Only offers whose employer contains this text (case and accents ignored).
    public var employer: String?
    /// Only offers whose title, employer, location or description contains every word of this text.
    public var search: String?
    /// Only offers from these sources.
    public var sources: [String] = []
    /// At most this many offers.
    public var limit: Int?

    public init(since: Date? = nil, employer: String? = nil, search: String? = nil, sources: [String] = [], limit: Int? = nil) {
        self.since = since
        self.employer = employer
        self.search = search
        self.sources = sources
        self.limit = limit
    }

    /// Text folded for matching: lower case, no accents.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "fr_FR"))
    }

    func matches(_ offer: Offer) -> Bool {
        if let employer, !employer.isEmpty {
            guard let name = offer.employer, Self.fold(name).contains(Self.fold(employer)) else { return false }
        }
        if let search, !search.isEmpty {
            let haystack = Self.fold([offer.title, offer.employer, offer.location, offer.description]
                .compactMap { $0 }.joined(separator: " "))
            for word in Self.fold(search).split(separator: " ") where !haystack.contains(word) { return false }
        }
        return true
    }
}
