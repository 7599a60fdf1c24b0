import Foundation
import GRDB

/// An offer as the database holds it: the offer, its row id, and when it was first and last seen.
public struct StoredOffer: Sendable, Equatable {
    public var id: Int64
    public var offer: Offer
    /// ISO 8601 UTC instant of the first crawl that saw it.
    public var firstSeen: String
    /// ISO 8601 UTC instant of the latest crawl that saw it.
    public var lastSeen: String
    /// The offer's facets, as computed when it was last saved.
    public var facets: OfferFacets
    /// The employer the offer's employer name resolved to when it was saved.
    public var employerID: Int64?
    /// The group of copies of the same job this offer belongs to; nil until grouping has run.
    public var groupID: Int64?
    /// Every copy of the offer's job (this offer included), when the listing shows one line per group; else empty.
    public var copies: [OfferCopy] = []

    /// - Parameter facets: the offer's facets; computed from the offer when nil.
    public init(id: Int64, offer: Offer, firstSeen: String, lastSeen: String, facets: OfferFacets? = nil) {
        self.id = id
        self.offer = offer
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.facets = facets ?? FacetExtractor.facets(for: offer)
    }

    init(row: Row) {
        id = row["id"]
        var offer = Offer(source: row["source"], url: row["url"])
        offer.sourceID = row["source_id"]
        offer.title = row["title"]
        offer.employer = row["employer"]
        offer.location = row["location"]
        offer.postalCode = row["postal_code"]
        offer.remote = row["remote"]
        let types: String = row["employment_type"] ?? ""
        offer.employmentType = types.isEmpty ? [] : types.components(separatedBy: ",")
        offer.contract = row["contract"]
        offer.salaryMin = row["salary_min"]
        offer.salaryMax = row["salary_max"]
        offer.salaryPeriod = row["salary_period"]
        offer.currency = row["currency"]
        offer.salaryText = row["salary_text"]
        offer.posted = row["posted"]
        offer.validThrough = row["valid_through"]
        offer.description = row["description"]
        if row.hasColumn("employer_ref") { offer.employerReference = row["employer_ref"] }
        self.offer = offer
        employerID = row["employer_id"]
        if row.hasColumn("group_id") { groupID = row["group_id"] }
        firstSeen = row["first_seen"]
        lastSeen = row["last_seen"]
        let json: String? = row["facets"]
        facets = json.flatMap(OfferFacets.fromJSON) ?? FacetExtractor.facets(for: offer)
    }
}

/// One copy of a job: which board published it, and where.
public struct OfferCopy: Sendable, Equatable {
    public var id: Int64
    public var source: String
    public var url: String
}

extension Offer {
    /// The column values of an offer, in the order of ``OfferStore/offerColumns``.
    var columnValues: [(any DatabaseValueConvertible)?] { columnValues(key: key) }

    /// ``columnValues`` with the offer's ``key`` already computed (it canonicalises the URL).
    func columnValues(key: String) -> [(any DatabaseValueConvertible)?] {
        [source, key, url, sourceID, title, employer, location, postalCode, remote, employmentType.joined(separator: ","),
         contract, salaryMin, salaryMax, salaryPeriod, currency, salaryText, posted, validThrough, description]
    }

    /// The facet columns (``OfferStore/facetColumns``) of these facets, in order.
    static func facetValues(_ f: OfferFacets) -> [(any DatabaseValueConvertible)?] {
        func list(_ values: [String]) -> String? { values.isEmpty ? nil : "|" + values.joined(separator: "|") + "|" }
        return [f.jsonText, f.remote.value == .unknown ? nil : f.remote.value.rawValue,
                list(f.contract.map(\.value.rawValue)), f.pay.min, f.pay.max, f.pay.period?.rawValue, f.pay.perAct,
                f.hours.value == .unknown ? nil : f.hours.value.rawValue, list(f.channels.map(\.value.rawValue)),
                list(f.tasks.map(\.value.rawValue)), FacetExtractor.rulesVersion]
    }

    /// A fingerprint of everything the offer says, to tell an updated offer from one seen again unchanged.
    ///
    /// Each column is written with a letter for its type (`s` text, `i` integer, `d` real) and no escaping: it runs
    /// for every offer of every crawl, and the database's own description of values (quoted and escaped) cost more
    /// than the rest of the save. Columns are separated by NUL, a missing value is U+0001.
    var contentHash: String { contentHash(key: key) }

    /// ``contentHash`` with the offer's ``key`` already computed.
    /// Hashed a column at a time, as the text they make would be (the text itself, description and all, was
    /// copied together first).
    func contentHash(key: String) -> String {
        var hash = Fingerprint.Builder()
        for (i, value) in columnValues(key: key).enumerated() {
            if i > 0 { hash.add(0) }
            switch value {
            case nil: hash.add(1)
            case let string as String:
                hash.add(UInt8(ascii: "s"))
                hash.add(string)
            case let int as Int: hash.add("i\(int)")
            case let int as Int64: hash.add("i\(int)")
            case let double as Double: hash.add("d\(double)")
            case let other?: hash.add("\(other.databaseValue)")
            }
        }
        return hash.value
    }
}
