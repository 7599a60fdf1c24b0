import Foundation

/// Writes a digest where it goes (a file, standard output, a mail) and records it, so that `--since last` counts
/// from the last digest that reached its reader: a mail that failed to send is recorded as not delivered.
public struct DigestDelivery: Sendable {
    public let store: OfferStore
    public let config: DigestConfig
    public let seams: DigestSeams
    /// The `employers:` aliases of `sources.yaml`.
    public let aliases: [String: [String]]

    public init(store: OfferStore, config: DigestConfig, seams: DigestSeams = DigestSeams(),
                aliases: [String: [String]] = [:]) {
        self.store = store
        self.config = config
        self.seams = seams
        self.aliases = aliases
    }

    /// Where `since` is taken from.
    public enum Since: Sendable, Equatable {
        /// After the last delivered digest.
        case last
        /// From this instant.
        case date(Date)
    }

    /// A digest built and rendered, not yet delivered.
    public struct Prepared: Sendable {
        public var digest: Digest
        public var since: Date?
        public var language: DigestLabels.Language
    }

    /// Builds the digest.
    public func prepare(since: Since, language: DigestLabels.Language, now: Date = Date()) throws -> Prepared {
        let builder = DigestBuilder(store: store, config: config, seams: seams, aliases: aliases)
        let start: Date
        switch since {
        case .last: start = try builder.lastSince(now: now)
        case .date(let date): start = date
        }
        return Prepared(digest: try builder.build(since: start, now: now), since: start, language: language)
    }

    /// Writes the digest to a file (atomically) or, when `path` is nil, hands the text to `write`; records it
    /// delivered.
    /// - Returns: the rendered text.
    @discardableResult
    public func write(_ prepared: Prepared, format: DigestFormat, to path: String?, color: Bool = false,
                      write: (String) -> Void = { _ in }) throws -> String {
        let text = format.render(prepared.digest, language: prepared.language, color: color)
        if let path {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw MailError(description: "cannot write \(path): \(error.localizedDescription)")
            }
        } else {
            write(text)
        }
        try store.recordDigest(writtenAt: prepared.digest.generatedAt, since: prepared.since, format: format.rawValue,
            destination: path ?? "stdout", delivered: true, offersShown: prepared.digest.offerCount)
        return text
    }

    /// Mails the digest (HTML with a text alternative) as `digest.mail` says, and records whether it went.
    /// - Throws: ``MailError`` when `digest.mail` is missing or the server refused; the digest is then recorded
    ///   as not delivered, so that the next one shows its offers again.
    public func mail(_ prepared: Prepared, environment: [String: String] = ProcessInfo.processInfo.environment)
        async throws
    {
        guard let mail = config.mail else {
            throw MailError(description: "no 'digest.mail' section in sources.yaml: nowhere to send the digest")
        }
        let labels = DigestLabels(prepared.language)
        let subject = "Homeshore · " + labels.summary(prepared.digest.offerCount, since: nil)
            + (prepared.digest.problems.isEmpty ? "" : " ⚠")
        let message = MailMessage(from: mail.from, to: mail.to, subject: subject,
            text: DigestFormat.text.render(prepared.digest, language: prepared.language),
            html: DigestFormat.html.render(prepared.digest, language: prepared.language),
            date: prepared.digest.generatedAt)
        let id = try store.recordDigest(writtenAt: prepared.digest.generatedAt, since: prepared.since, format: "mail",
            destination: "mail:" + mail.to.joined(separator: ","), delivered: false,
            offersShown: prepared.digest.offerCount)
        try await MailSender.send(message, config: mail, environment: environment)
        try store.markDelivered(digest: id)
    }
}
