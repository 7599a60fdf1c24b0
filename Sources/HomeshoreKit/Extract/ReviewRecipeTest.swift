import Foundation

/// `sources test` on a review source: what its recipe, or the page's JSON-LD or microdata, extract from one page.
public enum ReviewRecipeTest {
    /// Runs a review source's extraction on a page.
    /// - Throws: ``HTMLError`` when a selector cannot be evaluated.
    public static func run(source: SourceConfig, page: Page) throws -> ReviewExtraction {
        try PageExtractor(source: source).reviews(page)
    }

    static func record(_ r: Review) -> [String: Any] {
        let values: [String: Any?] = [
            "id": r.reviewID, "author": r.author, "role": r.role?.rawValue, "role_text": r.roleText, "date": r.date,
            "stars": r.stars, "title": r.title, "text": r.text, "language": r.language, "url": r.url, "key": r.key,
        ]
        return values.mapValues { $0 ?? NSNull() }
    }

    /// The result as JSON: `count`, `aggregate`, `next`, `encoding`, `warnings` and `reviews`.
    public static func json(_ result: ReviewExtraction) -> String {
        let aggregate: Any = result.aggregate.map {
            ["rating": $0.rating, "count": $0.count ?? NSNull(), "name": $0.name ?? NSNull()] as [String: Any]
        } ?? NSNull()
        let object: [String: Any] = [
            "count": result.reviews.count, "aggregate": aggregate, "next": result.next ?? NSNull(),
            "encoding": result.encoding, "warnings": result.warnings, "reviews": result.reviews.map(record),
        ]
        return OfferExport.encode(object, pretty: true)
    }

    /// The result as text for a terminal.
    public static func text(_ result: ReviewExtraction) -> String {
        var lines = ["\(result.reviews.count) reviews (page read as \(result.encoding))"]
        if let a = result.aggregate {
            lines.append(String(format: "aggregate rating: %.2f / 5", a.rating) + (a.count.map { " (\($0) ratings)" } ?? ""))
        }
        for (i, r) in result.reviews.enumerated() {
            lines.append("")
            lines.append("[\(i + 1)] \(r.title ?? "(no title)")")
            let pairs: [(String, String?)] = [
                ("author", r.author), ("role", r.role.map { "\($0.rawValue) (\(r.roleText ?? ""))" }), ("date", r.date),
                ("stars", r.stars.map { String(format: "%.2f / 5", $0) }), ("language", r.language), ("id", r.reviewID),
                ("url", r.url), ("text", r.text.map { String($0.prefix(100)) }),
            ]
            for (key, value) in pairs { if let value, !value.isEmpty { lines.append("    \(key): \(value)") } }
        }
        if let next = result.next { lines.append("\nnext page: \(next)") }
        for warning in result.warnings { lines.append("warning: \(warning)") }
        return lines.joined(separator: "\n")
    }
}
