/// Decides whether two offers are the same job.
///
/// Hard rules first, which no similarity overrides: a different employer, two different towns (or places that
/// cannot be compared unless both are fully remote), two different contracts (CDI and CDD), full time against part
/// time, or pay for the same period more than 10 % apart are never the same job. The employer's own reference, when
/// both pages carry one, decides alone. Otherwise the title must share at least half of the shorter title's words
/// (after French normalisation), and the evidence is weighed: 0.3 × title similarity + 0.5 × weighted Jaccard of the
/// description's content words (boilerplate weighs nothing: see ``WordWeights``) + 0.2 when the pay is the same amount (0.3 for the same range),
/// against a threshold of 0.58. The weights and threshold were fitted on the labeled pairs of ``SyntheticOffers``
/// and the hand-written hard cases of the tests. MinHash shingle similarity finds candidates but does not vote:
/// boilerplate inflates it for distinct jobs of one agency.
public struct DedupMatcher: Sendable {
    /// The score at or above which two offers that pass the hard rules are the same job.
    public var threshold = 0.58

    public init() {}

    /// The evidence for two offers being one job: nil when a hard rule keeps them apart, else a score in [0, 1.1].
    func score(_ a: DedupFeatures, _ b: DedupFeatures, weights: WordWeights) -> Double? {
        guard !a.employer.isEmpty, a.employer == b.employer else { return nil }
        if let ra = a.employerReference, let rb = b.employerReference { return ra == rb ? 2 : nil }
        guard placesAgree(a, b) else { return nil }
        if !a.contracts.isEmpty && !b.contracts.isEmpty && a.contracts.isDisjoint(with: b.contracts) { return nil }
        if a.hours != .unknown && b.hours != .unknown && a.hours != b.hours { return nil }
        var pay = 0.0
        if let pa = a.payMin, let pb = b.payMin {
            if a.payPeriod != nil, a.payPeriod == b.payPeriod, abs(pa - pb) > 0.1 * max(pa, pb) { return nil }
            if abs(pa - pb) <= 0.01 * max(pa, pb) {
                // The same salary range is rarer than the same single rate (many jobs pay the minimum wage).
                let range = (a.payMax ?? pa) > pa && abs((a.payMax ?? pa) - (b.payMax ?? pb)) <= 0.01 * (a.payMax ?? pa)
                pay = range ? 0.3 : 0.2
            }
        }
        let common = DedupFeatures.common(a.title, b.title)
        let smaller = min(a.title.count, b.title.count)
        guard smaller > 0, Double(common) * 2 >= Double(smaller) else { return nil }
        let titleJaccard = Double(common) / Double(a.title.count + b.title.count - common)
        let titleContainment = Double(common) / Double(smaller)
        let title = max(titleJaccard, 0.8 * titleContainment)
        let words = weights.jaccard(a.words, b.words, employer: a.employer)
        return 0.3 * title + 0.5 * words + pay
    }

    /// True when two offers are the same job.
    func same(_ a: DedupFeatures, _ b: DedupFeatures, weights: WordWeights) -> Bool {
        (score(a, b, weights: weights) ?? 0) >= threshold
    }

    func placesAgree(_ a: DedupFeatures, _ b: DedupFeatures) -> Bool {
        if !a.town.isEmpty && !b.town.isEmpty {
            return a.town == b.town || (!a.postcode.isEmpty && a.postcode == b.postcode)
        }
        if !a.postcode.isEmpty && a.postcode == b.postcode { return true }
        return a.remote == .full && b.remote == .full
    }
}
