import Dispatch
import Foundation
import HomeshoreKit

/// Grouping near-duplicate offers: from scratch over N generated offers, then adding M new ones to the N stored,
/// in memory (the grouper alone) and through the SQLite store (as a crawl runs it). Writes the same offers' texts
/// as JSONL for dedup_peer.py (datasketch), with the same 3-word shingles and 128 permutations.
enum DedupBench {
    static func run(count: Int, added: Int, jsonl: String?, store storeCount: Int) throws {
        var generator = SyntheticOffers(seed: 20261130)
        var corpus = generator.corpus(count: count + added)
        print("generated \(corpus.count) offers (\(Set(corpus.map(\.job)).count) jobs)")
        try inMemory(corpus, count: count, added: added, jsonl: jsonl)
        guard storeCount > 0 else { return }
        let stored = min(count, storeCount)
        var toStore = corpus[0..<stored].map(\.offer)
        let toAdd = corpus[stored..<(stored + added)].map(\.offer)
        var jobs: [String: Int] = [:]
        for labeled in corpus[0..<(stored + added)] {
            jobs[labeled.offer.source + " " + labeled.offer.key] = labeled.job
        }
        corpus = []
        try throughStore(&toStore, toAdd, jobs: jobs)
    }

    /// The grouper alone, one thread like datasketch (its memory is let go of before the store is measured).
    static func inMemory(_ corpus: [(offer: Offer, job: Int)], count: Int, added: Int, jsonl: String?) throws {
        let offers = corpus.map(\.offer)
        // In memory, from scratch: features (shingles, MinHash), LSH and matching, one thread like datasketch.
        Measure.resetPeak()
        var start = Measure.now()
        let grouper = OfferGrouper()
        var groups = Set<Int64>()
        for i in 0..<count {
            let f = grouper.features(of: offers[i], facets: nil)
            groups.insert(grouper.add(id: Int64(i + 1), features: f).group)
        }
        let scratch = Measure.now() - start
        print("memory  from scratch  offers \(count)  groups \(groups.count)  comparisons \(grouper.comparisons)  "
            + "seconds \(Measure.fmt(scratch, 2))  offers/s \(Int(Double(count) / scratch))  peak_rss_mb \(Measure.fmt(Measure.peakMB, 0))")
        start = Measure.now()
        for i in count..<(count + added) {
            grouper.add(id: Int64(i + 1), features: grouper.features(of: offers[i], facets: nil))
        }
        let more = Measure.now() - start
        print("memory  add \(added) to \(count)  seconds \(Measure.fmt(more, 3))  (\(Measure.fmt(100 * more / scratch, 2)) % of from scratch)")
        let truth = Dictionary(grouping: (0..<count).map { (Int64($0 + 1), corpus[$0].job) }, by: \.1).values.filter { $0.count > 1 }
        let assigned = grouper.groupByOffer
        var pairs = 0, found = 0
        for members in truth {
            for x in 0..<members.count { for y in (x + 1)..<members.count {
                pairs += 1
                if assigned[members[x].0] == assigned[members[y].0] { found += 1 }
            } }
        }
        print("memory  true copy pairs \(pairs), in one group \(found) (\(Measure.fmt(100 * Double(found) / Double(max(1, pairs)), 1)) %)")

        if let jsonl {
            var text = ""
            for i in 0..<count {
                text += OfferExport.encode(["id": i + 1, "text": OfferGrouper.shingleText(offers[i])], pretty: false) + "\n"
            }
            try text.write(toFile: jsonl, atomically: true, encoding: .utf8)
            print("wrote \(jsonl)")
        }
    }

    /// Saves offers through ``OfferStore/save(pending:run:at:)`` 10,000 at a time, their facets computed on every
    /// core beforehand, as a crawl's workers compute them (saving 100,000 offers one by one takes over ten minutes).
    static func save(_ offers: [Offer], to store: OfferStore) throws {
        for start in stride(from: 0, to: offers.count, by: 10_000) {
            let part = Array(offers[start..<min(start + 10_000, offers.count)])
            let slots = UnsafeMutableBufferPointer<PendingOffer?>.allocate(capacity: part.count)
            slots.initialize(repeating: nil)
            defer { slots.deallocate() }
            nonisolated(unsafe) let output = slots
            DispatchQueue.concurrentPerform(iterations: (part.count + 99) / 100) { chunk in
                for i in (chunk * 100)..<min(part.count, (chunk + 1) * 100) { output[i] = PendingOffer(part[i]) }
            }
            _ = try store.save(pending: slots.map { $0! }, run: nil)
        }
    }

