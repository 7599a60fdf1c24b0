import Foundation

extension DigestSeams {
    /// Seams that read the database: each employer's reputation from its stored reviews (computed once, when the
    /// digest first asks, so that a nightly run sees the reviews it has just crawled), matched to offers through the
    /// resolved employer name (aliases of `sources.yaml` included); copies of one job make one line (their group).
    /// - Parameters:
    ///   - store: the database.
    ///   - aliases: the `employers:` section.
    ///   - now: the clock for recency weights.
    public static func reading(_ store: OfferStore, aliases: [String: [String]], now: Date = Date()) -> DigestSeams {
        let resolver = EmployerResolver(aliases: aliases)
        let cache = ReputationCache(store: store, now: now)
        return DigestSeams(employer: { name in
            cache.reputation(key: resolver.resolve(name).key)
        }, groupKey: { "group:\($0.groupID ?? $0.id)" })
    }
}

/// The reputations of all employers, read once on first use.
private final class ReputationCache: @unchecked Sendable {
    let store: OfferStore
    let now: Date
    private let lock = NSLock()
    private var byKey: [String: DigestEmployer]?

    init(store: OfferStore, now: Date) {
        self.store = store
        self.now = now
    }

    func reputation(key: String) -> DigestEmployer? {
        lock.withLock {
            if byKey == nil {
                var map: [String: DigestEmployer] = [:]
                for reputation in (try? EmployerReport.reputations(in: store, now: now)) ?? [] {
                    let score = reputation.score
                    map[reputation.employer.key] = DigestEmployer(name: reputation.employer.name, score: score.score,
                        low: score.low, high: score.high, reviewCount: score.reviews,
                        flags: score.flags.map { $0.kind.rawValue.replacingOccurrences(of: "-", with: " ") })
                }
                byKey = map
            }
            return byKey?[key]
        }
    }
}
