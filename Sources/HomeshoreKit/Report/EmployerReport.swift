import Foundation

/// One employer's reputation: its score, the aggregate ratings review sites give it, and its reviews.
public struct EmployerReputation: Sendable {
    public var employer: StoredEmployer
    public var score: EmployerScore
    public var aggregates: [StoredAggregate]
    public var reviews: [StoredReview]
}

/// The comparison of employers (`homeshore employers`) and one employer's detail (`homeshore employer NAME`), as
/// text and JSON.
public enum EmployerReport {
    /// How the comparison is sorted.
    public enum Sort: String, Sendable, CaseIterable {
        /// Best score first.
        case score
        /// Most reviews first.
        case reviews
        /// By name.
        case name
    }

    /// Every employer with reviews or an aggregate rating, scored.
    /// - Parameters:
    ///   - store: the database.
    ///   - now: the clock for recency weights and the trend.
    public static func reputations(in store: OfferStore, now: Date = Date()) throws -> [EmployerReputation] {
        let reviews = Dictionary(grouping: try store.reviews(), by: \.employerID)
        let aggregates = Dictionary(grouping: try store.aggregates(), by: \.employerID)
        return try store.employers().compactMap { employer in
            let own = reviews[employer.id] ?? []
            let rated = aggregates[employer.id] ?? []
            guard !own.isEmpty || !rated.isEmpty else { return nil }
            return EmployerReputation(employer: employer, score: EmployerScore.compute(own, now: now), aggregates: rated,
                reviews: own)
        }
    }

    /// Each reviewed employer's score, by employer id (for offers and their export).
    public static func scores(in store: OfferStore, now: Date = Date()) throws -> [Int64: EmployerScore] {
        Dictionary(uniqueKeysWithValues: try reputations(in: store, now: now).map { ($0.employer.id, $0.score) })
    }

    /// Sorts reputations.
    public static func sorted(_ list: [EmployerReputation], by sort: Sort) -> [EmployerReputation] {
        list.sorted { a, b in
            switch sort {
            case .score:
                if a.score.score != b.score.score { return a.score.score > b.score.score }
            case .reviews:
                if a.score.reviews != b.score.reviews { return a.score.reviews > b.score.reviews }
            case .name: break
            }
            return a.employer.name.localizedCaseInsensitiveCompare(b.employer.name) == .orderedAscending
        }
    }

    static func stars(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "-" }

    /// The interval as `[low–high]`.
    public static func interval(_ score: EmployerScore) -> String {
        guard let low = score.low, let high = score.high else { return "-" }
        return String(format: "%.1f–%.1f", low, high)
    }

    /// Red flags as `kind×count`, most raised first.
    public static func flagList(_ score: EmployerScore) -> String {
        score.flags.map { "\($0.kind.rawValue)×\($0.count)" }.joined(separator: " ")
    }

    /// The comparison table: one line per employer.
    public static func table(_ list: [EmployerReputation]) -> String {
        guard !list.isEmpty else { return "no employer has reviews yet: crawl a source of kind 'reviews'" }
        let width = max(8, min(30, list.map(\.employer.name.count).max() ?? 8))
        func pad(_ s: String, _ n: Int) -> String {
            let t = s.count > n ? String(s.prefix(n - 1)) + "…" : s
            return t.padding(toLength: n, withPad: " ", startingAt: 0)
        }
        var lines = [pad("EMPLOYER", width) + "  SCORE  95% INT.  REVIEWS  TREND  WORST ASPECT          FLAGS"]
        for r in list {
            let s = r.score
            let trend = s.trend.map { String(format: "%+.1f", $0) } ?? "-"
            let worst = s.worstAspect.map { "\($0.aspect.rawValue) (\($0.negative)−)" } ?? "-"
            lines.append(pad(r.employer.name, width) + "  " + pad(stars(s.score), 5) + "  " + pad(interval(s), 8) + "  "
                + pad(String(s.reviews), 7) + "  " + pad(trend, 5) + "  " + pad(worst, 20) + "  " + flagList(s))
        }
        lines.append("score: Bayesian mean out of 5 (prior: \(Int(EmployerScore.priorCount)) reviews at "
            + "\(EmployerScore.priorMean)), recent reviews weigh more (half-life \(Int(EmployerScore.halfLifeDays)) days); "
            + "interval: 95% Wilson, 1-5 scale; trend: last 6 months against before")
        return lines.joined(separator: "\n")
    }

