import Foundation

/// Where the digest gets what other stages compute: employers' reputations and duplicate groups. The defaults know
/// nothing (no score, one line per offer); wiring the real data is a matter of passing two closures.
public struct DigestSeams: Sendable {
    /// The employer's reputation for an employer name as the offer gives it; nil when unknown.
    public var employer: @Sendable (String) -> DigestEmployer?
    /// The key of the duplicate group an offer belongs to; offers with one key make one line.
    public var groupKey: @Sendable (StoredOffer) -> String

    /// - Parameters:
    ///   - employer: reputations; none by default.
    ///   - groupKey: duplicate groups; each offer its own group by default.
    public init(employer: @escaping @Sendable (String) -> DigestEmployer? = { _ in nil },
                groupKey: @escaping @Sendable (StoredOffer) -> String = { "offer:\($0.id)" }) {
        self.employer = employer
        self.groupKey = groupKey
    }
}
