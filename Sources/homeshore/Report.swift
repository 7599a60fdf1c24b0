import ArgumentParser
import Foundation
import HomeshoreKit

extension Homeshore {
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Write the providers' comparison as one self-contained HTML page.",
            discussion: """
                A chart of every employer's score with its 95% interval (SVG, no script), a table with review \
                counts and trend, a heat map of aspects, red flags with quoted evidence linking to the reviews, and \
                each employer's offers seen in the last \(ComparisonPage.openDays) days. No external resource: it \
                opens in a browser and can be mailed.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("Write the page here (default: report.html in the cache folder).", valueName: "file"))
        var out: String?

        @Option(help: "Labels in fr or en.")
        var lang: DigestLabels.Language = .fr

        func run() async throws {
            let workspace = global.workspace
            let store = try workspace.openStore()
            let page = try ComparisonPage.build(store: store, language: lang)
            let path = out ?? URL(fileURLWithPath: workspace.cacheFolder).appendingPathComponent("report.html").path
            try Data(page.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            print("wrote the comparison to \(path)")
        }
    }
}
