import Foundation
import HomeshoreKit

// homeshore-bench: prints figures, never passes or fails on time. See docs/benchmarks.md.
//
//   homeshore-bench extract DIR [--reps N] [--only parse|full]
//   homeshore-bench corpus N [--reps N] [--only parse|full]
//   homeshore-bench crawl N [--base URL] [--reps N] [--only crawl|store]
//   homeshore-bench serve N URLS.txt
//   homeshore-bench recrawl N
//   homeshore-bench reviews [--fixtures labeled.csv] [--reps N]
//   homeshore-bench nightly [--reps N]
//   homeshore-bench facets N [--repo DIR] [--reps N] [--dump FILE]
//   homeshore-bench dedup N [--added M] [--jsonl OFFERS.jsonl] [--store N (0: memory only)]
//   homeshore-bench dedup-nightly SNAPSHOT [--reps N] [--dump GROUPS.txt]
//     (SNAPSHOT: the store folder `dedup` copies before its nightly step when HOMESHORE_DEDUP_SNAPSHOT names it)

var arguments = Array(CommandLine.arguments.dropFirst())

@MainActor
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    let value = arguments[index + 1]
    arguments.removeSubrange(index...(index + 1))
    return value
}

func usage() -> Never {
    print("""
        homeshore-bench \(HomeshoreInfo.version)
        usage: homeshore-bench extract DIR [--reps N] [--only parse|full]
               homeshore-bench corpus N [--reps N] [--only parse|full]
               homeshore-bench crawl N [--base URL] [--reps N] [--only crawl|store]
               homeshore-bench serve N URLS.txt
               homeshore-bench recrawl N
               homeshore-bench reviews [--fixtures labeled.csv] [--reps N]
               homeshore-bench nightly [--reps N]
               homeshore-bench facets N [--repo DIR] [--reps N] [--dump FILE]
               homeshore-bench dedup N [--added M] [--jsonl OFFERS.jsonl] [--store N (0: memory only)]
               homeshore-bench dedup-nightly SNAPSHOT [--reps N] [--dump GROUPS.txt]
        """)
    exit(64)
}

let reps = option("--reps").flatMap { Int($0) }
let only = option("--only")
let base = option("--base")
let fixtures = option("--fixtures") ?? "Tests/HomeshoreKitTests/Fixtures/reviews/labeled.csv"
let repo = option("--repo") ?? FileManager.default.currentDirectoryPath
let dump = option("--dump")
let added = option("--added").flatMap { Int($0) }
let jsonl = option("--jsonl")
let storeCount = option("--store").flatMap { Int($0) }
do {
    switch arguments.first {
    case "extract" where arguments.count == 2:
        try ExtractBench.run(label: "extract \(arguments[1])", inputs: ExtractBench.load(directory: arguments[1]),
            reps: reps ?? 5, only: only)
    case "corpus" where arguments.count == 2:
        guard let n = Int(arguments[1]), n > 0 else { usage() }
        let start = Measure.now()
        let inputs = ExtractBench.corpus(count: n)
        print("generated \(n) pages in \(Measure.fmt(Measure.now() - start, 1)) s")
        try ExtractBench.run(label: "corpus", inputs: inputs, reps: reps ?? 3, only: only)
    case "crawl" where arguments.count == 2:
        guard let n = Int(arguments[1]), n > 0 else { usage() }
        try await CrawlBench.run(count: n, base: base, reps: reps ?? 3, only: only)
    case "serve" where arguments.count == 3:
        guard let n = Int(arguments[1]), n > 0 else { usage() }
        try CrawlBench.serve(count: n, urlFile: arguments[2])
    case "recrawl" where arguments.count == 2:
        guard let n = Int(arguments[1]), n > 0 else { usage() }
        try await RecrawlBench.run(count: n)
    case "reviews" where arguments.count == 1:
        try ReviewBench.run(fixtures: fixtures, reps: reps ?? 5)
    case "nightly" where arguments.count == 1:
        try await NightlyBench.run(forcedReps: reps ?? 1)
    case "facets" where arguments.count == 2:
        guard let n = Int(arguments[1]), n > 0 else { usage() }
        try FacetBench.run(count: n, repo: repo, reps: reps ?? 3, dump: dump)
    case "dedup" where arguments.count == 2:
        guard let n = Int(arguments[1]), n > 0 else { usage() }
        try DedupBench.run(count: n, added: added ?? 2000, jsonl: jsonl, store: storeCount ?? n)
    case "dedup-nightly" where arguments.count == 2:
        try DedupNightlyBench.run(snapshot: arguments[1], reps: reps ?? 3, dump: dump)
    default:
        usage()
    }
} catch {
    print("homeshore-bench: \(error)")
    exit(1)
}
