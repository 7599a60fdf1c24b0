import ArgumentParser
import Foundation
import HomeshoreKit

extension Homeshore {
    struct Sentiment: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sentiment",
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

        /// The scores as `%.4f` lines, formatted by the C library in the C locale (as `String(format:)` did),
        /// into one buffer for one write.
        static func lines(_ scores: [Double]) -> Data {
            var out = Data(capacity: scores.count * 8)
            let cLocale = newlocale(LC_NUMERIC_MASK, "C", nil)
            let previous = cLocale.map { uselocale($0) }
            defer {
                if let previous { uselocale(previous) }
                if let cLocale { freelocale(cLocale) }
            }
            withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
                for score in scores {
                    let n = withVaList([score]) { vsnprintf(buffer.baseAddress, 64, "%.4f\n", $0) }
                    buffer.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: 64) {
                        out.append($0, count: Int(min(n, 63)))
                    }
                }
            }
            return out
        }

        func run() async throws {
            if let csv {
                let texts = try CSVTable(contentsOf: csv).column(column)
                let scores = SentimentScorer.scores(texts)
                FileHandle.standardOutput.write(Self.lines(scores))
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
