/// What grouping compares of one offer, computed once: employer key, place, contract, hours, pay, title words,
/// description words and the LSH band keys of its description's MinHash signature. How the offer is worked and
/// paid is its ``Terms``, read through as if they were its own fields (`features.remote`, `features.payMin`).
@dynamicMemberLookup
public struct DedupFeatures: Sendable {
    /// What an offer's facets (or, without facets, its structured fields) say of how it is worked and paid. Public
    /// only so that the dynamic member lookup below may be (its members stay internal).
    public struct Terms: Sendable {
        var remote: OfferFacets.Remote
        var contracts: Set<String>
        var hours: OfferFacets.HoursKind
        var payMin: Double?
        var payMax: Double?
        var payPeriod: OfferFacets.PayPeriod?

        /// - Parameter facets: the offer's facets; without them, what the offer's structured fields say.
        init(offer: Offer, facets: OfferFacets?) {
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
        }

        init(remote: OfferFacets.Remote, contracts: Set<String>, hours: OfferFacets.HoursKind, payMin: Double?,
             payMax: Double?, payPeriod: OfferFacets.PayPeriod?) {
            self.remote = remote
            self.contracts = contracts
            self.hours = hours
            self.payMin = payMin
            self.payMax = payMax
            self.payPeriod = payPeriod
        }
    }

    /// Bumped whenever what ``words`` or ``bands`` hold for a text changes (word splitting, stop words, hashing,
    /// shingles, MinHash settings), so that stored copies (`dedup_features`) made by older rules are not used.
    static let textRulesVersion = 1

    var employer: String
    var employerReference: String?
    /// Folded town, or "" when the offer names none (or only "France", "télétravail"...).
    var town: String
    /// The first five digits of the postal code, or "".
    var postcode: String
    var terms: Terms
    /// Hashes of the title's words (``DedupText/titleWords(_:)``, each ``MinHasher/hash(_:)``), sorted, unique:
    /// compared by merging, and read from `dedup_features` without making a string per word.
    var title: [UInt64]
    /// Hashes of the description's content words, sorted, unique.
    var words: [UInt64]
    /// The LSH band keys of the description's MinHash signature (not yet scoped by employer); empty without text.
    var bands: [UInt64]

    public subscript<T>(dynamicMember keyPath: KeyPath<Terms, T>) -> T { terms[keyPath: keyPath] }

    static let placeNoise: Set<String> = ["france", "teletravail", "remote", "domicile", "national", "toute", "partout",
        "home", "metropole", "distance", "entier", "ensemble", "en", "de", "la", "100"]

    /// What grouping computes of an offer's own text, and keeps in `dedup_features` while that text (its
    /// `content_hash`) is unchanged: everything but its terms (the facets, stored apart and rewritten by newer
    /// facet rules) and its employer's reference (stored apart too).
    struct Kept: Sendable {
        /// The employer's name folded (``EmployerName/fold(_:)``), before sources.yaml's aliases; nil without one.
        var employerName: String?
        var town: String
        var postcode: String
        var title: Set<String>
        var words: [UInt64]
        var bands: [UInt64]

        init(offer: Offer, hasher: MinHasher) {
            employerName = offer.employer.map(EmployerName.fold)
            let townWords = DedupText.words(TextFolding.fold(offer.location ?? ""))
            town = townWords.allSatisfy { DedupFeatures.placeNoise.contains($0) || $0.allSatisfy(\.isNumber) }
                ? "" : townWords.filter { !$0.allSatisfy(\.isNumber) }.joined(separator: " ")
            let digits = (offer.postalCode ?? "").filter(\.isNumber)
            postcode = digits.count >= 5 ? String(digits.prefix(5)) : ""
            title = DedupText.titleWords(offer.title)
            (words, bands) = DedupFeatures.text(offer.description, hasher: hasher)
        }

        init(employerName: String?, town: String, postcode: String, title: Set<String>, words: [UInt64],
             bands: [UInt64]) {
            self.employerName = employerName
            self.town = town
            self.postcode = postcode
            self.title = title
            self.words = words
            self.bands = bands
        }
    }

