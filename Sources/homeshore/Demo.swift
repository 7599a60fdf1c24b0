import ArgumentParser
import Foundation
import HomeshoreKit

extension Homeshore {
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "demo",
            abstract: "Serve the bundled sample sites on 127.0.0.1 and run the whole pipeline on them.",
            discussion: """
                No internet needed: three fictional job boards and review pages are served on a loopback port, \
                crawled with the demo's own sources file, stored in a database, listed and exported to CSV. \
                The database goes to a fresh temporary folder unless --cache is given.
                """)

        @Option(help: ArgumentHelp("Keep the demo database here.", valueName: "dir"))
        var cache: String?

        @Flag(help: "Keep serving the sites after the run, until interrupted, to browse them.")
        var serve = false

        @Flag(help: "Only serve the sites (no crawl), until interrupted; with --sources-out, crawl them yourself.")
        var serveOnly = false

        @Option(help: ArgumentHelp("Write the demo's sources.yaml, pointing at the running server, to this file.",
            valueName: "file"))
        var sourcesOut: String?

        func run() async throws {
            let demo = try DemoSites.start()
            if let sourcesOut {
                try Data(demo.configText.utf8).write(to: URL(fileURLWithPath: sourcesOut), options: .atomic)
            }
            if serveOnly {
                print("serving the sample sites at \(demo.server.baseURL)/ until interrupted")
                FileHandle.standardOutput.synchronizeFile()
                while true { try await Task.sleep(for: .seconds(3600)) }
            }
            let folder = cache ?? FileManager.default.temporaryDirectory
                .appendingPathComponent("homeshore-demo-\(UUID().uuidString.prefix(8))").path
            print("serving the sample sites at \(demo.server.baseURL)/ (fictional employers)")
            let store = try OfferStore(folder: folder)
            var options = CrawlOptions()
            options.delayOverride = 0
            let report = try await Crawler.crawl(config: demo.config, store: store, options: options, json: false)
            // One line per job, with every board it is on, as `homeshore offers` and `export` show them.
            var query = OfferQuery()
            query.onePerGroup = true
            let offers = try store.offers(matching: query)
            let reputations = try EmployerReport.reputations(in: store)
            let scores = Dictionary(uniqueKeysWithValues: reputations.map { ($0.employer.id, $0.score) })
            print("")
            print(Summary.offers(offers, scores: scores))
            print("")
            print(EmployerReport.table(EmployerReport.sorted(reputations, by: .score)))
            let csv = (folder as NSString).appendingPathComponent("offers.csv")
            try Data(OfferExport.csv(offers, scores: scores).utf8).write(to: URL(fileURLWithPath: csv))
            print("")
            print("database: \(store.path)")
            print("CSV export: \(csv)")
            print("try: homeshore offers --cache \(folder) --search télétravail")
            print("     homeshore employer --cache \(folder) domicall")
            if serve {
                print("serving until interrupted (Ctrl-C)...")
                while true { try await Task.sleep(for: .seconds(3600)) }
            }
            withExtendedLifetime(demo) {}
            throw ExitCode(report.exitCode)
        }
    }
}
