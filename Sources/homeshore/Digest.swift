import ArgumentParser
import Foundation
import HomeshoreKit

extension DigestFormat: ExpressibleByArgument {}
extension DigestLabels.Language: ExpressibleByArgument {}

extension Homeshore {
    struct Digest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "digest",
            abstract: "Write the digest of new offers, grouped by employer.",
            discussion: """
                Shows the offers first seen since the last digest that reached you (--since last, the default), \
                less what the 'digest:' section of sources.yaml filters out, hidden offers and blocked employers. \
                Above them, the sources that failed, were blocked or may have a broken recipe in their latest crawl. \
                --mail sends the HTML digest with a text alternative as 'digest.mail' says; a mail that fails is not \
                counted as delivered, so the next digest shows its offers again.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("last (since the last delivered digest), a duration (24h, 7d) or a date.",
            valueName: "when"))
        var since: String = "last"

        @Option(help: "text, markdown, html, json or atom.")
        var format: DigestFormat = .text

        @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var out: String?

        @Option(help: "Labels in fr or en (default: from LANG).")
        var lang: DigestLabels.Language = .fromEnvironment()

        @Flag(help: "Mail the digest as digest.mail in sources.yaml says (instead of printing it).")
        var mail = false

        func validate() throws {
            if since != "last", TimeSpec.instant(since) == nil {
                throw ValidationError("--since '\(since)' is neither 'last', a duration (24h, 7d) nor a date")
            }
        }

        func run() async throws {
            let workspace = global.workspace
            let config = try workspace.loadConfig()
            let store = try workspace.openStore()
            let delivery = DigestDelivery(store: store, config: config.digest,
                seams: .reading(store, aliases: config.employerAliases), aliases: config.employerAliases)
            let start: DigestDelivery.Since = since == "last" ? .last : .date(TimeSpec.instant(since)!)
            let prepared = try delivery.prepare(since: start, language: lang)
            if mail {
                try await delivery.mail(prepared)
                Terminal.warn("mailed the digest: \(prepared.digest.offerCount) offers")
                return
            }
            let color = out == nil && format == .text && Terminal.isTTY()
                && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
            try delivery.write(prepared, format: format, to: out, color: color) { text in
                FileHandle.standardOutput.write(Data(text.utf8))
            }
            if let out { Terminal.warn("wrote \(prepared.digest.offerCount) offers to \(out)") }
        }
    }
}
