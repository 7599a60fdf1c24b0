import Foundation

/// The comparison's chart: an inline SVG (no script) with one row per employer, a dot for its score and a bar for
/// its 95% interval on a 1-5 axis with ticks, the review count, coloured by score band. It scales with its
/// `viewBox`, and says what it shows to screen readers (`role="img"`, `aria-label`, a `<title>` per row).
enum ComparisonChart {
    /// The drawing's width in its own units; the page scales it to the column's width.
    static let width = 420.0
    static let left = 12.0, right = 408.0
    static let top = 30.0, rowHeight = 46.0

    /// The x of a value on the 1-5 axis.
    static func x(_ value: Double) -> Double {
        left + (max(1, min(5, value)) - 1) / 4 * (right - left)
    }

    /// The colour of a score band: green from 4, amber from 3, red below; grey without reviews.
    static func colour(_ score: EmployerScore) -> String {
        guard score.reviews > 0 else { return "#7a8294" }
        return score.score >= 4 ? "#1e7b34" : score.score >= 3 ? "#b26a00" : "#c62828"
    }

    /// A coordinate written with a dot, whatever the locale.
    static func f(_ value: Double) -> String { String(format: "%.1f", value) }

    /// The `<svg>` for employers in the order given.
    static func svg(_ list: [EmployerReputation], labels: DigestLabels) -> String {
        let height = top + rowHeight * Double(max(1, list.count)) + 8
        let esc = DigestHTML.escape
        var s = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" "
            + "role=\"img\" aria-label=\"\(esc(labels.chartLabel))\" font-family=\"Helvetica,Arial,sans-serif\">\n"
        s += "<title>\(esc(labels.chartLabel))</title>\n"
        // The axis: a tick and its figure at each whole star, with a faint line down the rows.
        let bottom = height - 8
        for tick in 1...5 {
            let tx = f(x(Double(tick)))
            s += "<line x1=\"\(tx)\" y1=\"\(f(top - 8))\" x2=\"\(tx)\" y2=\"\(f(bottom))\" stroke=\"#dde1e8\" stroke-width=\"1\"/>"
            s += "<text x=\"\(tx)\" y=\"\(f(top - 12))\" font-size=\"13\" fill=\"#566074\" text-anchor=\"middle\">\(tick)</text>\n"
        }
        for (index, r) in list.enumerated() {
            let score = r.score
            let y = top + rowHeight * Double(index)
            let barY = y + 29
            let colour = colour(score)
            let interval = intervalText(score, labels: labels)
            let summary = "\(r.employer.name): \(labels.number(score.score))/5, \(interval), \(labels.reviews(score.reviews))"
            s += "<g class=\"row\">\n<title>\(esc(summary))</title>\n"
            s += "<text x=\"\(f(left))\" y=\"\(f(y + 14))\" font-size=\"15\" font-weight=\"bold\" fill=\"#1d2330\">"
                + "\(esc(shortName(r.employer.name)))</text>\n"
            s += "<text x=\"\(f(right))\" y=\"\(f(y + 14))\" font-size=\"14\" fill=\"#3c4454\" text-anchor=\"end\">"
                + "<tspan font-weight=\"bold\" fill=\"\(colour)\">\(labels.number(score.score))</tspan> "
                + "\(esc(interval)) · \(esc(labels.reviews(score.reviews)))</text>\n"
            s += "<line x1=\"\(f(left))\" y1=\"\(f(barY))\" x2=\"\(f(right))\" y2=\"\(f(barY))\" stroke=\"#eef0f4\" "
                + "stroke-width=\"8\" stroke-linecap=\"round\"/>\n"
            if let low = score.low, let high = score.high {
                s += "<rect class=\"interval\" x=\"\(f(x(low)))\" y=\"\(f(barY - 4))\" width=\"\(f(max(2, x(high) - x(low))))\" "
                    + "height=\"8\" rx=\"4\" fill=\"\(colour)\" fill-opacity=\"0.3\" data-low=\"\(f(low))\" data-high=\"\(f(high))\"/>\n"
            }
            s += "<circle cx=\"\(f(x(score.score)))\" cy=\"\(f(barY))\" r=\"7\" fill=\"\(score.reviews > 0 ? colour : "#ffffff")\" "
                + "stroke=\"\(colour)\" stroke-width=\"2.5\" data-score=\"\(String(format: "%.2f", score.score))\"/>\n</g>\n"
        }
        return s + "</svg>"
    }

    /// A name short enough to leave room for the figures beside it (the row's `<title>` holds it whole).
    static func shortName(_ name: String) -> String {
        name.count > 24 ? String(name.prefix(23)) + "…" : name
    }

    /// "[3,1–4,4]", or "–" without reviews.
    static func intervalText(_ score: EmployerScore, labels: DigestLabels) -> String {
        guard let low = score.low, let high = score.high else { return "–" }
        return "[\(labels.number(low))–\(labels.number(high))]"
    }
}
