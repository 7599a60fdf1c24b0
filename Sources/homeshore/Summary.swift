import Foundation
import HomeshoreKit

/// Human-readable text for reports and offers.
enum Summary {
    static func crawl(_ report: CrawlReport) -> String {
        var lines: [String] = []
        let width = max(6, report.outcomes.map(\.source.count).max() ?? 6)
        for o in report.outcomes {
            let name = o.source.padding(toLength: width, withPad: " ", startingAt: 0)
            let kb = String(format: "%.0f KB", Double(o.bytes) / 1024)
            lines.append("\(name)  \(o.status.padding(toLength: 7, withPad: " ", startingAt: 0)) "
                + "\(o.pages) pages, \(kb), "
                + (o.reviewsSeen > 0 || o.offersSeen == 0 && o.reviewsNew > 0
                    ? "\(o.reviewsSeen) reviews (\(o.reviewsNew) new)"
                    : "\(o.offersSeen) offers (\(o.offersNew) new, \(o.offersUpdated) updated)")
                + (o.notModified > 0 ? ", \(o.notModified) unchanged" : "")
                + (o.disallowed > 0 ? ", \(o.disallowed) disallowed by robots.txt" : "")
                + (o.errors.isEmpty ? "" : ", \(o.errors.count) errors"))
            if let blocked = o.blocked { lines.append("    BLOCKED: \(blocked)") }
            if let broken = o.broken { lines.append("    \(broken)") }
            for error in o.errors.prefix(5) { lines.append("    error: \(error)") }
            if o.errors.count > 5 { lines.append("    ... and \(o.errors.count - 5) more errors") }
            for warning in o.warnings.prefix(3) { lines.append("    warning: \(warning)") }
            if o.warnings.count > 3 { lines.append("    ... and \(o.warnings.count - 3) more warnings") }
        }
        lines.append(String(format: "run %lld: %@ in %.1f s", report.runID, report.status, report.elapsed))
        return lines.joined(separator: "\n")
    }

    static func salary(_ o: Offer) -> String {
        guard o.salaryMin != nil || o.salaryMax != nil else { return o.salaryPeriod == "act" ? "per act" : "" }
        func amount(_ d: Double) -> String { d == d.rounded() ? String(Int(d)) : String(format: "%.2f", d) }
        let lo = o.salaryMin.map(amount) ?? "?", hi = o.salaryMax.map(amount) ?? lo
        let range = lo == hi ? lo : "\(lo)-\(hi)"
        let currency = o.currency == "EUR" ? "€" : (o.currency ?? "")
        let period = o.salaryPeriod.map { "/\($0)" } ?? ""
        return "\(range) \(currency)\(period)".trimmingCharacters(in: .whitespaces)
    }

    static func cut(_ text: String?, _ width: Int) -> String {
        let t = text ?? ""
        let shown = t.count > width ? String(t.prefix(width - 1)) + "…" : t
        return shown.padding(toLength: width, withPad: " ", startingAt: 0)
    }

    /// The employer's score as `3.4 (12) ⚑2`: score out of 5, reviews, red flag kinds; `-` without reviews.
    static func reputation(_ score: EmployerScore?) -> String {
        guard let score, score.reviews > 0 else { return "-" }
        return String(format: "%.1f (%d)", score.score, score.reviews) + (score.flags.isEmpty ? "" : " ⚑\(score.flags.count)")
    }

    static func offers(_ offers: [StoredOffer], scores: [Int64: EmployerScore] = [:]) -> String {
        guard !offers.isEmpty else { return "no offers match" }
        var lines = [
            "\(cut("ID", 6)) \(cut("POSTED", 10)) \(cut("TITLE", 44)) \(cut("EMPLOYER", 22)) \(cut("SCORE", 12)) "
                + "\(cut("PLACE", 16)) \(cut("REMOTE", 7)) \(cut("CONTRACT", 10)) SALARY"
        ]
        for s in offers {
            let o = s.offer
            let score = s.employerID.flatMap { scores[$0] }
            lines.append("\(cut(String(s.id), 6)) \(cut(o.posted ?? String(s.firstSeen.prefix(10)), 10)) "
                + "\(cut(o.title, 44)) \(cut(o.employer, 22)) \(cut(reputation(score), 12)) \(cut(o.location, 16)) "
                + "\(cut(o.remote, 7)) \(cut(o.contract, 10)) \(salary(o))")
            if s.copies.count > 1 {
                for copy in s.copies { lines.append("       \(cut(copy.source, 18)) \(copy.url)") }
            }
        }
        lines.append("SCORE: the employer's reputation out of 5 (reviews), ⚑ kinds of red flags: see homeshore employer NAME")
        let copies = offers.reduce(0) { $0 + max(1, $1.copies.count) }
        lines.append(copies > offers.count ? "\(offers.count) jobs (\(copies) offers)" : "\(offers.count) offers")
        return lines.joined(separator: "\n")
    }
}
