import ArgumentParser
import Foundation
import HomeshoreKit

extension Homeshore {
    struct Offers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the stored offers, newest first.",
            discussion: """
                Filters combine: homeshore offers --since 7d --employer domicall --search "chat". Facet filters: \
                homeshore offers --remote full --contract cdi --pay-period hour --channel chat
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: OfferFilters

        @Flag(help: "Print JSON (the export's keys, typed values).")
        var json = false

        @Flag(help: "Show every copy of a job (one line per board) instead of one line per job.")
        var allCopies = false

        func run() async throws {
            let store = try global.workspace.openStore()
            var query = filters.query
            query.onePerGroup = !allCopies
            let offers = try store.offers(matching: query)
            let scores = try EmployerReport.scores(in: store)
            print(json ? OfferExport.json(offers, lines: false, scores: scores) : Summary.offers(offers, scores: scores),
                terminator: json ? "" : "\n")
        }
    }
}