    /// An employer's score as a JSON object (the comparison's, `offers --json`'s `employer_score`).
    public static func scoreObject(_ s: EmployerScore) -> [String: Any] {
        func opt(_ v: Double?) -> Any { v.map { ($0 * 1000).rounded() / 1000 } ?? NSNull() }
        return [
            "score": opt(s.score), "low": opt(s.low), "high": opt(s.high), "mean": opt(s.mean),
            "positive_share": opt(s.positiveShare), "positive_low": opt(s.positiveLow), "positive_high": opt(s.positiveHigh),
            "reviews": s.reviews, "effective_reviews": opt(s.effectiveReviews), "from_sentiment": s.fromSentiment,
            "trend": opt(s.trend), "trend_label": s.trendLabel ?? NSNull(), "per_source": s.perSource,
            "histogram": Dictionary(uniqueKeysWithValues: s.histogram.enumerated().map { ("\($0.offset + 1)", $0.element) }),
            "worst_aspect": s.worstAspect?.aspect.rawValue ?? NSNull(),
            "aspects": s.aspects.map { ["aspect": $0.aspect.rawValue, "mentions": $0.mentions, "positive": $0.positive,
                                        "negative": $0.negative, "mean_score": opt($0.meanScore)] as [String: Any] },
            "flags": s.flags.map { flag in
                ["kind": flag.kind.rawValue, "count": flag.count,
                 "evidence": flag.evidence.map { ["sentence": $0.sentence, "url": $0.url, "date": ($0.date as Any?) ?? NSNull()] as [String: Any] }]
                    as [String: Any]
            },
        ]
    }

    /// The comparison as JSON: one object per employer.
    public static func json(_ list: [EmployerReputation]) -> String {
        OfferExport.encode(list.map(object), pretty: true) + "\n"
    }

    static func object(_ r: EmployerReputation) -> [String: Any] {
        var object = scoreObject(r.score)
        object["employer"] = r.employer.name
        object["key"] = r.employer.key
        object["aggregates"] = r.aggregates.map {
            ["source": $0.source, "rating": $0.aggregate.rating, "count": $0.aggregate.count ?? NSNull()] as [String: Any]
        }
        return object
    }

    /// One employer's detail: score, histogram, aspects, flags with quoted evidence, reviews with links.
    public static func detail(_ r: EmployerReputation) -> String {
        let s = r.score
        var lines = ["\(r.employer.name)", String(format: "score %.2f / 5, 95%% interval %@, %d reviews (%.1f effective)",
            s.score, interval(s), s.reviews, s.effectiveReviews)]
        if let share = s.positiveShare, let lo = s.positiveLow, let hi = s.positiveHigh {
            lines.append(String(format: "positive (4-5 stars): %.0f%% (95%%: %.0f–%.0f%%)", share * 100, lo * 100, hi * 100))
        }
        if let trend = s.trend { lines.append(String(format: "trend: %+.2f (%@): last 6 months against before", trend, s.trendLabel ?? "")) }
        lines.append("per source: " + s.perSource.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        for a in r.aggregates {
            lines.append("  \(a.source) says: \(stars(a.aggregate.rating)) / 5" + (a.aggregate.count.map { " (\($0) ratings)" } ?? ""))
        }
        lines.append("stars:")
        let most = max(1, s.histogram.max() ?? 1)
        for star in (1...5).reversed() {
            let count = s.histogram[star - 1]
            lines.append("  \(star) \(String(repeating: "█", count: count * 30 / most)) \(count)")
        }
        if s.fromSentiment > 0 { lines.append("  (\(s.fromSentiment) reviews without stars, scored from their text)") }
        if !s.aspects.isEmpty {
            lines.append("aspects (worst first):")
            for a in s.aspects {
                lines.append(String(format: "  %@: %d mentions, %d positive, %d negative (%+.2f)", a.aspect.rawValue,
                    a.mentions, a.positive, a.negative, a.meanScore))
            }
        }
        if !s.flags.isEmpty {
            lines.append("red flags:")
            for flag in s.flags {
                lines.append("  \(flag.kind.rawValue): \(flag.count) review\(flag.count > 1 ? "s" : "")")
                for e in flag.evidence { lines.append("    “\(e.sentence)” (\(e.date ?? "undated"), \(e.url))") }
            }
        }
        lines.append("reviews:")
        for stored in r.reviews {
            let v = stored.review
            let rating = v.stars.map { String(format: "%.1f★", $0) } ?? String(format: "text %+.2f", stored.analysis.sentiment.score)
            lines.append("  \(v.date ?? "----------") \(rating) \(v.title ?? String((v.text ?? "").prefix(60)))"
                + " — \(v.author ?? "anonymous") [\(v.source)] \(v.url)")
        }
        return lines.joined(separator: "\n")
    }

    /// One employer's detail as JSON, its reviews included.
    public static func detailJSON(_ r: EmployerReputation) -> String {
        var object = self.object(r)
        object["reviews"] = r.reviews.map { stored -> [String: Any] in
            let v = stored.review
            return ["source": v.source, "url": v.url, "author": v.author ?? NSNull(), "role": v.role?.rawValue ?? NSNull(),
                    "date": v.date ?? NSNull(), "stars": v.stars ?? NSNull(), "title": v.title ?? NSNull(),
                    "text": v.text ?? NSNull(), "language": v.language ?? NSNull(),
                    "sentiment": stored.analysis.sentiment.score,
                    "flags": stored.analysis.redFlags.map(\.kind.rawValue)]
        }
        return OfferExport.encode(object, pretty: true) + "\n"
    }

    /// The known employer names nearest to a name that matched none, for an error message.
    public static func nearestNames(to name: String, in employers: [StoredEmployer], limit: Int = 3) -> [String] {
        let key = EmployerResolver.key(name)
        return employers.map { ($0.name, editDistance(key, $0.key) - ($0.key.contains(key) || key.contains($0.key) ? 100 : 0)) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
    }
}
