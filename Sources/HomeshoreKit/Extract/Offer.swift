import Foundation

/// One job offer as a source gives it: what the listing, the detail page and its JSON-LD say, normalised.
public struct Offer: Sendable, Codable, Equatable {
    /// The source it came from (its name in `sources.yaml`).
    public var source: String
    /// The offer's own page (the detail page when there is one), absolute.
    public var url: String
    /// The site's own id for the offer, when it gives one.
    public var sourceID: String?
    public var title: String?
    public var employer: String?
    /// The town (or region) of the offer.
    public var location: String?
    public var postalCode: String?
    /// `full`, `hybrid` or `on_site`; nil when the page does not say.
    public var remote: String?
    /// schema.org employment types as given (`FULL_TIME`, `CONTRACTOR`...).
    public var employmentType: [String]
    /// The contract: `cdi`, `cdd`, `interim`, `freelance`, `portage`, `apprenticeship`, `internship`, or the
    /// page's own words when they are none of these.
    public var contract: String?
    public var salaryMin: Double?
    public var salaryMax: Double?
    /// `hour`, `day`, `week`, `month`, `year` or `act`.
    public var salaryPeriod: String?
    /// ISO 4217 code, e.g. `EUR`.
    public var currency: String?
    /// The salary as the page writes it, when it came from text.
    public var salaryText: String?
    /// The date the offer was posted, `YYYY-MM-DD`.
    public var posted: String?
    /// The date the offer closes, `YYYY-MM-DD`.
    public var validThrough: String?
    /// The description as readable plain text.
    public var description: String?
    /// The employer's own reference of the offer (a schema.org `identifier` issued by the hiring organisation, not
    /// by the board), when the page gives one: two pages with the same reference are the same job.
    public var employerReference: String?

    public init(source: String, url: String) {
        self.source = source
        self.url = url
        self.employmentType = []
    }

    /// This offer completed by `other`: every value `other` has replaces this one's.
    func overlaid(with other: Offer) -> Offer {
        var merged = self
        if !other.url.isEmpty { merged.url = other.url }
        merged.sourceID = other.sourceID ?? sourceID
        merged.title = other.title ?? title
        merged.employer = other.employer ?? employer
        merged.location = other.location ?? location
        merged.postalCode = other.postalCode ?? postalCode
        merged.remote = other.remote ?? remote
        if !other.employmentType.isEmpty { merged.employmentType = other.employmentType }
        merged.contract = other.contract ?? contract
        if other.salaryMin != nil || other.salaryMax != nil || other.salaryPeriod != nil {
            merged.salaryMin = other.salaryMin
            merged.salaryMax = other.salaryMax
            merged.salaryPeriod = other.salaryPeriod ?? salaryPeriod
            merged.currency = other.currency ?? currency
        } else {
            merged.currency = other.currency ?? currency
        }
        merged.salaryText = other.salaryText ?? salaryText
        merged.posted = other.posted ?? posted
        merged.validThrough = other.validThrough ?? validThrough
        merged.description = other.description ?? description
        merged.employerReference = other.employerReference ?? employerReference
        return merged
    }

    /// The offer with what its own text says filled in where structured data was silent (remote work, for now).
    func completedFromText() -> Offer {
        var offer = self
        if offer.remote == nil {
            offer.remote = RemoteText.fromText([title, description].compactMap { $0 }.joined(separator: "\n"))
        }
        if offer.contract == nil { offer.contract = ContractText.fromEmploymentTypes(employmentType) }
        return offer
    }

    /// The key that identifies this offer within its source: the site's id when it has one, else its canonical URL
    /// (tracking arguments, fragments and the like removed: see ``CanonicalURL``).
    public var key: String { sourceID.map { "id:\($0)" } ?? "url:\(CanonicalURL.canonical(url))" }
}
