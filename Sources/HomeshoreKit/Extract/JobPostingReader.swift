import Foundation

/// Reads schema.org `JobPosting` objects into offers, with no recipe.
public enum JobPostingReader {
    /// Every JobPosting of a page's JSON-LD, as offers.
    /// - Parameters:
    ///   - jsonld: the page's parsed JSON-LD.
    ///   - source: the source name the offers get.
    ///   - pageURL: the page they were read from; relative URLs resolve against it.
    public static func offers(in jsonld: JSONLD, source: String, pageURL: String) -> [Offer] {
        jsonld.objects(ofType: ["JobPosting"]).map { offer(from: $0, in: jsonld, source: source, pageURL: pageURL) }
    }

    /// One JobPosting object as an offer.
    static func offer(from object: [String: Any], in jsonld: JSONLD, source: String, pageURL: String) -> Offer {
        var offer = Offer(source: source, url: URLText.resolve(JSONLD.text(object["url"]), against: pageURL) ?? pageURL)
        offer.title = JSONLD.text(object["title"]) ?? JSONLD.text(object["name"])
        offer.employer = JSONLD.text(jsonld.resolve(object["hiringOrganization"]))
        readLocation(jsonld.resolve(object["jobLocation"]), into: &offer)
        if let type = JSONLD.text(object["jobLocationType"]), type.uppercased() == "TELECOMMUTE" {
            offer.remote = "full"
        }
        offer.employmentType = strings(object["employmentType"])
        readSalary(object["baseSalary"] ?? object["estimatedSalary"], into: &offer)
        offer.posted = JSONLD.text(object["datePosted"]).flatMap(day)
        offer.validThrough = JSONLD.text(object["validThrough"]).flatMap(day)
        offer.sourceID = identifier(object["identifier"])
        offer.employerReference = employerReference(object["identifier"], employer: offer.employer)
        if let html = object["description"] as? String {
            let text = HTMLText.plainText(fromHTML: html)
            offer.description = text.isEmpty ? nil : text
        }
        return offer
    }

    /// The day of a schema.org date as the page writes it: an ISO date-time keeps its own date part (a posting
    /// dated 2026-11-28T00:30+01:00 was posted on the 28th where it was posted).
    static func day(_ text: String) -> String? {
        if let (y, m, d, _) = DateText.isoDay(text), DateText.isValidDay(y, m, d) {
            return DateText.dayString(y, m, d)
        }
        return DateText.parse(text).map(DateText.dayString)
    }

    /// A schema.org identifier: a PropertyValue's `value` (its `name` is the system that issued it), or the text.
    static func identifier(_ value: Any?) -> String? {
        if let object = value as? [String: Any] { return JSONLD.text(object["value"] ?? object["@value"]) }
        if let array = value as? [Any] { return array.lazy.compactMap { identifier($0) }.first }
        return JSONLD.text(value)
    }

    /// The `value` of an identifier whose `name` (the system that issued it) is the hiring organisation itself.
    static func employerReference(_ value: Any?, employer: String?) -> String? {
        let names = EmployerName()
        guard let employer else { return nil }
        let employerKey = names.key(employer)
        guard !employerKey.isEmpty else { return nil }
        let candidates: [Any] = (value as? [Any]) ?? [value as Any]
        for case let object as [String: Any] in candidates {
            if let issuer = JSONLD.text(object["name"]), names.key(issuer) == employerKey,
                let reference = JSONLD.text(object["value"] ?? object["@value"])
            {
                return reference
            }
        }
        return nil
    }

    static func strings(_ value: Any?) -> [String] {
        if let one = value as? String {
            return one.split(separator: ",").map { HTMLText.normalizeSpace(String($0)) }.filter { !$0.isEmpty }
        }
        if let many = value as? [Any] { return many.compactMap { JSONLD.text($0) } }
        return []
    }

    static func readLocation(_ value: Any?, into offer: inout Offer) {
        let place: Any? = (value as? [Any])?.first ?? value
        if let text = place as? String {
            offer.location = HTMLText.normalizeSpace(text)
            return
        }
        guard let place = place as? [String: Any] else { return }
        let address = place["address"]
        if let address = address as? [String: Any] {
            offer.location = JSONLD.text(address["addressLocality"]) ?? JSONLD.text(address["addressRegion"])
                ?? JSONLD.text(place["name"])
            offer.postalCode = JSONLD.text(address["postalCode"])
        } else {
            offer.location = JSONLD.text(address) ?? JSONLD.text(place["name"])
        }
    }

    static func readSalary(_ value: Any?, into offer: inout Offer) {
        guard let value else { return }
        // The usual MonetaryAmount object is tried first: a failed cast of it to NSNumber is not cheap.
        guard let amount = value as? [String: Any] else {
            if let text = value as? String {
                offer.salaryText = text
                apply(SalaryText.parse(text), to: &offer)
            } else if let number = value as? NSNumber {
                offer.salaryMin = number.doubleValue
                offer.salaryMax = number.doubleValue
            }
            return
        }
        offer.currency = JSONLD.text(amount["currency"])?.uppercased()
        var period = JSONLD.text(amount["unitText"])
        if let quantity = amount["value"] as? [String: Any] {
            let exact = JSONLD.number(quantity["value"])
            offer.salaryMin = JSONLD.number(quantity["minValue"]) ?? exact
            offer.salaryMax = JSONLD.number(quantity["maxValue"]) ?? exact ?? offer.salaryMin
            if offer.salaryMin == nil { offer.salaryMin = offer.salaryMax }
            period = JSONLD.text(quantity["unitText"]) ?? period
        } else if let exact = JSONLD.number(amount["value"]) {
            offer.salaryMin = exact
            offer.salaryMax = exact
        } else {
            offer.salaryMin = JSONLD.number(amount["minValue"])
            offer.salaryMax = JSONLD.number(amount["maxValue"]) ?? offer.salaryMin
        }
        offer.salaryPeriod = period.flatMap(unit)
    }

    /// schema.org `unitText` (`HOUR`, `MONTH`, `YEARLY`...) as a period.
    static func unit(_ text: String) -> String? {
        switch text.uppercased() {
        case "HOUR", "HOURLY", "PER_HOUR": return "hour"
        case "DAY", "DAILY", "PER_DAY": return "day"
        case "WEEK", "WEEKLY", "PER_WEEK": return "week"
        case "MONTH", "MONTHLY", "PER_MONTH": return "month"
        case "YEAR", "YEARLY", "ANNUAL", "ANNUALLY", "PER_YEAR": return "year"
        default: return SalaryText.parse(text)?.period
        }
    }

    static func apply(_ salary: Salary?, to offer: inout Offer) {
        guard let salary else { return }
        offer.salaryMin = salary.min
        offer.salaryMax = salary.max
        offer.salaryPeriod = salary.period
        offer.currency = salary.currency ?? offer.currency
    }
}
