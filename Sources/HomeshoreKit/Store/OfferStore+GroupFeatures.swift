import Dispatch
import Foundation
import GRDB

/// An offer's grouping features as read from the database, with its group when it has one.
struct GroupedFeatures {
    var id: Int64
    var group: Int64?
    var features: DedupFeatures
}

/// An offer's facet columns as stored (`offers.facet_remote` ... `hours`, and the same in `dedup_features`): what
/// its ``DedupFeatures/Terms`` are read from.
struct TermColumns {
    var remote: String?
    var contracts: String?
    var payMin: Double?
    var payMax: Double?
    var payPeriod: String?
    var hours: String?

    /// Reads the six columns from `first` on, in the order above.
    init(_ row: StatementRows, from first: Int32) {
        remote = row.text(first)
        contracts = row.text(first + 1)
        payMin = row.doubleOrNil(first + 2)
        payMax = row.doubleOrNil(first + 3)
        payPeriod = row.text(first + 4)
        hours = row.text(first + 5)
    }

    var terms: DedupFeatures.Terms {
        var parsed: [String: Set<String>] = [:]
        return terms(parsed: &parsed)
    }

    /// ``terms``, with the contract lists already split kept in `parsed` (a few distinct lists recur over thousands
    /// of rows).
    func terms(parsed: inout [String: Set<String>]) -> DedupFeatures.Terms {
        let list = contracts ?? ""
        let contractSet: Set<String>
        if let known = parsed[list] {
            contractSet = known
        } else {
            contractSet = Set(list.split(separator: "|").map(String.init))
            parsed[list] = contractSet
        }
        return DedupFeatures.Terms(remote: remote.flatMap(OfferFacets.Remote.init(rawValue:)) ?? .unknown,
            contracts: contractSet, hours: hours.flatMap(OfferFacets.HoursKind.init(rawValue:)) ?? .unknown,
            payMin: payMin, payMax: payMax, payPeriod: payPeriod.flatMap(OfferFacets.PayPeriod.init(rawValue:)))
    }
}

