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
    private static func groupingSelect(ids: Int) -> String {
        groupingColumns + " WHERE offers.id IN (" + Array(repeating: "?", count: ids).joined(separator: ",")
            + ") ORDER BY offers.id"
    }

    private static let groupingColumns = """
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
        // One prepared statement for every full part of 500 ids; rows read by position with SQLite's functions.
        let part = 500
        let full = try db.cachedStatement(sql: groupingSelect(ids: part))
        var start = ids.startIndex
        while start < ids.endIndex {
            let ids = ids[start..<min(start + part, ids.endIndex)]
            start = ids.endIndex
            let statement = ids.count == part ? full : try db.makeStatement(sql: groupingSelect(ids: ids.count))
            let row = StatementRows(statement, in: db)
            row.bind([Int64(DedupFeatures.textRulesVersion)] + ids)
            while try row.next() {
                let id = row.int64(0)
                var kept: DedupFeatures.Kept?
                var offer: Offer?
                if row.int64(11) != 0 {
                    kept = DedupFeatures.Kept(employerName: row.text(12), town: row.text(13) ?? "",
                        postcode: row.text(14) ?? "",
                        title: Set((row.text(15) ?? "").split(separator: " ").map(String.init)),
                        words: row.hashes(16), bands: row.hashes(17))
                } else {
                    var fields = Offer(source: "", url: "")
                    fields.title = row.text(18)
                    fields.employer = row.text(19)
                    fields.location = row.text(20)
                    fields.postalCode = row.text(21)
                    fields.description = row.text(22)
                    offer = fields
                }
                let terms: DedupFeatures.Terms
                if row.int64(2) != 0 {
                    // Saved before facets were stored: the facets StoredOffer computes from the whole offer.
                    let full = try Row.fetchOne(db, sql: "SELECT * FROM offers WHERE id = ?", arguments: [id])
                    terms = DedupFeatures.Terms(offer: Offer(source: "", url: ""),
                        facets: full.map { StoredOffer(row: $0).facets })
                } else {
                    terms = DedupFeatures.Terms(
                        remote: row.text(3).flatMap(OfferFacets.Remote.init(rawValue:)) ?? .unknown,
                        contracts: Set((row.text(4) ?? "").split(separator: "|").map(String.init)),
                        hours: row.text(8).flatMap(OfferFacets.HoursKind.init(rawValue:)) ?? .unknown,
                        payMin: row.doubleOrNil(5), payMax: row.doubleOrNil(6),
                        payPeriod: row.text(7).flatMap(OfferFacets.PayPeriod.init(rawValue:)))
                }
                inputs.append(Input(id: id, group: row.int64OrNil(10), employerReference: row.text(1), terms: terms,
                    contentHash: row.text(9) ?? "", kept: kept, offer: offer))
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
