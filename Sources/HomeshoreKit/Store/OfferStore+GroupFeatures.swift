import Dispatch
import Foundation
import GRDB

/// An offer's grouping features as read from the database, with its group when it has one.
struct GroupedFeatures {
    var id: Int64
    var group: Int64?
    var features: DedupFeatures
}

extension OfferStore {
    /// The columns grouping reads of an offer: its employer's reference and facet columns (not the facets' JSON),
    /// and what grouping computed of its text (`dedup_features`) when that was computed from the offer's current
    /// text by the current rules, else the fields to compute it from. Read by position (a name is looked up among
    /// the columns at every read): keep the order in step with `groupingFeatures`.
    private static let groupingSelect = """
        SELECT offers.id, offers.employer_ref, offers.facets IS NULL AS no_facets, offers.facet_remote,
            offers.facet_contracts, offers.pay_min, offers.pay_max, offers.pay_period, offers.hours,
            offers.content_hash, g.group_id, f.offer_id IS NOT NULL AS kept, f.employer, f.town, f.postcode, f.title,
            f.words, f.bands,
            CASE WHEN f.offer_id IS NULL THEN offers.title END, CASE WHEN f.offer_id IS NULL THEN offers.employer END,
            CASE WHEN f.offer_id IS NULL THEN offers.location END,
            CASE WHEN f.offer_id IS NULL THEN offers.postal_code END,
            CASE WHEN f.offer_id IS NULL THEN offers.description END
        FROM offers LEFT JOIN offer_groups g ON g.offer_id = offers.id
        LEFT JOIN dedup_features f ON f.offer_id = offers.id AND f.content_hash = offers.content_hash AND f.rules = ?
        """

    /// The grouping features of some offers, in id order. What is computed of an offer's text is read from
    /// `dedup_features` when kept there, else computed on every core and kept for the next run.
    /// - Parameters:
    ///   - ids: the offers' ids, ascending.
    ///   - grouper: gives the employer normaliser and the MinHash settings.
    static func groupingFeatures(_ db: Database, ids: ArraySlice<Int64>, grouper: OfferGrouper) throws
        -> [GroupedFeatures]
    {
        struct Input {
            var id: Int64, group: Int64?, employerReference: String?, terms: DedupFeatures.Terms, contentHash: String
            var kept: DedupFeatures.Kept?
            /// The fields to compute `kept` from, when it was not kept.
            var offer: Offer?
        }
        var inputs: [Input] = []
        inputs.reserveCapacity(ids.count)
        var start = ids.startIndex
        while start < ids.endIndex {
            let part = ids[start..<min(start + 500, ids.endIndex)]
            start = part.endIndex
            let rows = try Row.fetchCursor(db, sql: groupingSelect + """
                 WHERE offers.id IN (\(part.map { _ in "?" }.joined(separator: ","))) ORDER BY offers.id
                """, arguments: StatementArguments([DedupFeatures.textRulesVersion.databaseValue] + part.map(\.databaseValue)))
            while let row = try rows.next() {
                let id: Int64 = row[0]
                var kept: DedupFeatures.Kept?
                var offer: Offer?
                if row[11] as Bool {
                    kept = DedupFeatures.Kept(employerName: row[12], town: row[13], postcode: row[14],
                        title: Set((row[15] as String).split(separator: " ").map(String.init)),
                        words: hashes(row[16]), bands: hashes(row[17]))
                } else {
                    var fields = Offer(source: "", url: "")
                    fields.title = row[18]
                    fields.employer = row[19]
                    fields.location = row[20]
                    fields.postalCode = row[21]
                    fields.description = row[22]
                    offer = fields
                }
                let terms: DedupFeatures.Terms
                if row[2] as Bool {
                    // Saved before facets were stored: the facets StoredOffer computes from the whole offer.
                    let full = try Row.fetchOne(db, sql: "SELECT * FROM offers WHERE id = ?", arguments: [id])
                    terms = DedupFeatures.Terms(offer: Offer(source: "", url: ""),
                        facets: full.map { StoredOffer(row: $0).facets })
                } else {
                    terms = DedupFeatures.Terms(
                        remote: (row[3] as String?).flatMap(OfferFacets.Remote.init(rawValue:)) ?? .unknown,
                        contracts: Set(((row[4] as String?) ?? "").split(separator: "|").map(String.init)),
                        hours: (row[8] as String?).flatMap(OfferFacets.HoursKind.init(rawValue:)) ?? .unknown,
                        payMin: row[5], payMax: row[6],
                        payPeriod: (row[7] as String?).flatMap(OfferFacets.PayPeriod.init(rawValue:)))
                }
                inputs.append(Input(id: id, group: row[10], employerReference: row[1], terms: terms,
                    contentHash: row[9], kept: kept, offer: offer))
            }
        }
        // Not kept yet: words and MinHash (and the rest) on every core.
        let missing = inputs.indices.filter { inputs[$0].kept == nil }
        if !missing.isEmpty {
            let hasher = grouper.hasher
            let slots = UnsafeMutableBufferPointer<DedupFeatures.Kept?>.allocate(capacity: missing.count)
            slots.initialize(repeating: nil)
            defer { slots.deallocate() }
            nonisolated(unsafe) let output = slots
            let chunk = 64
            inputs.withUnsafeBufferPointer { inputs in
                nonisolated(unsafe) let inputs = inputs
                DispatchQueue.concurrentPerform(iterations: (missing.count + chunk - 1) / chunk) { part in
                    for i in (part * chunk)..<min(missing.count, (part + 1) * chunk) {
                        output[i] = DedupFeatures.Kept(offer: inputs[missing[i]].offer!, hasher: hasher)
                    }
                }
            }
            let keep = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO dedup_features
                    (offer_id, content_hash, rules, employer, town, postcode, title, words, bands)
                VALUES (?, ?, ?, ?, ?, ?, ?, ifnull(?, x''), ifnull(?, x''))
                """)
            for (slot, i) in missing.enumerated() {
                let kept = slots[slot]!
                inputs[i].kept = kept
                inputs[i].offer = nil
                try keep.execute(arguments: [inputs[i].id, inputs[i].contentHash, DedupFeatures.textRulesVersion,
                    kept.employerName, kept.town, kept.postcode, kept.title.sorted().joined(separator: " "),
                    data(kept.words), data(kept.bands)])
            }
        }
        let employers = grouper.employers
        return inputs.map { input in
            GroupedFeatures(id: input.id, group: input.group, features: DedupFeatures(kept: input.kept!,
                employerReference: input.employerReference, terms: input.terms, employers: employers))
        }
    }

    /// 64-bit hashes as a blob, in the machine's byte order (little-endian on every platform Homeshore builds for).
    /// No hashes bind as NULL (an empty `Data` has no bytes to point to): write them with `ifnull(?, x'')`.
    static func data(_ hashes: [UInt64]) -> Data {
        hashes.withUnsafeBytes { Data($0) }
    }

    /// The hashes of a blob written by ``data(_:)``.
    static func hashes(_ data: Data) -> [UInt64] {
        [UInt64](unsafeUninitializedCapacity: data.count / 8) { buffer, count in
            count = data.copyBytes(to: buffer) / 8
        }
    }
}
