/// What grouping compares of one offer, computed once: employer key, place, contract, hours, pay, title words,
/// description words and the MinHash signature of its description's shingles.
public struct DedupFeatures: Sendable {
    var employer: String
    var employerReference: String?
    /// Folded town, or "" when the offer names none (or only "France", "télétravail"...).
    var town: String
    /// The first five digits of the postal code, or "".
    var postcode: String
    var remote: OfferFacets.Remote
    var contracts: Set<String>
    var hours: OfferFacets.HoursKind
    var payMin: Double?
    var payMax: Double?
    var payPeriod: OfferFacets.PayPeriod?
    var title: Set<String>
    /// Hashes of the description's content words, sorted, unique.
    var words: [UInt64]
    var signature: [UInt32]

    static let placeNoise: Set<String> = ["france", "teletravail", "remote", "domicile", "national", "toute", "partout",
        "home", "metropole", "distance", "entier", "ensemble", "en", "de", "la", "100"]

    /// - Parameter facets: the offer's facets; without them, what the offer's structured fields say.
    init(offer: Offer, facets: OfferFacets?, employers: EmployerName, hasher: MinHasher) {
        employer = employers.key(offer.employer)
        employerReference = offer.employerReference.map { TextFolding.fold($0) }
        let townWords = DedupText.words(TextFolding.fold(offer.location ?? ""))
        town = townWords.allSatisfy { Self.placeNoise.contains($0) || $0.allSatisfy(\.isNumber) }
            ? "" : townWords.filter { !$0.allSatisfy(\.isNumber) }.joined(separator: " ")
        let digits = (offer.postalCode ?? "").filter(\.isNumber)
        postcode = digits.count >= 5 ? String(digits.prefix(5)) : ""
        if let facets {
            remote = facets.remote.value
            contracts = Set(facets.contract.map(\.value.rawValue))
            hours = facets.hours.value
            payMin = facets.pay.min
            payMax = facets.pay.max
            payPeriod = facets.pay.period
        } else {
            remote = offer.remote.flatMap(OfferFacets.Remote.init(rawValue:)) ?? .unknown
            contracts = Set([offer.contract.flatMap(ContractText.normalise) ?? offer.contract].compactMap { $0 })
            hours = offer.employmentType.contains("PART_TIME") ? .partTime
                : offer.employmentType.contains("FULL_TIME") ? .fullTime : .unknown
            payMin = offer.salaryMin
            payMax = offer.salaryMax
            payPeriod = offer.salaryPeriod.flatMap(OfferFacets.PayPeriod.init(rawValue:))
        }
        title = DedupText.titleWords(offer.title)
        let descriptionWords = DedupText.words(TextFolding.fold(offer.description ?? ""))
        words = Array(Set(descriptionWords.filter { !DedupText.stopWords.contains($0) }.map(MinHasher.hash))).sorted()
        signature = hasher.signature(of: hasher.shingleHashes(words: descriptionWords))
    }

    /// Where the offer is, for blocking: its town, else its postal code, else `remote` for a fully remote offer.
    var placeKey: String {
        if !town.isEmpty { return town }
        if !postcode.isEmpty { return postcode }
        return remote == .full ? "remote" : ""
    }

    /// |a ∩ b| / |a ∪ b| of two sorted unique arrays.
    static func jaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
        if a.isEmpty || b.isEmpty { return 0 }
        var i = 0, j = 0, common = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { common += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return Double(common) / Double(a.count + b.count - common)
    }
}
