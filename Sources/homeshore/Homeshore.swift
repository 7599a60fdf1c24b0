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
        // libcurl's version string costs milliseconds (it loads its LDAP and SASL plugins): only asked for --version.
        version: CommandLine.arguments.contains("--version")
            ? "\(HomeshoreInfo.version) (\(HomeshoreInfo.libraryVersions))" : HomeshoreInfo.version,
        // Every subcommand names itself (commandName): ArgumentParser would otherwise derive each name with
        // String(describing:), a scan of the runtime's protocol conformances per command at every start.
        subcommands: [Crawl.self, Nightly.self, Digest.self, Mark.self, Block.self, Schedule.self, Offers.self,
                      Export.self, Employers.self, Employer.self, Report.self, Sources.self, Demo.self, Sentiment.self]
    )

    static func main() async {
        // `sentiment` loads its lexicon on the other core while the arguments are parsed and the file is read.
        if CommandLine.arguments.dropFirst().first == "sentiment" { SentimentScorer.preload() }
        await main(nil)
    }
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

    @Option(help: ArgumentHelp("Only offers with this remote work: full, hybrid or on_site.", valueName: "kind"))
    var remote: String?

    @Option(name: .customLong("contract"), help: ArgumentHelp(
        "Only offers with this contract (repeatable, any of them): \(Self.names(OfferFacets.Contract.self)).",
        valueName: "kind"))
    var contracts: [String] = []

    @Option(help: ArgumentHelp("Only offers paid per hour, day, week, month, year or act (per call, per appointment, commission).",
        valueName: "period"))
    var payPeriod: String?

    @Option(name: .customLong("channel"), help: ArgumentHelp(
        "Only offers served on this channel (repeatable, any of them): \(Self.names(OfferFacets.Channel.self)).",
        valueName: "channel"))
    var channels: [String] = []

    static func names<E: CaseIterable & RawRepresentable>(_: E.Type) -> String where E.RawValue == String {
        E.allCases.map(\.rawValue).filter { $0 != "unknown" }.joined(separator: ", ")
    }

    static func parse<E: CaseIterable & RawRepresentable>(_ value: String, as _: E.Type, option: String) throws -> E
    where E.RawValue == String {
        guard let parsed = E(rawValue: value.lowercased().replacingOccurrences(of: "-", with: "_")), "\(parsed)" != "unknown"
        else {
            throw ValidationError("\(option) '\(value)' is not one of: \(names(E.self))")
        }
        return parsed
    }

    @Flag(help: "Show every copy of a job (one line per board) instead of one line per job.")
    var allCopies = false

    func validate() throws {
        if let remote { _ = try Self.parse(remote, as: OfferFacets.Remote.self, option: "--remote") }
        for c in contracts { _ = try Self.parse(c, as: OfferFacets.Contract.self, option: "--contract") }
        if let payPeriod { _ = try Self.parse(payPeriod, as: OfferFacets.PayPeriod.self, option: "--pay-period") }
        for c in channels { _ = try Self.parse(c, as: OfferFacets.Channel.self, option: "--channel") }
        if let since, TimeSpec.instant(since) == nil {
            throw ValidationError("--since '\(since)' is neither a duration (24h, 7d) nor a date (2026-11-28)")
        }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    var query: OfferQuery {
        OfferQuery(since: since.flatMap { TimeSpec.instant($0) }, employer: employer, search: search, sources: sources,
            limit: limit, remote: remote.flatMap { try? Self.parse($0, as: OfferFacets.Remote.self, option: "") },
            contracts: contracts.compactMap { try? Self.parse($0, as: OfferFacets.Contract.self, option: "") },
            payPeriod: payPeriod.flatMap { try? Self.parse($0, as: OfferFacets.PayPeriod.self, option: "") },
            channels: channels.compactMap { try? Self.parse($0, as: OfferFacets.Channel.self, option: "") })
    }
}

extension OfferFilters {
    /// The offers these filters select (one per job unless `--all-copies`), with their employers' scores.
    func offers(in store: OfferStore) throws -> ([StoredOffer], [Int64: EmployerScore]) {
        var query = self.query
        query.onePerGroup = !allCopies
        return (try store.offers(matching: query), try EmployerReport.scores(in: store))
    }
}
