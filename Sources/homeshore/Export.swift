import ArgumentParser
import Foundation
import HomeshoreKit

extension OfferExport.Format: ExpressibleByArgument {}

extension Homeshore {
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export offers to CSV, JSON or JSON Lines.",
            discussion: """
                CSV follows RFC 4180 in UTF-8 with LF line ends and a header row of stable column names: \
                \(OfferExport.columns.joined(separator: ",")). \
                --excel writes what French Excel opens cleanly: a byte-order mark, ';' between cells, CRLF line \
                ends. Cells starting with =, +, -, @, tab or CR are prefixed with ' so that no spreadsheet runs them \
                as formulas.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: OfferFilters

        @Option(help: "csv, json or jsonl.")
        var format: OfferExport.Format = .csv

        @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var out: String?

        @Flag(help: "For Excel: BOM, ';' separator, CRLF (CSV only).")
        var excel = false

        func validate() throws {
            if excel && format != .csv { throw ValidationError("--excel applies to --format csv only") }
        }

        func run() async throws {
            let store = try global.workspace.openStore()
            let (offers, scores) = try filters.offers(in: store)
            let text: String
            switch format {
            case .csv: text = OfferExport.csv(offers, excel: excel, scores: scores)
            case .json: text = OfferExport.json(offers, lines: false, scores: scores)
            case .jsonl: text = OfferExport.json(offers, lines: true, scores: scores)
            }
            if let out {
                do {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
                } catch {
                    throw ValidationError("cannot write \(out): \(error.localizedDescription)")
                }
                Terminal.warn("wrote \(offers.count) offers to \(out)")
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }
}
