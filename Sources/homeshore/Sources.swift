import ArgumentParser
import Foundation
import HomeshoreKit

extension Homeshore {
    struct Sources: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sources",
            abstract: "Check the sources file, and try a source's recipe on one page.",
            subcommands: [Check.self, Test.self, List.self])
    }
}

extension Homeshore.Sources {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Validate sources.yaml: every problem with file:line:column and a hint.")

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let config = try global.workspace.loadConfig()
            let kinds = Dictionary(grouping: config.sources, by: \.kind).map { "\($0.value.count) \($0.key.rawValue)" }
            print("\(config.file): ok, \(config.sources.count) sources (\(kinds.sorted().joined(separator: ", ")))")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the sources with their kind, schedule and last run's outcome.")

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Print JSON.")
        var json = false

        func run() async throws {
            let workspace = global.workspace
            let config = try workspace.loadConfig()
            let last = try workspace.openStore().lastOutcomes()
            if json {
                let rows: [[String: Any]] = config.sources.map { s in
                    var row: [String: Any] = ["name": s.name, "kind": s.kind.rawValue, "every_seconds": s.every,
                        "start": s.start, "last_run": NSNull()]
                    if let (started, o) = last[s.name] {
                        row["last_run"] = ["started_at": started, "status": o.status, "pages": o.pages,
                            "offers": o.offersSeen, "offers_new": o.offersNew, "reviews": o.reviewsSeen, "error": o.errors.first.map { $0 as Any } ?? NSNull()]
                    }
                    return row
                }
                print(OfferExport.encode(rows, pretty: true))
                return
            }
            print("SOURCE                           KIND     EVERY  LAST RUN")
            for s in config.sources {
                let every = s.every.truncatingRemainder(dividingBy: 86_400) == 0
                    ? "\(Int(s.every / 86_400))d" : "\(Int((s.every / 3600).rounded()))h"
                var outcome = "never crawled"
                if let (started, o) = last[s.name] {
                    outcome = "\(started.prefix(16).replacingOccurrences(of: "T", with: " ")) \(o.status), "
                        + "\(o.pages) pages, "
                        + (s.kind == .reviews ? "\(o.reviewsSeen) reviews" : "\(o.offersSeen) offers (\(o.offersNew) new)")
                    if let error = o.errors.first { outcome += ": \(error)" }
                }
                print("\(s.name.padding(toLength: 32, withPad: " ", startingAt: 0)) "
                    + "\(s.kind.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) "
                    + "\(every.padding(toLength: 6, withPad: " ", startingAt: 0)) \(outcome)")
            }
        }
    }

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Print what a source's recipe (and the page's JSON-LD) extracts from one page.",
            discussion: """
                The tool for writing or mending a recipe: save a page and run
                  homeshore sources test hellowork-teleconseiller --file page.html
                or fetch one page with --url. Detail pages are not followed: pass a detail page with \
                --detail to see what it adds.
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The source whose recipe to use.")
        var name: String

        @Option(help: ArgumentHelp("A saved page.", valueName: "path"))
        var file: String?

        @Option(help: ArgumentHelp("A page to fetch (http or https).", valueName: "url"))
        var url: String?

        @Flag(help: "Treat the page as a detail page of this source (JSON-LD and 'detail:' fields).")
        var detail = false

        @Flag(help: "Print JSON.")
        var json = false

        func validate() throws {
            if (file == nil) == (url == nil) { throw ValidationError("give exactly one of --file PATH or --url URL") }
        }

        func run() async throws {
            let config = try global.workspace.loadConfig()
            guard let source = config.source(named: name) else {
                let hint = config.sources.map(\.name).joined(separator: ", ")
                throw ValidationError("\(config.file): no source named '\(name)' (sources: \(hint))")
            }
            let page = try await RecipeTest.page(file: file, url: url, userAgent: config.userAgent)
            if source.kind == .reviews {
                let result = try ReviewRecipeTest.run(source: source, page: page)
                print(json ? ReviewRecipeTest.json(result) : ReviewRecipeTest.text(result))
                return
            }
            let result = try RecipeTest.run(source: source, page: page, asDetail: detail)
            print(json ? result.json : result.text)
        }
    }
}