    /// Through the SQLite store, as a crawl runs it: save the offers (not timed), group from scratch, then a nightly
    /// run adds new offers. The saved offers are let go of before grouping, as a `homeshore` process holds none.
    static func throughStore(_ toStore: inout [Offer], _ toAdd: [Offer], jobs: [String: Int]) throws {
        let count = toStore.count
        let folder = NSTemporaryDirectory() + "homeshore-dedup-bench-\(getpid())"
        try? FileManager.default.removeItem(atPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try OfferStore(folder: folder)
        var start = Measure.now()
        try save(toStore, to: store)
        toStore = []
        print("store   saved \(count) offers in \(Measure.fmt(Measure.now() - start, 1)) s (facets included, on every core; "
            + "not grouping)")
        Measure.trim()
        let before = Measure.residentMB
        Measure.resetPeak()
        start = Measure.now()
        var cpu = Measure.cpu()
        let all = try store.regroupAll()
        let storeScratch = Measure.now() - start
        let scratchCPU = Measure.cpu() - cpu
        print("store   from scratch  offers \(all.grouped)  seconds \(Measure.fmt(storeScratch, 2))  "
            + "offers/s \(Int(Double(count) / storeScratch))  peak_rss_mb \(Measure.fmt(Measure.peakMB, 0))  "
            + "(rss before \(Measure.fmt(before, 0)))  cpu_seconds \(Measure.fmt(scratchCPU, 2))")
        try save(toAdd, to: store)
        if let snapshot = ProcessInfo.processInfo.environment["HOMESHORE_DEDUP_SNAPSHOT"] {
            try? FileManager.default.removeItem(atPath: snapshot)
            try FileManager.default.copyItem(atPath: folder, toPath: snapshot)
        }
        Measure.resetPeak()
        start = Measure.now()
        cpu = Measure.cpu()
        let nightly = try store.assignGroups()
        let storeMore = Measure.now() - start
        let moreCPU = Measure.cpu() - cpu
        print("store   add \(nightly.grouped) to \(count)  joined \(nightly.joined)  stored compared \(nightly.candidatesLoaded)  "
            + "seconds \(Measure.fmt(storeMore, 3))  (\(Measure.fmt(100 * storeMore / storeScratch, 2)) % of from scratch)  "
            + "peak_rss_mb \(Measure.fmt(Measure.peakMB, 0))  cpu_seconds \(Measure.fmt(moreCPU, 3)) "
            + "(\(Measure.fmt(100 * moreCPU / scratchCPU, 2)) %)")
        print("store   nightly step: " + nightly.phases.map { "\($0.name) \(Measure.fmt(1000 * $0.seconds, 0)) ms" }
            .joined(separator: ", "))
        // Quality through the store (not timed): the generator's copy pairs that share a group.
        var members: [Int: [Int64]] = [:], jobsOfGroup: [Int64: [Int]] = [:]
        for offer in try store.offers() {
            guard let job = jobs[offer.offer.source + " " + offer.offer.key] else { continue }
            members[job, default: []].append(offer.groupID ?? -offer.id)
            jobsOfGroup[offer.groupID ?? -offer.id, default: []].append(job)
        }
        func pairs(_ lists: Dictionary<some Hashable, [some Equatable]>.Values) -> (all: Int, same: Int) {
            var all = 0, same = 0
            for list in lists where list.count > 1 {
                for x in 0..<list.count { for y in (x + 1)..<list.count {
                    all += 1
                    if list[x] == list[y] { same += 1 }
                } }
            }
            return (all, same)
        }
        let copies = pairs(members.values), grouped = pairs(jobsOfGroup.values)
        print("store   from scratch \(all.grouped - all.joined) groups; after adding: true copy pairs \(copies.all), in one group "
            + "\(copies.same) (\(Measure.fmt(100 * Double(copies.same) / Double(max(1, copies.all)), 1)) %); pairs grouped "
            + "\(grouped.all), of distinct jobs \(grouped.all - grouped.same)")
    }
}
