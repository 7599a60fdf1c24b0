import ArgumentParser
import Foundation
import HomeshoreKit

extension OfferMark: ExpressibleByArgument {}

extension Homeshore {
    struct Mark: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mark",
            abstract: "Mark an offer applied, hidden or interesting (hidden offers never appear again).",
            discussion: "The ID is the number shown in the digest and by `homeshore offers`. --clear removes the mark.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The offer's id.")
        var id: Int64

        @Argument(help: "applied, hidden or interesting.")
        var mark: OfferMark?

        @Flag(help: "Remove the offer's mark.")
        var clear = false

        func validate() throws {
            if clear == (mark != nil) { throw ValidationError("give a mark (applied, hidden, interesting) or --clear") }
        }

        func run() async throws {
            let store = try global.workspace.openStore()
            if let mark {
                try store.mark(offer: id, as: mark)
                print("offer \(id): \(mark.rawValue)")
            } else {
                try store.unmark(offer: id)
                print("offer \(id): no mark")
            }
        }
    }
}
