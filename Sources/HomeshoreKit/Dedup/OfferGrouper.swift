/// Groups offers that are the same job, one offer at a time, in sub-quadratic time.
///
/// Each offer added gets blocking keys: the 16 LSH band keys of its description's MinHash signature, scoped by
/// employer (texts sharing most shingles meet in some band), and one key per title word within its employer and
/// place (cross-posts whose
/// descriptions were rewritten meet there). Only offers sharing a key are compared, with ``DedupMatcher``; a key
/// shared by very many offers is read newest first and only its ``bucketLimit`` newest offers are compared.
/// An offer joins the group of the offer it matches best, else starts a group whose id is its own id: ids are
/// stable, and an offer never changes group when others arrive (groups are never merged afterwards).
public final class OfferGrouper {
    /// The hashing of descriptions.
    public let hasher: MinHasher
    public let employers: EmployerName
    public var matcher = DedupMatcher()
    /// At most this many offers are compared per key.
    public var bucketLimit = 50

    private var features: [DedupFeatures] = []
    private var weights = WordWeights()
    private var ids: [Int64] = []
    private var groups: [Int64] = []
    private var heads: [HashKey: Int32] = [:]
    private var postingEntry: [Int32] = []
    private var postingNext: [Int32] = []
    private var stamp: [UInt32] = []
    private var currentStamp: UInt32 = 0
    /// Candidate pairs compared so far.
    public private(set) var comparisons = 0

    /// - Parameters:
    ///   - employers: the employer name normaliser (with sources.yaml's aliases).
    ///   - hasher: the MinHash settings; the default is 3-word shingles, 128 permutations, 16 bands of 8.
    public init(employers: EmployerName = EmployerName(), hasher: MinHasher = MinHasher()) {
        self.employers = employers
        self.hasher = hasher
    }

    /// The number of offers held.
    public var count: Int { ids.count }

    /// The features of an offer (computing them is the costly part; it can run on any thread).
    public func features(of offer: Offer, facets: OfferFacets?) -> DedupFeatures {
        DedupFeatures(offer: offer, facets: facets, employers: employers, hasher: hasher)
    }

    /// The blocking keys of an offer's features.
    public func keys(_ f: DedupFeatures) -> [UInt64] {
        // Bands are scoped by employer: offers of two employers are never the same job, so they need not meet.
        let scope = MinHasher.hash(f.employer)
        var keys = f.bands.map { MinHasher.mix($0 ^ scope) }
        guard !f.employer.isEmpty else { return keys }
        let base = MinHasher.hash(f.employer + "\u{1}" + f.placeKey)
        for word in f.title { keys.append(MinHasher.mix(base ^ word)) }
        if let reference = f.employerReference {
            keys.append(MinHasher.hash(f.employer + "\u{2}" + reference))
        }
        return keys
    }

    /// Adds an offer already grouped (a stored one), without comparing it.
    /// - Parameters:
    ///   - id: the offer's id.
    ///   - group: its group id.
    ///   - features: its features.
    public func insert(id: Int64, group: Int64, features f: DedupFeatures) {
        append(id: id, group: group, features: f, keys: keys(f))
    }

    /// Adds an offer already grouped (a stored one) under some of its keys only: those that the offers still to be
    /// added will look up (a stored offer is only ever found through them).
    func insert(id: Int64, group: Int64, features f: DedupFeatures, keys: [UInt64]) {
        append(id: id, group: group, features: f, keys: keys)
    }

    /// Groups a new offer with those held.
    /// - Parameters:
    ///   - id: the offer's id (its group's id when it starts one).
    ///   - features: its features.
    /// - Returns: its group id and its blocking keys.
    @discardableResult
    public func add(id: Int64, features f: DedupFeatures) -> (group: Int64, keys: [UInt64]) {
        let keys = keys(f)
        return (add(id: id, features: f, keys: keys), keys)
    }

    /// ``add(id:features:)`` with the offer's blocking keys already computed (``keys(_:)``).
    func add(id: Int64, features f: DedupFeatures, keys: [UInt64]) -> Int64 {
        var best: (score: Double, group: Int64)?
        for candidate in candidates(keys) {
            comparisons += 1
            guard let score = matcher.score(f, features[Int(candidate)], weights: weights), score >= matcher.threshold
            else { continue }
            let group = groups[Int(candidate)]
            if best == nil || score > best!.score || (score == best!.score && group < best!.group) {
                best = (score, group)
            }
        }
        let group = best?.group ?? id
        append(id: id, group: group, features: f, keys: keys)
        return group
    }

    /// The held offers that share a key, each once.
    func candidates(_ keys: [UInt64]) -> [Int32] {
        currentStamp &+= 1
        if currentStamp == 0 {
            for i in stamp.indices { stamp[i] = 0 }
            currentStamp = 1
        }
        var result: [Int32] = []
        for key in keys {
            var posting = heads[HashKey(key)] ?? -1
            var seen = 0
            while posting >= 0 && seen < bucketLimit {
                let entry = postingEntry[Int(posting)]
                if stamp[Int(entry)] != currentStamp {
                    stamp[Int(entry)] = currentStamp
                    result.append(entry)
                }
                posting = postingNext[Int(posting)]
                seen += 1
            }
        }
        return result
    }

    /// Counts an offer's words towards telling boilerplate (words in most offers of an employer) from job text.
    public func observe(_ f: DedupFeatures) {
        weights.observe(f)
    }

    private func append(id: Int64, group: Int64, features f: DedupFeatures, keys: [UInt64]) {
        weights.observe(f)
        let entry = Int32(ids.count)
        ids.append(id)
        groups.append(group)
        var held = f
        held.bands = []  // only ever used for keys, computed above: no need to hold them
        features.append(held)
        stamp.append(0)
        for key in keys {
            postingEntry.append(entry)
            postingNext.append(heads[HashKey(key)] ?? -1)
            heads[HashKey(key)] = Int32(postingNext.count - 1)
        }
    }

    /// The group of every offer held, by offer id.
    public var groupByOffer: [Int64: Int64] {
        Dictionary(zip(ids, groups), uniquingKeysWith: { first, _ in first })
    }

    /// Whether two offers are the same job, judged from their structured fields and texts (for measuring the matcher
    /// on labeled pairs; ``observe(_:)`` the corpus first so that boilerplate is known).
    public func same(_ a: Offer, _ b: Offer) -> Bool {
        matcher.same(features(of: a, facets: nil), features(of: b, facets: nil), weights: weights)
    }

    /// The words of an offer's description as they are shingled, for giving the same text to another tool.
    public static func shingleText(_ offer: Offer) -> String {
        DedupText.words(TextFolding.fold(offer.description ?? "")).joined(separator: " ")
    }
}

@available(*, unavailable) extension OfferGrouper: Sendable {}
