import Foundation
import HomeshoreKit

/// Extraction throughput: libxml2 parse-only (a) against our full listing extraction (b), on the same pages.
enum ExtractBench {
    struct Input {
        var url: String
        var body: [UInt8]
        /// The item selector (CSS), or nil for a page read by its JSON-LD alone.
        var items: String?
    }

    /// A source with `items` and one field taking each item's text; with no selector, no recipe at all.
    static func extractor(items: String?) throws -> PageExtractor {
        var yaml = """
            version: 1
            sources:
              - name: bench
                kind: offers
                start: ["http://127.0.0.1/"]

            """
        if let items {
            let quoted = "'css: " + items.replacingOccurrences(of: "'", with: "''") + "'"
            yaml += "    items: \(quoted)\n    fields:\n      description: \"xpath: .\"\n"
        }
        return PageExtractor(source: try ConfigLoader.parse(yaml, file: "bench.yaml").sources[0])
    }

    /// The *.html under `root` (folders named `blocked` skipped), with ground_truth.json's item selectors read the
    /// way extract_peer.py reads them.
    static func load(directory root: String) throws -> [Input] {
        var truth: [String: Any] = [:]
        if let data = FileManager.default.contents(atPath: root + "/ground_truth.json"),
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        {
            truth = object
        }
        var inputs: [Input] = []
        func walk(_ folder: String, _ relative: String) throws {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            for name in names {
                let path = folder + "/" + name
                let rel = relative.isEmpty ? name : relative + "/" + name
                var isFolder: ObjCBool = false
                FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
                if isFolder.boolValue {
                    if name != "blocked" { try walk(path, rel) }
                } else if name.hasSuffix(".html"), let data = FileManager.default.contents(atPath: path) {
                    var selector: String?
                    if let entry = truth[rel] as? [String: Any], let sel = entry["item_selector"] as? String {
                        let head = sel.components(separatedBy: " (")[0].components(separatedBy: " / ")[0]
                        selector = head
                    }
                    inputs.append(Input(url: "https://realworld.example/" + rel, body: [UInt8](data), items: selector))
                }
            }
        }
        try walk(root, "")
        return inputs
    }

    /// Generated pages: half listings (~20 items, selected with `li.job-card`), half detail pages (JSON-LD).
    static func corpus(count: Int, seed: UInt64 = 42) -> [Input] {
        var rng = SeededRandom(seed: seed)
        return (0..<count).map { i in
            let size = rng.int(20_000...60_000)
            if i % 2 == 0 {
                let html = JobPages.listing(page: i / 2 + 1, items: rng.int(18...22), size: size, rng: &rng)
                return Input(url: "https://corpus.example/offres?page=\(i / 2 + 1)", body: Array(html.utf8), items: "li.job-card")
            } else {
                let html = JobPages.detail(id: i, size: size, rng: &rng)
                return Input(url: "https://corpus.example/offres/\(i).html", body: Array(html.utf8), items: nil)
            }
        }
    }

    struct Figures {
        var seconds: Double
        var peakMB: Double
        var items: Int
    }

    /// Runs (a) and/or (b) and prints their figures; `only` is "parse", "full" or nil for both.
    static func run(label: String, inputs: [Input], reps: Int, only: String?) throws {
        let bytes = inputs.reduce(0) { $0 + $1.body.count }
        let mb = Double(bytes) / 1e6
        var extractors: [String: PageExtractor] = [:]
        for input in inputs where extractors[input.items ?? ""] == nil {
            extractors[input.items ?? ""] = try extractor(items: input.items)
        }
        let pages = inputs.map { input in
            (Page(url: input.url, body: input.body, contentType: nil), extractors[input.items ?? ""]!)
        }
        let withSelector = inputs.filter { $0.items != nil }.count
        print("\(label): \(inputs.count) pages (\(withSelector) with an item selector), \(Measure.fmt(mb)) MB, "
            + "resident after loading \(Measure.fmt(Measure.residentMB)) MB, best of \(reps)")

        var parse: Figures?
        if only == nil || only == "parse" {
            Measure.resetPeak()
            var nodes = 0
            let seconds = try Measure.best(reps: reps) {
                nodes = 0
                for input in inputs {
                    let document = try HTMLDocument(utf8: input.body, url: input.url)
                    nodes += withExtendedLifetime(document) { 1 }
                }
            }
            parse = Figures(seconds: seconds, peakMB: Measure.peakMB, items: nodes)
            print(line("(a) libxml2 parse only", mb: mb, pages: inputs.count, parse!))
        }
        var full: Figures?
        if only == nil || only == "full" {
            Measure.resetPeak()
            var items = 0
            let seconds = try Measure.best(reps: reps) {
                items = 0
                for (page, extractor) in pages {
                    items += try extractor.listing(page).items.count
                }
            }
            full = Figures(seconds: seconds, peakMB: Measure.peakMB, items: items)
            print(line("(b) full extraction", mb: mb, pages: inputs.count, full!) + ", \(items) items")
        }
        if let parse, let full {
            print("ratio (b)/(a) MB/s: \(Measure.fmt(parse.seconds / full.seconds, 2))")
        }
    }

    static func line(_ name: String, mb: Double, pages: Int, _ figures: Figures) -> String {
        "\(name): \(Measure.fmt(mb / figures.seconds)) MB/s, \(Measure.fmt(Double(pages) / figures.seconds, 0)) pages/s, "
            + "peak RSS \(Measure.fmt(figures.peakMB)) MB"
    }
}
