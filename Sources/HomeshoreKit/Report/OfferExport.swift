import Foundation

/// Offers written as CSV (RFC 4180), JSON or JSON Lines, with stable column names.
public enum OfferExport {
    /// Output formats.
    public enum Format: String, Sendable, CaseIterable {
        case csv, json, jsonl
    }

    /// The CSV header, in order. Later versions add columns at the end; none is ever renamed.
    public static let columns = [
        "id", "title", "employer", "location", "remote", "contract", "salary_min", "salary_max", "salary_period",
        "currency", "posted", "first_seen", "last_seen", "source", "url", "postal_code", "employment_type",
        "valid_through", "source_id", "salary_text", "description",
        "hours", "hours_per_week", "schedule", "channels", "tasks", "equipment", "training", "pay_per_act",
        "employer_score", "employer_score_low", "employer_score_high", "employer_reviews", "employer_flags",
        "group_id", "sources", "urls",
    ]

    /// The values of one offer, keyed by column; nil for an empty cell. `remote`, `contract` (every contract,
    /// joined with `|`), `salary_min`, `salary_max`, `salary_period` and `currency` are the facets' values; the
    /// facet columns after `description` join lists with `|`; the `employer_*` columns are the employer's score
    /// (out of 5, rounded to 2 decimals), its 95% interval, its review count and its red flags (`kind:count|...`).
    /// - Parameters:
    ///   - stored: the offer.
    ///   - score: its employer's score, when the employer has reviews.
    public static func record(_ stored: StoredOffer, score: EmployerScore? = nil) -> [String: Any?] {
        let o = stored.offer
        let f = stored.facets
        func list<V: RawRepresentable>(_ values: [OfferFacets.Facet<V>]) -> String? where V.RawValue == String {
            values.isEmpty ? nil : values.map(\.value.rawValue).joined(separator: "|")
        }
        return [
            "id": stored.id, "title": o.title, "employer": o.employer, "location": o.location,
            "remote": f.remote.value == .unknown ? nil : f.remote.value.rawValue, "contract": list(f.contract),
            "salary_min": f.pay.min, "salary_max": f.pay.max, "salary_period": f.pay.period?.rawValue,
            "currency": f.pay.currency, "posted": o.posted,
            "first_seen": stored.firstSeen, "last_seen": stored.lastSeen, "source": o.source, "url": o.url,
            "postal_code": o.postalCode, "employment_type": o.employmentType.joined(separator: ","),
            "valid_through": o.validThrough, "source_id": o.sourceID, "salary_text": o.salaryText,
            "description": o.description,
            "hours": f.hours.value == .unknown ? nil : f.hours.value.rawValue, "hours_per_week": f.hours.perWeek,
            "schedule": list(f.hours.schedule), "channels": list(f.channels), "tasks": list(f.tasks),
            "equipment": list(f.equipment), "training": f.training.value == .unknown ? nil : f.training.value.rawValue,
            "pay_per_act": f.pay.perAct ? "yes" : "no",
            "employer_score": score.map { round2($0.score) }, "employer_score_low": score?.low.map(round2),
            "employer_score_high": score?.high.map(round2), "employer_reviews": score.map { Int64($0.reviews) },
            "employer_flags": score.flatMap { s in
                s.flags.isEmpty ? nil : s.flags.map { "\($0.kind.rawValue):\($0.count)" }.joined(separator: "|")
            },
            "group_id": stored.groupID ?? stored.id, "sources": sources(stored), "urls": urls(stored),
        ]
    }

    static func round2(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    /// The boards of every copy of the offer's job, joined with `|` (`telejobs|emploidomicile`); its own source
    /// when the listing shows every copy.
    static func sources(_ stored: StoredOffer) -> String {
        guard !stored.copies.isEmpty else { return stored.offer.source }
        var seen: [String] = []
        for copy in stored.copies where !seen.contains(copy.source) { seen.append(copy.source) }
        return seen.joined(separator: "|")
    }

    /// The URLs of every copy of the offer's job, joined with ` | `; its own URL when the listing shows every copy.
    static func urls(_ stored: StoredOffer) -> String {
        stored.copies.isEmpty ? stored.offer.url : stored.copies.map(\.url).joined(separator: " | ")
    }

    /// Writes offers as CSV.
    /// - Parameters:
    ///   - offers: the offers.
    ///   - excel: for French Excel: a UTF-8 byte-order mark, `;` between cells, CRLF line ends.
    ///   - scores: employer scores by employer id, for the `employer_*` columns.
    /// - Returns: the CSV text (LF line ends unless `excel`).
    public static func csv(_ offers: [StoredOffer], excel: Bool = false, scores: [Int64: EmployerScore] = [:]) -> String {
        let separator = excel ? ";" : ","
        let newline = excel ? "\r\n" : "\n"
        var out = excel ? "\u{FEFF}" : ""
        out += columns.joined(separator: separator) + newline
        for stored in offers {
            let values = record(stored, score: stored.employerID.flatMap { scores[$0] })
            out += columns.map { cell(values[$0] ?? nil, separator: separator) }.joined(separator: separator)
            out += newline
        }
        return out
    }

    /// One CSV cell: quoted when it holds the separator, a quote or a line break; a text that a spreadsheet would
    /// run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) is prefixed with `'`.
    static func cell(_ value: Any?, separator: String) -> String {
        var text: String
        switch value {
        case nil: return ""
        case let d as Double: text = d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case let i as Int64: text = String(i)
        case let s as String: text = s
        default: text = "\(value!)"
        }
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first), !(value is Double) {
            text = "'" + text
        }
        if text.contains(separator) || text.contains("\"") || text.contains("\n") || text.contains("\r") {
            text = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }

    /// Writes offers as a JSON array (pretty) or JSON Lines, with the CSV's keys and typed values; the facets
    /// (`remote`, `contract`, `pay`, `hours`, `channels`, `tasks`, `equipment`, `training`) are objects that carry
    /// their evidence; `employer_score` is the employer's score object (score, interval, reviews, flags), null when
    /// the employer has no reviews.
    public static func json(_ offers: [StoredOffer], lines: Bool, scores: [Int64: EmployerScore] = [:]) -> String {
        let objects: [[String: Any]] = offers.map { stored in
            let score = stored.employerID.flatMap { scores[$0] }
            var object = record(stored, score: score).mapValues { $0 ?? NSNull() }
            object.merge(stored.facets.jsonObject) { _, facet in facet }
            object["employer_score"] = score.map(EmployerReport.scoreObject) ?? NSNull()
            return object
        }
        if lines {
            return objects.map { encode($0, pretty: false) + "\n" }.joined()
        }
        return encode(objects, pretty: true) + "\n"
    }

    /// A JSON value (from JSONSerialization types) as text, keys sorted.
    public static func encode(_ value: Any, pretty: Bool) -> String {
        var options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        if pretty { options.insert(.prettyPrinted) }
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: options) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }
}
