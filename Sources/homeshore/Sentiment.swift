import ArgumentParser
import Foundation
import HomeshoreKit

extension Homeshore {
    struct Sentiment: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score the sentiment of a review, or of every row of a CSV file.",
            discussion: """
                With TEXT: prints the score in [-1, 1], the language (fr or en), the words that made the score, \
                the aspects the review speaks of and its red flags (--json for a JSON object).
                With --csv FILE: prints one score a line, in row order, for the 'text' column (--column) of an \
                RFC 4180 CSV file with a header row.
                """)

        @Argument(help: "A review to score.")
        var text: String?

        @Option(help: ArgumentHelp("Score every row of this CSV file, one score a line.", valueName: "file"))
        var csv: String?

        @Option(help: ArgumentHelp("The CSV column holding the text.", valueName: "name"))
        var column = "text"

        @Flag(help: "Print the analysis of TEXT as JSON.")
        var json = false

        func validate() throws {
            if (text == nil) == (csv == nil) { throw ValidationError("give either TEXT or --csv FILE") }
            if json && csv != nil { throw ValidationError("--json applies to TEXT only") }
        }

        func run() async throws {
            if let csv {
                let texts = try CSVTable(contentsOf: csv).column(column)
                let scores = SentimentScorer.scores(texts)
                var out = ""
                out.reserveCapacity(scores.count * 8)
                for score in scores { out += String(format: "%.4f\n", score) }
                FileHandle.standardOutput.write(Data(out.utf8))
                return
            }
            let analysis = ReviewAnalysis.analyze(text ?? "")
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(analysis), as: UTF8.self))
            } else {
                print(analysis.summary)
            }
        }
    }
}
