import Foundation

/// Builds a ``Digest`` from the database: the offers first seen since a point in time, less what the `digest:`
/// filters, hidden marks and blocked employers leave out, one line per duplicate group, grouped by employer.
public struct DigestBuilder: Sendable {
    public let store: OfferStore
    public let config: DigestConfig
    public let seams: DigestSeams
    /// Each alias's key (``EmployerKey``) to its employer's name, from the `employers:` section.
    let resolver: EmployerResolver

    /// - Parameters:
    ///   - store: the database.
    ///   - config: the `digest:` section of `sources.yaml`.
    ///   - seams: employers' reputations and duplicate groups (none by default).
    ///   - aliases: the `employers:` section: an employer's other names show, group and block as the employer.
    public init(store: OfferStore, config: DigestConfig, seams: DigestSeams = DigestSeams(),
                aliases: [String: [String]] = [:]) {
        self.store = store
        self.config = config
        self.seams = seams
        self.resolver = EmployerResolver(aliases: aliases)
    }

    /// The employer's name as `employers:` spells it, or as given.
    func employerName(_ name: String) -> String {
        resolver.resolve(name).name
    }

    /// Where `--since last` starts: the second after the last delivered digest (timestamps are to the second, and
    /// what was first seen in the digest's own second was in it), else a week before `now`.
    public func lastSince(now: Date = Date()) throws -> Date {
        guard let last = try store.lastDeliveredDigest() else { return now.addingTimeInterval(-7 * 86_400) }
        return last.writtenAt.addingTimeInterval(1)
    }

    /// Builds the digest.
    /// - Parameters:
    ///   - since: offers first seen at or after this instant; all when nil.
    ///   - now: the digest's date.
    /// - Returns: the digest.
    /// - Throws: a database error.
    public func build(since: Date?, now: Date = Date()) throws -> Digest {
        let offers = try store.offers(matching: OfferQuery(since: since))
        let marks = try store.marks()
        let blocked = Set(try store.blockedEmployers().map { EmployerResolver.key(employerName($0)) })
        var employers: [String: DigestEmployer?] = [:]
        func employer(_ name: String) -> DigestEmployer? {
            if let known = employers[name] { return known }
            let found = seams.employer(name)
            employers[name] = found
            return found
        }
        // Groups keep the order of the offers (newest first); a group is hidden when any of its offers is.
        var groups: [String: [StoredOffer]] = [:]
        var order: [String] = []
        for offer in offers {
            let key = seams.groupKey(offer)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(offer)
        }
        var filteredOut = 0
        var sections: [String: DigestSection] = [:]
        var sectionOrder: [String] = []
        for key in order {
            let members = groups[key]!
            let first = members[0]
            let name = employerName(first.offer.employer?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
            let reputation = name.isEmpty ? nil : employer(name)
            let hidden = members.contains { marks[$0.id] == .hidden }
            let isBlocked = members.contains { blocked.contains(EmployerResolver.key(employerName($0.offer.employer ?? ""))) }
                || (reputation.map { blocked.contains(EmployerResolver.key($0.name)) } ?? false)
            guard !hidden, !isBlocked, keeps(first, employer: reputation) else {
                filteredOut += 1
                continue
            }
            let line = DigestOffer(id: first.id, ids: members.map(\.id), title: first.offer.title ?? first.offer.url,
                place: first.offer.location, remote: first.facets.remote.value.rawValue,
                contracts: first.facets.contract.map(\.value.rawValue), pay: first.facets.pay,
                posted: first.offer.posted, firstSeen: first.firstSeen,
                links: members.map { DigestLink(source: $0.offer.source, url: $0.offer.url) },
                mark: members.compactMap { marks[$0.id] }.first)
            let sectionKey = reputation.map { EmployerResolver.key($0.name) } ?? EmployerResolver.key(name)
            if sections[sectionKey] == nil {
                sectionOrder.append(sectionKey)
                sections[sectionKey] = DigestSection(employer: reputation ?? DigestEmployer(name: name), offers: [])
            }
            sections[sectionKey]!.offers.append(line)
        }
        let ordered = sectionOrder.map { sections[$0]! }.sorted { a, b in
            switch (a.employer.score, b.employer.score) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default:
                if a.employer.name.isEmpty != b.employer.name.isEmpty { return !a.employer.name.isEmpty }
                return OfferQuery.fold(a.employer.name) < OfferQuery.fold(b.employer.name)
            }
        }
        return Digest(generatedAt: now, since: since, problems: try problems(), sections: ordered,
            filteredOut: filteredOut)
    }

    /// The sources whose latest crawl did not go well.
    func problems() throws -> [DigestProblem] {
        try store.lastOutcomes().values.filter { $0.outcome.status != "ok" }
            .sorted { $0.outcome.source < $1.outcome.source }
            .map { DigestProblem(source: $0.outcome.source, status: $0.outcome.status,
                message: $0.outcome.blocked ?? $0.outcome.broken ?? $0.outcome.errors.first, at: $0.startedAt) }
    }

    /// Whether the `digest:` filters keep an offer.
    func keeps(_ stored: StoredOffer, employer: DigestEmployer?) -> Bool {
        let offer = stored.offer, facets = stored.facets
        if !config.keywords.isEmpty {
            let text = OfferQuery.fold([offer.title, offer.description].compactMap { $0 }.joined(separator: " "))
            guard config.keywords.contains(where: { text.contains(OfferQuery.fold($0)) }) else { return false }
        }
        if !config.exclude.isEmpty {
            let text = OfferQuery.fold([offer.title, offer.employer, offer.description].compactMap { $0 }
                .joined(separator: " "))
            if config.exclude.contains(where: { text.contains(OfferQuery.fold($0)) }) { return false }
        }
        if let minimum = config.minScore, let score = employer?.score, score < minimum { return false }
        if !config.contracts.isEmpty, !facets.contract.isEmpty,
            !facets.contract.contains(where: { config.contracts.contains($0.value) })
        {
            return false
        }
        if !config.remote.isEmpty, facets.remote.value != .unknown, !config.remote.contains(facets.remote.value) {
            return false
        }
        if config.excludePayPerAct, facets.pay.perAct, facets.pay.period == .act || facets.pay.period == nil {
            return false
        }
        if let minimum = config.minMonthlyPay, let monthly = Self.monthly(facets.pay), monthly < minimum { return false }
        return true
    }

    /// The pay as a monthly amount (the top of its range), when it has an amount and a period other than per act.
    static func monthly(_ pay: OfferFacets.Pay) -> Double? {
        guard let amount = pay.max ?? pay.min, let period = pay.period else { return nil }
        switch period {
        case .hour: return amount * 151.67
        case .day: return amount * 21.67
        case .week: return amount * 52 / 12
        case .month: return amount
        case .year: return amount / 12
        case .act: return nil
        }
    }
}
