import Foundation
import HomeshoreKit

/// Facet extraction throughput: `FacetExtractor.facets` on the offers of generated detail pages (long French
/// descriptions, as the crawl bench stores them) and on the labeled set of the tests. `--dump FILE` also writes every
/// offer's facets (JSON, sorted keys, one line each, the demo sites' pages included) to compare two builds.
enum FacetBench {
    /// The offers extracted from `count` generated detail pages (the crawl bench's pages).
    static func generated(count: Int) throws -> [Offer] {
        let extractor = try ExtractBench.extractor(items: nil)
        return try CrawlBench.bodies(count: count).enumerated().flatMap { i, body in
            let page = Page(url: "https://bench.example" + CrawlBench.path(i), body: body, contentType: "text/html; charset=utf-8")
            return try extractor.listing(page).items.map(\.offer)
        }
    }

    /// The labeled set's offers (title, description and structured fields), read from the repository.
    static func labeled(repo: String) throws -> [Offer] {
        let text = try String(contentsOfFile: repo + "/Tests/HomeshoreKitTests/Fixtures/facets/offers.jsonl", encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            var o = Offer(source: "labeled", url: "https://jobs.example/\(object["id"] ?? "")")
            o.title = object["title"] as? String
            o.description = object["description"] as? String
            if let s = object["structured"] as? [String: Any] {
                o.remote = s["remote"] as? String
                o.employmentType = s["employment_type"] as? [String] ?? []
                o.contract = s["contract"] as? String
                o.salaryMin = s["salary_min"] as? Double
                o.salaryMax = s["salary_max"] as? Double
                o.salaryPeriod = s["salary_period"] as? String
            }
            return o
        }
    }

    /// The demo sites' pages: the offers their JSON-LD gives, and each page's whole text as one description.
    static func demo(repo: String) throws -> [Offer] {
        let root = repo + "/Sources/HomeshoreKit/Resources/DemoSites"
        let extractor = try ExtractBench.extractor(items: nil)
        var offers: [Offer] = []
        let files = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".html") }.sorted()
        for file in files {
            let body = Array(try Data(contentsOf: URL(fileURLWithPath: root + "/" + file)))
            let page = Page(url: "https://demo.example/" + file, body: body, contentType: "text/html; charset=utf-8")
            offers += (try? extractor.listing(page).items.map(\.offer)) ?? []
            let html = String(decoding: body, as: UTF8.self)
            let text = html.replacingOccurrences(of: "<[^>]*>", with: "\n", options: .regularExpression)
            var o = Offer(source: "demo", url: "https://demo.example/text/" + file)
            o.description = text
            offers.append(o)
        }
        return offers
    }

    /// `facets N [--repo DIR] [--reps R] [--dump FILE]`.
    static func run(count: Int, repo: String, reps: Int, dump: String?) throws {
        let generated = try generated(count: count)
        let labeled = try labeled(repo: repo)
        let chars = generated.reduce(0) { $0 + ($1.description?.count ?? 0) } / max(1, generated.count)
        print("facets: \(generated.count) offers from \(count) generated pages (description \(chars) characters on average), "
            + "\(labeled.count) labeled offers, best of \(reps)")
        for (name, offers) in [("generated", generated), ("labeled", labeled)] {
            let seconds = Measure.best(reps: reps) { for o in offers { _ = FacetExtractor.facets(for: o) } }
            print("\(name): \(Measure.fmt(Double(offers.count) / seconds, 0)) offers/s, "
                + "\(Measure.fmt(seconds * 1e6 / Double(offers.count), 1)) µs per offer, \(Measure.fmt(seconds, 3)) s")
        }
        guard let dump else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var lines: [String] = []
        for (name, offers) in [("generated", generated), ("labeled", labeled), ("demo", try demo(repo: repo))] {
            for (i, o) in offers.enumerated() {
                let json = String(decoding: try encoder.encode(FacetExtractor.facets(for: o)), as: UTF8.self)
                lines.append("\(name) \(i) \(o.url) \(json)")
            }
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: dump, atomically: true, encoding: .utf8)
        print("dumped \(lines.count) offers' facets to \(dump)")
    }
}
