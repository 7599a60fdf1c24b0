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
    /// The columns grouping reads of an offer: the compared fields, the facet columns (not the facets' JSON), the
    /// description's word hashes and band keys kept in `dedup_features` when they were computed from the offer's
    /// current text by the current rules, else the description to compute them from. Read by position (a
    /// name is looked up among the columns at every read): keep the order in step with `groupingFeatures`.
    private static let groupingSelect = """
        SELECT offers.id, offers.title, offers.employer, offers.employer_ref, offers.location, offers.postal_code,
            offers.remote, offers.employment_type, offers.contract, offers.salary_min, offers.salary_max,
            offers.salary_period, offers.facets IS NULL AS no_facets, offers.facet_remote, offers.facet_contracts,
            offers.pay_min, offers.pay_max, offers.pay_period, offers.hours, offers.content_hash, g.group_id,
            f.words AS kept_words, f.bands AS kept_bands,
            CASE WHEN f.offer_id IS NULL THEN offers.description END AS description
        FROM offers LEFT JOIN offer_groups g ON g.offer_id = offers.id
        LEFT JOIN dedup_features f ON f.offer_id = offers.id AND f.content_hash = offers.content_hash AND f.rules = ?
        """

    /// The grouping features of some offers, in id order. The costly part (the description's words and MinHash) is
    /// read from `dedup_features` when kept there, else computed on every core and kept for the next run.
    /// - Parameters:
    ///   - ids: the offers' ids, ascending.
    ///   - grouper: gives the employer normaliser and the MinHash settings.
    static func groupingFeatures(_ db: Database, ids: ArraySlice<Int64>, grouper: OfferGrouper) throws
        -> [GroupedFeatures]
    {
        struct Input {
            var id: Int64, group: Int64?, offer: Offer, terms: DedupFeatures.Terms, contentHash: String
            var kept: (words: [UInt64], bands: [UInt64])?
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
                var offer = Offer(source: "", url: "")
                offer.title = row[1]
                offer.employer = row[2]
                offer.employerReference = row[3]
                offer.location = row[4]
                offer.postalCode = row[5]
                offer.description = row[23]
                let id: Int64 = row[0]
                let terms: DedupFeatures.Terms
                if row[12] as Bool {
                    // Saved before facets were stored: the facets StoredOffer computes from the whole offer.
                    let full = try Row.fetchOne(db, sql: "SELECT * FROM offers WHERE id = ?", arguments: [id])
                    terms = DedupFeatures.Terms(offer: offer, facets: full.map { StoredOffer(row: $0).facets })
                } else {
                    terms = DedupFeatures.Terms(
                        remote: (row[13] as String?).flatMap(OfferFacets.Remote.init(rawValue:)) ?? .unknown,
                        contracts: Set(((row[14] as String?) ?? "").split(separator: "|").map(String.init)),
                        hours: (row[18] as String?).flatMap(OfferFacets.HoursKind.init(rawValue:)) ?? .unknown,
                        payMin: row[15], payMax: row[16],
                        payPeriod: (row[17] as String?).flatMap(OfferFacets.PayPeriod.init(rawValue:)))
                }
                var kept: (words: [UInt64], bands: [UInt64])?
                if let words = row[21] as Data?, let bands = row[22] as Data? {
                    kept = (hashes(words), hashes(bands))
                }
                inputs.append(Input(id: id, group: row[20], offer: offer, terms: terms,
                    contentHash: row[19], kept: kept))
            }
        }
        // Descriptions not kept yet: words and MinHash on every core.
        let missing = inputs.indices.filter { inputs[$0].kept == nil }
        if !missing.isEmpty {
            let hasher = grouper.hasher
            let slots = UnsafeMutableBufferPointer<(words: [UInt64], bands: [UInt64])?>.allocate(capacity: missing.count)
            slots.initialize(repeating: nil)
            defer { slots.deallocate() }
            nonisolated(unsafe) let output = slots
            let chunk = 64
            inputs.withUnsafeBufferPointer { inputs in
                nonisolated(unsafe) let inputs = inputs
                DispatchQueue.concurrentPerform(iterations: (missing.count + chunk - 1) / chunk) { part in
                    for i in (part * chunk)..<min(missing.count, (part + 1) * chunk) {
                        output[i] = DedupFeatures.text(inputs[missing[i]].offer.description, hasher: hasher)
                    }
                }
            }
            let keep = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO dedup_features (offer_id, content_hash, rules, words, bands)
                VALUES (?, ?, ?, ifnull(?, x''), ifnull(?, x''))
                """)
            for (slot, i) in missing.enumerated() {
                let text = slots[slot]!
                inputs[i].kept = text
                try keep.execute(arguments: [inputs[i].id, inputs[i].contentHash, DedupFeatures.textRulesVersion,
                    data(text.words), data(text.bands)])
            }
        }
        let employers = grouper.employers
        return inputs.map { input in
            GroupedFeatures(id: input.id, group: input.group, features: DedupFeatures(offer: input.offer,
                terms: input.terms, employers: employers, words: input.kept!.words, bands: input.kept!.bands))
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
