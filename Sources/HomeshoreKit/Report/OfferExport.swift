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
    ]

    /// The values of one offer, keyed by column; nil for an empty cell.
    public static func record(_ stored: StoredOffer) -> [String: Any?] {
        let o = stored.offer
        return [
            "id": stored.id, "title": o.title, "employer": o.employer, "location": o.location, "remote": o.remote,
            "contract": o.contract, "salary_min": o.salaryMin, "salary_max": o.salaryMax,
            "salary_period": o.salaryPeriod, "currency": o.currency, "posted": o.posted,
            "first_seen": stored.firstSeen, "last_seen": stored.lastSeen, "source": o.source, "url": o.url,
            "postal_code": o.postalCode, "employment_type": o.employmentType.joined(separator: ","),
            "valid_through": o.validThrough, "source_id": o.sourceID, "salary_text": o.salaryText,
            "description": o.description,
        ]
    }

    /// Writes offers as CSV.
    /// - Parameters:
    ///   - offers: the offers.
    ///   - excel: for French Excel: a UTF-8 byte-order mark, `;` between cells, CRLF line ends.
    /// - Returns: the CSV text (LF line ends unless `excel`).
    public static func csv(_ offers: [StoredOffer], excel: Bool = false) -> String {
        let separator = excel ? ";" : ","
        let newline = excel ? "\r\n" : "\n"
        var out = excel ? "\u{FEFF}" : ""
        out += columns.joined(separator: separator) + newline
        for stored in offers {
            let values = record(stored)
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

    /// Writes offers as a JSON array (pretty) or JSON Lines, with the CSV's keys and typed values.
    public static func json(_ offers: [StoredOffer], lines: Bool) -> String {
        let objects: [[String: Any]] = offers.map { stored in
            record(stored).mapValues { $0 ?? NSNull() }
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
