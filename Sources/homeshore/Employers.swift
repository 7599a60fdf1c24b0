import ArgumentParser
import Foundation
import HomeshoreKit

extension EmployerReport.Sort: ExpressibleByArgument {}

extension Homeshore {
    struct Employers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "employers",
            abstract: "Compare the employers' reputations: score, interval, reviews, trend, worst aspect, red flags.",
            discussion: """
                The score is a Bayesian mean out of 5 of the reviews' stars (or of their text's sentiment mapped \
                to 1-5 when a review has no stars), with a prior of 7 reviews at 3.5 stars and a one-year \
                half-life; the interval is a 95% Wilson interval on the 1-5 scale. See `homeshore employer NAME`.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: "score, reviews or name.")
        var sort: EmployerReport.Sort = .score

        @Flag(help: "Print JSON.")
        var json = false

        func run() async throws {
            let store = try global.workspace.openStore()
            let list = EmployerReport.sorted(try EmployerReport.reputations(in: store), by: sort)
            print(json ? EmployerReport.json(list) : EmployerReport.table(list), terminator: json ? "" : "\n")
        }
    }
}