    /// - Parameter facets: the offer's facets; without them, what the offer's structured fields say.
    init(offer: Offer, facets: OfferFacets?, employers: EmployerName, hasher: MinHasher) {
        self.init(kept: Kept(offer: offer, hasher: hasher), employerReference: offer.employerReference,
            terms: Terms(offer: offer, facets: facets), employers: employers)
    }

    /// Features from what was computed of the offer's text before (``Kept``), its employer's reference and terms.
    init(kept: Kept, employerReference: String?, terms: Terms, employers: EmployerName) {
        self.init(employerName: kept.employerName, town: kept.town, postcode: kept.postcode,
            title: Self.titleHashes(kept.title), words: kept.words, bands: kept.bands,
            employerReference: employerReference, terms: terms, employers: employers)
    }

    /// Features from their parts as kept: ``Kept``'s fields, the title words already hashed (``titleHashes(_:)``).
    init(employerName: String?, town: String, postcode: String, title: [UInt64], words: [UInt64], bands: [UInt64],
         employerReference: String?, terms: Terms, employers: EmployerName) {
        employer = employers.key(folded: employerName)
        self.employerReference = employerReference.map { TextFolding.fold($0) }
        self.town = town
        self.postcode = postcode
        self.terms = terms
        self.title = title
        self.words = words
        self.bands = bands
    }

    /// The hashes of title words, sorted and unique (as ``title`` holds them).
    static func titleHashes(_ words: Set<String>) -> [UInt64] {
        Array(Set(words.map(MinHasher.hash))).sorted()
    }

    /// The number of values two sorted unique arrays share.
    static func common(_ a: [UInt64], _ b: [UInt64]) -> Int {
        var i = 0, j = 0, common = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { common += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return common
    }

    /// What grouping takes of a description (the costly part of the features): its content words' hashes, sorted
    /// and unique, and the LSH band keys of its shingles' MinHash signature.
    ///
    /// The words of ``DedupText/words(_:)``, each hashed once from the folded text's bytes (no string per word);
    /// a stop word is told by its bytes packed into an integer (``DedupText/isStopWord(packed:length:)``).
    static func text(_ description: String?, hasher: MinHasher) -> (words: [UInt64], bands: [UInt64]) {
        var folded = TextFolding.fold(description ?? "")
        var all: [UInt64] = []
        var content: [UInt64] = []
        folded.withUTF8 { bytes in
            all.reserveCapacity(bytes.count / 4)
            content.reserveCapacity(bytes.count / 4)
            let n = bytes.count
            var i = 0
            while i < n {
                while i < n && !DedupText.isWordByte(bytes[i]) { i += 1 }
                guard i < n else { break }
                let start = i
                var h = MinHasher.fnvOffset
                var packed: UInt64 = 0
                while i < n, DedupText.isWordByte(bytes[i]) {
                    let byte = bytes[i]
                    h = (h ^ UInt64(byte)) &* MinHasher.fnvPrime
                    if i - start < 8 { packed |= UInt64(byte) << (8 * UInt64(i - start)) }
                    i += 1
                }
                let hash = MinHasher.mix(h)
                all.append(hash)
                if !DedupText.isStopWord(packed: packed, length: i - start) { content.append(hash) }
            }
        }
        content.sortAndRemoveDuplicates()
        // Copied to an array of its own size: grouping keeps the words of every offer it holds.
        let words = content.withUnsafeBufferPointer { [UInt64]($0) }
        return (words, hasher.bandKeys(hasher.signature(of: hasher.shingleHashes(wordHashes: all))))
    }

    /// Where the offer is, for blocking: its town, else its postal code, else `remote` for a fully remote offer.
    var placeKey: String {
        if !town.isEmpty { return town }
        if !postcode.isEmpty { return postcode }
        return terms.remote == .full ? "remote" : ""
    }

    /// |a ∩ b| / |a ∪ b| of two sorted unique arrays.
    static func jaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
        if a.isEmpty || b.isEmpty { return 0 }
        let common = common(a, b)
        return Double(common) / Double(a.count + b.count - common)
    }
}
