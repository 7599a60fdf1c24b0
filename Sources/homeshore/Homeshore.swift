import ArgumentParser
import HomeshoreKit

@main
struct Homeshore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "homeshore",
        abstract: "Homeshoring job offers, crawled politely, with their employers' reputation.",
        discussion: """
            Reads the sources to crawl from sources.yaml (--config), keeps everything in cache/homeshore.sqlite \
            beside it (--cache or HOMESHORE_CACHE move it). Exit status: 0 when all is well, 1 on an error, \
            2 when some sources failed and others worked.
            Durations such as 24h, 7d, 30d and ISO dates (2026-11-28) are accepted wherever a time is asked.
            New here? Run `homeshore demo`: it serves sample sites on 127.0.0.1 and runs the whole pipeline on them.
            """,
        version: "\(HomeshoreInfo.version) (\(HomeshoreInfo.libraryVersions))",
        subcommands: [Crawl.self, Offers.self, Export.self, Sources.self, Demo.self, Sentiment.self]
    )
}

/// Options every command that reads the configuration or the database takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The sources file.", valueName: "file"))
    var config: String = "sources.yaml"

    @Option(name: .long, help: ArgumentHelp(
        "The cache folder holding homeshore.sqlite (default: $HOMESHORE_CACHE, else cache/ beside the sources file).",
        valueName: "dir"))
    var cache: String?

    var workspace: Workspace { Workspace(config: config, cache: cache) }
}

/// Offer filters shared by `offers` and `export`.
struct OfferFilters: ParsableArguments {
    @Option(help: ArgumentHelp("Only offers first seen since then: 24h, 7d, 30d or a date (2026-11-28).",
        valueName: "when"))
    var since: String?

    @Option(help: ArgumentHelp("Only offers whose employer contains this text (case and accents ignored).",
        valueName: "text"))
    var employer: String?

    @Option(help: ArgumentHelp("Only offers whose title, employer, place or description hold every word.",
        valueName: "text"))
    var search: String?

    @Option(name: .customLong("source"), help: ArgumentHelp("Only offers from this source (repeatable).",
        valueName: "name"))
    var sources: [String] = []

    @Option(help: ArgumentHelp("At most this many offers.", valueName: "n"))
    var limit: Int?

    func validate() throws {
        if let since, TimeSpec.instant(since) == nil {
            throw ValidationError("--since '\(since)' is neither a duration (24h, 7d) nor a date (2026-11-28)")
        }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    var query: OfferQuery {
        OfferQuery(since: since.flatMap { TimeSpec.instant($0) }, employer: employer, search: search, sources: sources,
            limit: limit)
    }
}
