/// How much a description word says about which job an offer is: boilerplate (a word in most offers of one
/// employer, or in a large share of all offers) says nothing; job text says everything. Counts grow as offers are
/// added, so that an agency's paragraphs repeated under every one of its offers stop making its jobs look alike.
struct WordWeights {
    /// One employer's offers and their words.
    struct Employer {
        var count: Int32 = 0
        var words = WordCounts()
    }

    private var total = 0
    private var everywhere = WordCounts(capacity: 1 << 16)
    private var employerIndex: [String: Int] = [:]
    private var employers: [Employer] = []

    mutating func observe(_ f: DedupFeatures) {
        total += 1
        for w in f.words { everywhere.add(w) }
        guard !f.employer.isEmpty else { return }
        let index: Int
        if let known = employerIndex[f.employer] {
            index = known
        } else {
            index = employers.count
            employers.append(Employer())
            employerIndex[f.employer] = index
        }
        employers[index].count += 1
        for w in f.words { employers[index].words.add(w) }
    }

    /// 0 for boilerplate, 1 for job text.
    func weight(_ word: UInt64, _ employer: Employer?) -> Double {
        if total >= 20, Double(everywhere.count(word)) > 0.25 * Double(total) { return 0 }
        if let employer, employer.count >= 4, Double(employer.words.count(word)) > 0.5 * Double(employer.count) {
            return 0
        }
        return 1
    }

    /// Weighted Jaccard similarity of two sorted unique word-hash arrays of one employer's offers.
    func jaccard(_ a: [UInt64], _ b: [UInt64], employer: String) -> Double {
        let stats = employerIndex[employer].map { employers[$0] }
        var i = 0, j = 0
        var common = 0.0, union = 0.0
        while i < a.count || j < b.count {
            if i < a.count && j < b.count && a[i] == b[j] {
                let w = weight(a[i], stats)
                common += w
                union += w
                i += 1
                j += 1
            } else if j >= b.count || (i < a.count && a[i] < b[j]) {
                union += weight(a[i], stats)
                i += 1
            } else {
                union += weight(b[j], stats)
                j += 1
            }
        }
        return union == 0 ? 0 : common / union
    }
}
