import Foundation
import Testing
@testable import HomeshoreKit

/// Hostile HTML: pages mutated from the demo sites and generated ones go through charset detection, JSON-LD
/// reading, parsing and extraction with recipes. Nothing may crash or hang, and memory must stay bounded.
/// `HOMESHORE_FUZZ_PAGES` sets the number of pages (100,000 by default).
@Suite struct HostileHTMLFuzzTests {
    static var pageCount: Int {
        ProcessInfo.processInfo.environment["HOMESHORE_FUZZ_PAGES"].flatMap(Int.init) ?? 100_000
    }

    static func seeds() throws -> [[UInt8]] {
        let root = try DemoSites.folder
        var pages: [[UInt8]] = []
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "html", let data = try? Data(contentsOf: url) { pages.append([UInt8](data)) }
        }
        pages.append(Array(FaultSite.offerPage(7).utf8))
        // Generated extremes.
        pages.append(Array(("<html><body>" + String(repeating: "<div><span>", count: 5_000) + "x").utf8))
        pages.append(Array(("<script type=\"application/ld+json\">" + String(repeating: "[", count: 100_000) + "</script>").utf8))
        pages.append(Array(("<script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"title\":\""
            + String(repeating: "\\u00e9", count: 20_000) + "\"}</script>").utf8))
        pages.append(Array(("<li class=\"offer-card\" data-offer-id=\"" + String(repeating: "A", count: 200_000) + "\">").utf8))
        pages.append([0xEF, 0xBB, 0xBF, 0xFF, 0xFE, 0x00, 0x3C, 0x00])
        return pages
    }

    static let inserts: [[UInt8]] = [
        "<", ">", "</div>", "<li class=\"offer-card\">", "<script>", "</script>", "<script type=\"application/ld+json\">",
        "<!--", "-->", "<![CDATA[", "&", "&#x0;", "&#xD800;", "&amp", "\"", "<meta charset=\"utf-16\">",
        "<meta charset=\"x-unknown\">", "{\"@graph\":[", "]}", "\u{0}", "<table><tr><td>", "<?xml version=\"1.0\"?>",
    ].map { Array($0.utf8) } + [[0xC3], [0xFF, 0xFE], [0xE2, 0x82], [0x80, 0x81, 0x82]]

    static func mutate(_ page: [UInt8], _ g: inout ConfigFuzzTests.Generator) -> [UInt8] {
        var bytes = page
        for _ in 0..<(1 + g.next(4)) {
            let at = g.next(bytes.count + 1)
            switch g.next(5) {
            case 0 where !bytes.isEmpty:
                let length = min(bytes.count - min(at, bytes.count), 1 + g.next(400))
                bytes.removeSubrange(min(at, bytes.count)..<(min(at, bytes.count) + length))
            case 1:
                bytes.insert(contentsOf: inserts[g.next(inserts.count)], at: at)
            case 2 where !bytes.isEmpty:
                let start = g.next(bytes.count)
                let slice = bytes[start..<min(bytes.count, start + 1 + g.next(300))]
                bytes.insert(contentsOf: slice, at: at)
            case 3:
                bytes = Array(bytes.prefix(at))
            default:
                if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: g.next(256)) }
            }
        }
        return bytes
    }

    final class Counts: @unchecked Sendable {
        private let lock = NSLock()
        private var offers = 0, thrown = 0
        func add(offers: Int, thrown: Int) {
            lock.withLock {
                self.offers += offers
                self.thrown += thrown
            }
        }
        var totals: (Int, Int) { lock.withLock { (offers, thrown) } }
    }

    static func residentMegabytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return 0 }
        return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }

    @Test func mutatedPagesNeverCrashHangOrGrowMemory() throws {
        let demo = try ConfigLoader.parse(
            String(decoding: try Data(contentsOf: try DemoSites.folder.appendingPathComponent("demo-sources.yaml")),
                as: UTF8.self).replacingOccurrences(of: "{{base}}", with: "http://127.0.0.1:1"),
            file: "demo-sources.yaml")
        let extractors = demo.sources.filter { $0.kind == .offers }.map(PageExtractor.init(source:))
        let seeds = try Self.seeds()
        // Warm up (lexicons, libxml2, caches) before the memory baseline.
        for page in seeds { _ = try? extractors[0].listing(Page(url: "http://127.0.0.1:1/", body: page, contentType: nil)) }
        let baseline = Self.residentMegabytes()
        let started = Date()
        let chunks = 16
        let counts = Counts()
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var g = ConfigFuzzTests.Generator(state: 42 &+ UInt64(chunk))
            var offers = 0, thrown = 0
            for i in stride(from: chunk, to: Self.pageCount, by: chunks) {
                let page = Page(url: "http://127.0.0.1:1/boards/x/page.html", body: Self.mutate(seeds[i % seeds.count], &g),
                    contentType: i % 7 == 0 ? "text/html; charset=iso-8859-1" : nil)
                let extractor = extractors[i % extractors.count]
                do {
                    offers += try extractor.listing(page).items.count
                    offers += try extractor.detailParts(page).posting == nil ? 0 : 1
                } catch {
                    thrown += 1
                }
            }
            counts.add(offers: offers, thrown: thrown)
        }
        let (offers, thrown) = counts.totals
        let grown = Self.residentMegabytes() - baseline
        print("hostile HTML: \(Self.pageCount) pages in \(String(format: "%.1f", Date().timeIntervalSince(started))) s, "
            + "\(offers) offers extracted, \(thrown) pages refused with an error, memory grew \(grown) MB")
        #expect(offers > 0)
        #expect(grown < 300, "memory grew by \(grown) MB")
    }
}
