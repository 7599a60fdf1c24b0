import Foundation

/// The `digest:` section of `sources.yaml`: what the nightly digest keeps, and where it is mailed.
public struct DigestConfig: Sendable, Equatable {
    /// Keep only offers whose title or description holds one of these words (case and accents ignored); all when
    /// empty.
    public var keywords: [String] = []
    /// Drop offers whose title, employer or description holds one of these words.
    public var exclude: [String] = []
    /// Drop offers of employers whose score (0 to 5) is known and lower than this.
    public var minScore: Double?
    /// Keep only offers with one of these contracts (offers whose contract is unknown are kept).
    public var contracts: [OfferFacets.Contract] = []
    /// Keep only offers with one of these remote kinds (offers whose remote facet is unknown are kept).
    public var remote: [OfferFacets.Remote] = []
    /// Drop offers paid per act only, with no fixed pay.
    public var excludePayPerAct = false
    /// Drop offers whose known monthly pay (hourly pay × 151.67) is below this, in the offer's currency.
    public var minMonthlyPay: Double?
    /// Where the digest is mailed; nil when it is not.
    public var mail: MailConfig?

    public init() {}
}

/// `digest.mail`: how to send the digest. The password is read from the environment variable named here, never from
/// the file.
public struct MailConfig: Sendable, Equatable {
    /// `smtp://host:port` (STARTTLS when the server offers it, or required with `tls: required`) or
    /// `smtps://host:port` (TLS from the start).
    public var url: String
    public var from: String
    public var to: [String]
    /// The SMTP user name; the `from` address when not given.
    public var user: String?
    /// The environment variable holding the SMTP password; no login when nil.
    public var passwordEnv: String?
    /// `try` (STARTTLS when offered), `required` (fail without it), `none`.
    public var tls: TLSMode = .try

    /// How an `smtp://` connection is protected.
    public enum TLSMode: String, Sendable, CaseIterable {
        case none, `try`, required
    }

    public init(url: String, from: String, to: [String]) {
        self.url = url
        self.from = from
        self.to = to
    }
}
