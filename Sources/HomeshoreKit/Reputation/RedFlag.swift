/// A warning sign about an employer, raised by one sentence of a review or an offer.
public struct RedFlag: Sendable, Hashable, Codable {
    /// The kinds of warning signs homeshoring workers report.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Pay that never came, or came late.
        case nonPayment = "non-payment"
        /// Paying to work: fees, paid training, equipment bought from the employer.
        case payToWork = "pay-to-work"
        /// Training that is not paid.
        case unpaidTraining = "unpaid-training"
        /// Self-employment (auto-entrepreneur, SIRET) required for what is an employee's job.
        case forcedSelfEmployment = "forced-self-employment"
        /// Pay per call or per act, often below the minimum wage.
        case payPerAct = "pay-per-act"
        /// Harassment, insults, threats.
        case harassment
    }

    /// What kind of warning sign.
    public let kind: Kind
    /// The sentence that raised it, as written.
    public let sentence: String
    /// The expression that matched, as the detector writes it.
    public let trigger: String

    /// Makes a red flag.
    /// - Parameters:
    ///   - kind: the kind of warning sign.
    ///   - sentence: the sentence that raised it.
    ///   - trigger: the expression that matched.
    public init(kind: Kind, sentence: String, trigger: String) {
        self.kind = kind
        self.sentence = sentence
        self.trigger = trigger
    }
}
