import ArgumentParser
import Foundation
import HomeshoreKit

extension Homeshore {
    struct Block: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "block",
            abstract: "Block an employer: none of its offers appears in a digest again.",
            discussion: "Names are compared without case, accents, punctuation or legal form: 'DOMICALL SAS' blocks Domicall.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The employer's name.")
        var employer: String

        @Flag(help: "Unblock the employer instead.")
        var undo = false

        func run() async throws {
            let store = try global.workspace.openStore()
            if undo {
                let was = try store.unblock(employer: employer)
                print(was ? "unblocked \(employer)" : "\(employer) was not blocked")
            } else {
                let key = try store.block(employer: employer)
                print("blocked \(employer) (as '\(key)')")
            }
        }
    }
}