extension OfferStore {
    /// The columns grouping reads of an offer: its employer's reference and facet columns (not the facets' JSON),
    /// and what grouping computed of its text (`dedup_features`) when that was computed from the offer's current
    /// text by the current rules, else the fields to compute it from. Read by position (a name is looked up among
    /// the columns at every read): keep the order in step with `groupingFeatures`.
    /// Runs `select(n)`, a query whose arguments are the rules' version and then `n` offer ids, over `ids` 500 at a
    /// time (one prepared statement for every full part), handing `body` each part's rows, read by position with
    /// SQLite's functions, and the part's ids.
    private static func forEachPart(_ db: Database, of ids: ArraySlice<Int64>, select: (Int) -> String,
                                    _ body: (StatementRows, ArraySlice<Int64>) throws -> Void) throws {
        let part = 500
        let full = try db.cachedStatement(sql: select(part))
        var start = ids.startIndex
        while start < ids.endIndex {
            let slice = ids[start..<min(start + part, ids.endIndex)]
            start = slice.endIndex
            let statement = slice.count == part ? full : try db.makeStatement(sql: select(slice.count))
            let row = StatementRows(statement, in: db)
            row.bind([Int64(DedupFeatures.textRulesVersion)] + slice)
            try body(row, slice)
        }
    }

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
            /// The offer's facet columns (nil without facets), kept with its features.
            var columns: TermColumns?
            var kept: DedupFeatures.Kept?
            /// The fields to compute `kept` from, when it was not kept.
            var offer: Offer?
        }
        var inputs: [Input] = []
        inputs.reserveCapacity(ids.count)
        try forEachPart(db, of: ids, select: groupingSelect) { row, _ in
            while try row.next() {
                let id = row.int64(0)
                var kept: DedupFeatures.Kept?
                var offer: Offer?
                if row.int64(11) != 0 {
                    kept = DedupFeatures.Kept(employerName: row.text(12), town: row.text(13) ?? "",
                        postcode: row.text(14) ?? "", title: titleWords(row.text(15)), words: row.hashes(16),
                        bands: row.hashes(17))
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
                var columns: TermColumns?
                if row.int64(2) != 0 {
                    // Saved before facets were stored: the facets StoredOffer computes from the whole offer.
                    let full = try Row.fetchOne(db, sql: "SELECT * FROM offers WHERE id = ?", arguments: [id])
                    terms = DedupFeatures.Terms(offer: Offer(source: "", url: ""),
                        facets: full.map { StoredOffer(row: $0).facets })
                } else {
                    let read = TermColumns(row, from: 3)
                    terms = read.terms
                    columns = read
                }
                inputs.append(Input(id: id, group: row.int64OrNil(10), employerReference: row.text(1), terms: terms,
                    contentHash: row.text(9) ?? "", columns: columns, kept: kept, offer: offer))
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
                    (offer_id, content_hash, rules, facets, employer_ref, remote, contracts, pay_min, pay_max,
                    pay_period, hours, employer, town, postcode, title, words, bands)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ifnull(?, x''), ifnull(?, x''))
                """)
            let keepRow = StatementRows(keep, in: db)
            for (slot, i) in missing.enumerated() {
                let kept = slots[slot]!
                inputs[i].kept = kept
                inputs[i].offer = nil
                let columns = inputs[i].columns
                // Bound with SQLite's own functions (StatementRows): GRDB's arguments cost a third of this loop.
                try keepRow.execute(values: [inputs[i].id, inputs[i].contentHash, DedupFeatures.textRulesVersion,
                    columns != nil, inputs[i].employerReference, columns?.remote, columns?.contracts,
                    columns?.payMin, columns?.payMax, columns?.payPeriod, columns?.hours, kept.employerName,
                    kept.town, kept.postcode, kept.title.sorted().joined(separator: " "), data(kept.words),
                    data(kept.bands)])
            }
        }
        let employers = grouper.employers
        return inputs.map { input in
            GroupedFeatures(id: input.id, group: input.group, features: DedupFeatures(kept: input.kept!,
                employerReference: input.employerReference, terms: input.terms, employers: employers))
        }
    }

    /// The features of stored offers (the candidates of a nightly step) read from `dedup_features` alone, in id
    /// order, without their band keys (a candidate is held under the keys it was found by). An offer whose row is
    /// missing, made by older rules or without facets is read through ``groupingFeatures(_:ids:grouper:)``.
    /// - Parameters:
    ///   - ids: the offers' ids, ascending.
    ///   - grouper: gives the employer normaliser.
    static func storedFeatures(_ db: Database, ids: [Int64], grouper: OfferGrouper) throws -> [GroupedFeatures] {
        var all: [GroupedFeatures] = []
        all.reserveCapacity(ids.count)
        try storedFeatures(db, ids: ids, grouper: grouper) { all += $0 }
        return all
    }

    /// ``storedFeatures(_:ids:grouper:)`` given a part at a time (up to 500 offers, in id order) as soon as it is
    /// read, so that the caller can use it while the next part is read.
    static func storedFeatures(_ db: Database, ids: [Int64], grouper: OfferGrouper,
                               each: ([GroupedFeatures]) throws -> Void) throws {
        let employers = grouper.employers
        var contracts: [String: Set<String>] = [:]
        try forEachPart(db, of: ids[...], select: storedSelect) { row, slice in
            var found: [GroupedFeatures] = []
            found.reserveCapacity(slice.count)
            while try row.next() {
                found.append(GroupedFeatures(id: row.int64(0), group: row.int64OrNil(1), features: DedupFeatures(
                    employerName: row.text(9), town: row.text(10) ?? "", postcode: row.text(11) ?? "",
                    title: row.wordHashes(12), words: row.hashes(13), bands: [], employerReference: row.text(2),
                    terms: TermColumns(row, from: 3).terms(parsed: &contracts), employers: employers)))
            }
            guard found.count < slice.count else {
                try each(found)
                return
            }
            var missing: [Int64] = []
            var next = 0
            for id in slice {
                if next < found.count && found[next].id == id { next += 1 } else { missing.append(id) }
            }
            let read = try groupingFeatures(db, ids: missing[...], grouper: grouper)
            var merged: [GroupedFeatures] = []
            merged.reserveCapacity(found.count + read.count)
            var i = 0, j = 0
            while i < found.count || j < read.count {
                if j == read.count || (i < found.count && found[i].id < read[j].id) {
                    merged.append(found[i])
                    i += 1
                } else {
                    merged.append(read[j])
                    j += 1
                }
            }
            try each(merged)
        }
    }

    private static func storedSelect(ids: Int) -> String {
        """
        SELECT f.offer_id, g.group_id, f.employer_ref, f.remote, f.contracts, f.pay_min, f.pay_max, f.pay_period,
            f.hours, f.employer, f.town, f.postcode, f.title, f.words
        FROM dedup_features f LEFT JOIN offer_groups g ON g.offer_id = f.offer_id
        WHERE f.rules = ? AND f.facets AND f.offer_id IN (
        """ + Array(repeating: "?", count: ids).joined(separator: ",") + ") ORDER BY f.offer_id"
    }

    /// Title words as kept: sorted, separated by spaces.
    static func titleWords(_ text: String?) -> Set<String> {
        Set((text ?? "").split(separator: " ").map(String.init))
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
