import ArgumentParser
import HomeshoreKit

@main
struct Homeshore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "homeshore",
        abstract: "Homeshoring job offers with their employers' reputation.",
        version: HomeshoreInfo.version
    )
}
