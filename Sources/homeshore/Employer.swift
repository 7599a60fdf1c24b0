import ArgumentParser
import Foundation
import HomeshoreKit

extension Homeshore {
    struct Employer: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "employer",
            abstract: "One employer's reputation: star histogram, aspects, red flags with quotes, links to the reviews.",
            discussion: "NAME is resolved like every employer name: case, accents, legal forms and aliases do not matter.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The employer (any spelling: Domicall, DOMICALL SAS, domicall.fr).")
        var name: String

        @Flag(help: "Print JSON.")
        var json = false

        func run() async throws {
            let store = try global.workspace.openStore()
            let list = try EmployerReport.reputations(in: store)
            guard let found = try store.employer(named: name),
                let reputation = list.first(where: { $0.employer.id == found.id })
            else {
                let known = list.map(\.employer)
                let near = EmployerReport.nearestNames(to: name, in: known)
                let hint = near.isEmpty ? "no employer has reviews yet" : "did you mean: \(near.joined(separator: ", "))?"
                throw UnknownEmployer(description: "no reviewed employer named '\(name)' (\(hint))")
            }
            print(json ? EmployerReport.detailJSON(reputation) : EmployerReport.detail(reputation),
                terminator: json ? "" : "\n")
        }
    }
}

/// An employer name that matches no reviewed employer; printed without the usage text.
struct UnknownEmployer: Error, CustomStringConvertible {
    var description: String
}
