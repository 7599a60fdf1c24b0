import Foundation

/// An employer's reputation from its reviews: a score out of 5 that does not trust small samples, an interval
/// that shows the uncertainty, the trend, counts per source, aspects and red flags with evidence.
///
/// The method, in full:
/// - **Per review**, a value out of 5: its stars when the page gives them, else its text's sentiment mapped
///   linearly from [-1, 1] onto [1, 5] (`3 + 2 × sentiment`).
/// - **Recency**: a review weighs `0.5^(age / 365 days)` (a half-life of one year); a review without a date
///   weighs 0.5, as if a year old; a future date counts as today.
/// - **Score**: a Bayesian average with a prior of 7 reviews at 3.5 stars (Trustpilot's): `(7 × 3.5 + Σwᵢxᵢ) /
///   (7 + Σwᵢ)`, so 3 glowing reviews stay near 3.5+ while 300 good ones reach their mean.
/// - **Interval** (95%, on the 1-5 scale): the Wilson score interval of the weighted mean rating rescaled to
///   [0, 1], `q = (x̄ − 1) / 4`, over Kish's effective sample size `n = (Σw)² / Σw²`, mapped back to 1-5. For
///   ratings of only 1 or 5 stars this is exactly Wilson on the positive share; for ratings in between, the
///   variance of a [0, 1] value of mean q is at most q(1 − q), so the interval is a conservative (wider) one. It
///   is the uncertainty of the reviews alone, without the prior. The positive share (stars ≥ 4) and its own Wilson
///   interval are reported beside it.
/// - **Trend**: the plain mean of the reviews of the last 6 months (182 days) minus that of the older ones.
public struct EmployerScore: Sendable, Codable, Equatable {
    /// The prior: this many reviews...
    public static let priorCount = 7.0
    /// ...at this many stars.
    public static let priorMean = 3.5
    /// The weight of a review halves every this many days.
    public static let halfLifeDays = 365.0
    /// Reviews this recent make the trend's "recent" side.
    public static let trendDays = 182.0
    /// z for a 95% interval.
    static let z = 1.959964

    /// A review counted in the score.
    public struct Counted: Sendable, Codable, Equatable {
        public var value: Double
        public var weight: Double
        /// True when the value came from the text's sentiment (the page gave no stars).
        public var fromSentiment: Bool
    }

    /// How an employer's reviews speak of an aspect.
    public struct AspectSummary: Sendable, Codable, Equatable {
        public var aspect: Aspect
        public var mentions: Int
        public var positive: Int
        public var negative: Int
        /// The mean score, in [-1, 1], of the mentions.
        public var meanScore: Double
    }

    /// A red flag kind raised by an employer's reviews, with quotes.
    public struct FlagSummary: Sendable, Codable, Equatable {
        public var kind: RedFlag.Kind
        /// Reviews that raise it.
        public var count: Int
        /// Up to three sentences that raised it, with the review they come from.
        public var evidence: [Evidence]
    }

    /// A quoted sentence and the review it comes from.
    public struct Evidence: Sendable, Codable, Equatable {
        public var sentence: String
        public var url: String
        public var date: String?
    }

    /// The Bayesian score out of 5.
    public var score: Double
    /// The 95% interval, on the 1-5 scale (see the type's notes); nil without reviews.
    public var low: Double?
    public var high: Double?
    /// The weighted mean of the reviews alone, without the prior; nil without reviews.
    public var mean: Double?
    /// The weighted share of reviews at 4 stars or more, and its 95% Wilson interval.
    public var positiveShare: Double?
    public var positiveLow: Double?
    public var positiveHigh: Double?
    /// How many reviews, and their effective number after recency weighting.
    public var reviews: Int
    public var effectiveReviews: Double
    /// Reviews whose value came from the text (no stars).
    public var fromSentiment: Int
    /// Mean of the last 6 months minus mean before; nil when either side has no review.
    public var trend: Double?
    /// Reviews per source.
    public var perSource: [String: Int]
    /// Reviews per star (1...5), rounded, of those with stars.
    public var histogram: [Int]
    /// Aspects, worst first.
    public var aspects: [AspectSummary]
    /// Red flags, most raised first.
    public var flags: [FlagSummary]

    /// `up`, `down` or `flat` (within a quarter of a star), or nil without a trend.
    public var trendLabel: String? {
        guard let trend else { return nil }
        return trend > 0.25 ? "up" : trend < -0.25 ? "down" : "flat"
    }

    /// The aspect spoken of worst, when one is spoken of negatively.
    public var worstAspect: AspectSummary? {
        aspects.first { $0.meanScore < 0 }
    }

    /// One review's value out of 5: its stars, else its sentiment mapped onto 1...5.
    public static func value(stars: Double?, sentiment: Double) -> Double {
        if let stars { return max(0, min(5, stars)) }
        return max(1, min(5, 3 + 2 * sentiment))
    }

