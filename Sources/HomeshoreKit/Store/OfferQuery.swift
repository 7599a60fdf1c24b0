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
    /// Only offers with this remote facet.
    public var remote: OfferFacets.Remote?
    /// Only offers whose contract facet holds one of these (any of them).
    public var contracts: [OfferFacets.Contract] = []
    /// Only offers paid for this period (`act`: per act or commission).
    public var payPeriod: OfferFacets.PayPeriod?
    /// Only offers served on one of these channels (any of them).
    public var channels: [OfferFacets.Channel] = []
    /// One offer per group of copies of the same job (the newest copy, with every copy in ``StoredOffer/copies``);
    /// false lists every copy.
    public var onePerGroup = false

    public init(since: Date? = nil, employer: String? = nil, search: String? = nil, sources: [String] = [],
                limit: Int? = nil, remote: OfferFacets.Remote? = nil, contracts: [OfferFacets.Contract] = [],
                payPeriod: OfferFacets.PayPeriod? = nil, channels: [OfferFacets.Channel] = []) {
        self.since = since
        self.employer = employer
        self.search = search
        self.sources = sources
        self.limit = limit
        self.remote = remote
        self.contracts = contracts
        self.payPeriod = payPeriod
        self.channels = channels
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
