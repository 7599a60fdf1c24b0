import ArgumentParser
import Foundation
import HomeshoreKit

extension Homeshore {
    struct Offers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "offers",
            abstract: "List the stored offers, newest first.",
            discussion: """
                Filters combine: homeshore offers --since 7d --employer domicall --search "chat". Facet filters: \
                homeshore offers --remote full --contract cdi --pay-period hour --channel chat
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: OfferFilters

        @Flag(help: "Print JSON (the export's keys, typed values).")
        var json = false

        func run() async throws {
            let store = try global.workspace.openStore()
            let (offers, scores) = try filters.offers(in: store)
            print(json ? OfferExport.json(offers, lines: false, scores: scores) : Summary.offers(offers, scores: scores),
                terminator: json ? "" : "\n")
        }
    }
}
