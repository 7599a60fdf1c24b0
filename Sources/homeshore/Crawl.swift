import ArgumentParser
import Foundation
import HomeshoreKit

extension Homeshore {
    struct Crawl: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "crawl",
            abstract: "Crawl the sources and store their offers.",
            discussion: """
                Fetches each source's start pages, follows its next pages (up to max_pages) and detail pages, \
                extracts the offers (JSON-LD and the source's recipe) and stores them. Offers already stored keep \
                their first_seen date; nothing stored before is lost when a source fails. Prints one line per \
                source; exit status 2 when some sources failed and others worked.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(name: .customLong("source"), help: ArgumentHelp("Crawl only this source (repeatable).",
            valueName: "name"))
        var sources: [String] = []

        @Flag(help: "Print the summary as JSON.")
        var json = false

        func run() async throws {
            let workspace = global.workspace
            let config = try workspace.loadConfig()
            let lock = try CrawlLock(folder: workspace.cacheFolder)
            let store = try workspace.openStore()
            var options = CrawlOptions()
            options.sources = sources
            let report = try await Crawler.crawl(config: config, store: store, options: options, json: json)
            withExtendedLifetime(lock) {}
            throw ExitCode(report.exitCode)
        }
    }
}

extension Crawler {
    /// Runs a crawl with a progress line on a terminal, then prints its summary.
    static func crawl(config: SourcesConfig, store: OfferStore, options: CrawlOptions, json: Bool) async throws
        -> CrawlReport
    {
        var options = options
        let terminal = Terminal.isTTY(stderr: true)
        if terminal && !json {
            options.progress = { p in
                Terminal.progress("crawling: \(p.pagesDone) pages, \(p.pagesQueued) in flight, \(p.offers) offers, \(p.errors) errors")
            }
        }
        let report = try await Crawler(config: config, store: store, options: options).run()
        if terminal && !json { Terminal.progress(nil) }
        if json {
            print(Terminal.json(report))
        } else {
            print(Summary.crawl(report))
        }
        return report
    }
}
