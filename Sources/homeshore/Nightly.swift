import ArgumentParser
import Foundation
import HomeshoreKit

extension Homeshore {
    struct Nightly: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "nightly",
            abstract: "Crawl the sources that are due, then write (and mail) the digest: one command for cron or systemd.",
            discussion: """
                A source is due when its last successful crawl is older than its 'every' (24h by default), or when \
                it never ran; --force crawls them all. A lock on the cache folder keeps two runs from overlapping. \
                The digest goes to --out (default: digest.html in the cache folder) and, when sources.yaml has \
                'digest.mail', by mail. Exit status: 0 all well, 1 nothing could be crawled or an error, 2 some \
                sources failed or the mail did not go.
                """)

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Crawl every source, due or not.")
        var force = false

        @Option(help: ArgumentHelp("The digest file (default: digest.html in the cache folder).", valueName: "file"))
        var out: String?

        @Option(help: "The digest file's format: text, markdown, html, json or atom.")
        var format: DigestFormat = .html

        @Option(help: "Labels in fr or en (default: from LANG).")
        var lang: DigestLabels.Language = .fromEnvironment()

        @Flag(help: "Do not mail the digest, even when digest.mail is set.")
        var noMail = false

        func run() async throws {
            let workspace = global.workspace
            let config = try workspace.loadConfig()
            let store = try workspace.openStore()
            var options = NightlyOptions()
            options.force = force
            options.out = out
            options.format = format
            options.language = lang
            options.mail = !noMail
            let report = try await HomeshoreKit.Nightly(config: config, store: store,
                seams: .reading(store, aliases: config.employerAliases)).run(options: options)
            if let crawl = report.crawl {
                print(Summary.crawl(crawl))
            } else {
                print("no source is due")
            }
            for (source, at) in report.notDue {
                print("\(source): not due until \(DateText.timestamp(at))")
            }
            print("digest: \(report.digestOffers) offers in \(report.digestPath)")
            switch report.mailed {
            case true?: print("digest mailed")
            case false?: print("digest NOT mailed: \(report.mailError ?? "")")
            case nil: break
            }
            throw ExitCode(report.exitCode)
        }
    }
}