    /// A review's recency weight at `now`.
    public static func weight(date: String?, now: Date) -> Double {
        guard let date, let day = DateText.parse(date) else { return 0.5 }
        let age = max(0, now.timeIntervalSince(day) / 86_400)
        return pow(0.5, age / halfLifeDays)
    }

    /// The Wilson score interval of a proportion.
    /// - Parameters:
    ///   - p: the observed proportion in [0, 1].
    ///   - n: the (effective) sample size.
    /// - Returns: the 95% interval, or nil when n is 0.
    public static func wilson(_ p: Double, n: Double) -> (low: Double, high: Double)? {
        guard n > 0 else { return nil }
        let z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z / (1 + z2 / n) * sqrt(p * (1 - p) / n + z2 / (4 * n * n))
        return (max(0, centre - half), min(1, centre + half))
    }

    /// Scores an employer from its reviews.
    /// - Parameters:
    ///   - reviews: the employer's reviews, analysed.
    ///   - now: the clock (tests fix it).
    /// - Returns: the score and everything that explains it.
    public static func compute(_ reviews: [StoredReview], now: Date = Date()) -> EmployerScore {
        var sumW = 0.0, sumWX = 0.0, sumW2 = 0.0, sumWPositive = 0.0
        var recent: [Double] = [], older: [Double] = []
        var perSource: [String: Int] = [:]
        var histogram = [0, 0, 0, 0, 0]
        var fromSentiment = 0
        var aspects: [Aspect: (mentions: Int, positive: Int, negative: Int, sum: Double)] = [:]
        var flags: [RedFlag.Kind: (count: Int, evidence: [Evidence])] = [:]
        let recentSince = now.addingTimeInterval(-trendDays * 86_400)
        for stored in reviews {
            let r = stored.review
            let x = value(stars: r.stars, sentiment: stored.analysis.sentiment.score)
            let w = weight(date: r.date, now: now)
            sumW += w
            sumWX += w * x
            sumW2 += w * w
            if x >= 4 { sumWPositive += w }
            if r.stars == nil { fromSentiment += 1 }
            if let stars = r.stars { histogram[max(1, min(5, Int(stars.rounded()))) - 1] += 1 }
            perSource[r.source, default: 0] += 1
            if let date = r.date, let day = DateText.parse(date) {
                if day >= recentSince { recent.append(x) } else { older.append(x) }
            }
            for mention in stored.analysis.aspects {
                var entry = aspects[mention.aspect] ?? (0, 0, 0, 0)
                entry.mentions += 1
                entry.sum += mention.score
                if mention.polarity == "positive" { entry.positive += 1 }
                if mention.polarity == "negative" { entry.negative += 1 }
                aspects[mention.aspect] = entry
            }
            var raised = Set<RedFlag.Kind>()
            for flag in stored.analysis.redFlags {
                var entry = flags[flag.kind] ?? (0, [])
                if raised.insert(flag.kind).inserted { entry.count += 1 }
                if entry.evidence.count < 3, !entry.evidence.contains(where: { $0.sentence == flag.sentence }) {
                    entry.evidence.append(Evidence(sentence: flag.sentence, url: r.url, date: r.date))
                }
                flags[flag.kind] = entry
            }
        }
        let score = (priorCount * priorMean + sumWX) / (priorCount + sumW)
        var result = EmployerScore(score: score, low: nil, high: nil, mean: nil, positiveShare: nil, positiveLow: nil,
            positiveHigh: nil, reviews: reviews.count, effectiveReviews: 0, fromSentiment: fromSentiment, trend: nil,
            perSource: perSource, histogram: histogram, aspects: [], flags: [])
        if sumW > 0 {
            let n = sumW * sumW / sumW2
            let mean = sumWX / sumW
            result.mean = mean
            result.effectiveReviews = n
            let q = max(0, min(1, (mean - 1) / 4))
            if let interval = wilson(q, n: n) {
                result.low = 1 + 4 * interval.low
                result.high = 1 + 4 * interval.high
            }
            let share = sumWPositive / sumW
            result.positiveShare = share
            if let interval = wilson(share, n: n) {
                result.positiveLow = interval.low
                result.positiveHigh = interval.high
            }
        }
        if !recent.isEmpty, !older.isEmpty {
            result.trend = recent.reduce(0, +) / Double(recent.count) - older.reduce(0, +) / Double(older.count)
        }
        result.aspects = aspects.map { aspect, e in
            AspectSummary(aspect: aspect, mentions: e.mentions, positive: e.positive, negative: e.negative,
                meanScore: e.sum / Double(e.mentions))
        }.sorted { ($0.meanScore, $0.aspect.rawValue) < ($1.meanScore, $1.aspect.rawValue) }
        result.flags = flags.map { FlagSummary(kind: $0.key, count: $0.value.count, evidence: $0.value.evidence) }
            .sorted { ($1.count, $0.kind.rawValue) < ($0.count, $1.kind.rawValue) }
        return result
    }
}
