import Foundation

/// The providers' comparison as one self-contained HTML page (`homeshore report`): how scores are computed, a chart
/// of every employer's score and interval (inline SVG, no script), a table, a heat map of aspects, red flags with
/// quoted evidence and the open offers per employer. Everything scraped is escaped with the digest's escaper; only
/// http and https URLs become links; no external resource, so that it reads the same in a browser and a mail client.
public enum ComparisonPage {
    /// Offers last seen this many days ago or less count as open.
    public static let openDays = 30

    /// The page for what a database holds.
    /// - Parameters:
    ///   - store: the database.
    ///   - language: the labels' language.
    ///   - now: the clock for recency weights, the trend and open offers.
    /// - Returns: the whole HTML page.
    /// - Throws: the store's errors.
    public static func build(store: OfferStore, language: DigestLabels.Language, now: Date = Date()) throws -> String {
        let list = EmployerReport.sorted(try EmployerReport.reputations(in: store, now: now), by: .score)
        let since = DateText.timestamp(now.addingTimeInterval(-Double(openDays) * 86_400))
        // One line per group of copies of the same job (the newest copy, with every copy's source), open when any
        // copy was seen lately.
        let openGroups = Set(try store.offers().filter { $0.lastSeen >= since }.map { $0.groupID ?? -$0.id })
        var query = OfferQuery()
        query.onePerGroup = true
        let open = try store.offers(matching: query).filter { openGroups.contains($0.groupID ?? -$0.id) }
        return html(list, offers: open, names: Dictionary(uniqueKeysWithValues: try store.employers().map { ($0.id, $0.name) }),
            labels: DigestLabels(language), now: now)
    }

    /// The page for reputations (in the order to show) and open offers.
    /// - Parameters:
    ///   - list: the employers' reputations, best first.
    ///   - offers: the open offers.
    ///   - names: employers' names by id, for offers of employers without reviews.
    ///   - labels: the words.
    ///   - now: the page's date.
    /// - Returns: the whole HTML page.
    static func html(_ list: [EmployerReputation], offers: [StoredOffer], names: [Int64: String], labels: DigestLabels,
                     now: Date) -> String
    {
        let esc = DigestHTML.escape
        var h = """
            <!DOCTYPE html>
            <html lang="\(labels.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(esc(labels.reportTitle))</title>
            <style>\(css)</style>
            </head>
            <body>
            <div class="page">
            <h1>\(esc(labels.reportTitle))</h1>
            <p class="muted">\(esc(labels.reportDate(String(DateText.timestamp(now).prefix(10)))))</p>
            <p class="method">\(esc(labels.method))</p>

            """
        if list.isEmpty {
            h += "<p>\(esc(labels.noReviewsAtAll))</p>\n"
        } else {
            h += "<h2>\(esc(labels.chartTitle))</h2>\n<div class=\"figure\">\(ComparisonChart.svg(list, labels: labels))</div>\n"
            h += table(list, labels: labels)
            h += heatMap(list, labels: labels)
        }
        h += employers(list, offers: offers, names: names, labels: labels)
        h += "</div>\n</body>\n</html>\n"
        return h
    }

    /// The comparison table: employer, score, interval, reviews per source, trend, worst aspect.
    static func table(_ list: [EmployerReputation], labels: DigestLabels) -> String {
        let esc = DigestHTML.escape
        var h = "<h2>\(esc(labels.tableTitle))</h2>\n<div class=\"scroll\"><table class=\"scores\">\n<thead><tr>"
        for column in [labels.employerColumn, labels.scoreColumn, labels.intervalColumn, labels.reviewsColumn,
                       labels.trendColumn, labels.worstColumn] {
            h += "<th>\(esc(column))</th>"
        }
        h += "</tr></thead>\n<tbody>\n"
        for r in list {
            let s = r.score
            let sources = s.perSource.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            let worst = s.worstAspect.map { "\(labels.aspect($0.aspect)) (\($0.negative) −)" } ?? "–"
            func cell(_ column: String) -> String { "<td data-label=\"\(esc(column))\"" }
            h += "<tr><td class=\"name\">\(esc(r.employer.name))</td>"
                + "<td class=\"num\" data-label=\"\(esc(labels.scoreColumn))\" style=\"color:\(ComparisonChart.colour(s));font-weight:bold\">\(labels.number(s.score))</td>"
                + cell(labels.intervalColumn) + " class=\"num\">\(esc(ComparisonChart.intervalText(s, labels: labels)))</td>"
                + cell(labels.reviewsColumn) + ">\(s.reviews)"
                + (sources.isEmpty ? "" : " <span class=\"muted sources\">(\(esc(sources)))</span>") + "</td>"
                + cell(labels.trendColumn) + " class=\"num\">\(esc(trend(s, labels: labels)))</td>"
                + cell(labels.worstColumn) + ">\(esc(worst))</td></tr>\n"
        }
        return h + "</tbody>\n</table></div>\n"
    }

    /// "↑ +0,6", "↓ −0,4", "→ +0,1", or "–" when unknown.
    static func trend(_ s: EmployerScore, labels: DigestLabels) -> String {
        guard let trend = s.trend else { return "–" }
        let arrow = s.trendLabel == "up" ? "↑" : s.trendLabel == "down" ? "↓" : "→"
        let value = labels.number(abs(trend))
        return "\(arrow) \(trend < 0 ? "−" : "+")\(value)"
    }

    /// The heat map: a row per employer, a column per aspect; a cell's colour is the aspect's mean polarity, its text
    /// the number of mentions.
    static func heatMap(_ list: [EmployerReputation], labels: DigestLabels) -> String {
        let esc = DigestHTML.escape
        var h = "<h2>\(esc(labels.heatTitle))</h2>\n<p class=\"muted\">\(esc(labels.heatNote))</p>\n"
            + "<div class=\"scroll\"><table class=\"heat\">\n<thead><tr><th>\(esc(labels.employerColumn))</th>"
        for aspect in Aspect.allCases { h += "<th>\(esc(labels.aspect(aspect)))</th>" }
        h += "</tr></thead>\n<tbody>\n"
        for r in list {
            h += "<tr><td class=\"name\">\(esc(r.employer.name))</td>"
            let byAspect = Dictionary(uniqueKeysWithValues: r.score.aspects.map { ($0.aspect, $0) })
            for aspect in Aspect.allCases {
                guard let a = byAspect[aspect], a.mentions > 0 else {
                    h += "<td class=\"cell\" data-aspect=\"\(aspect.rawValue)\" title=\"\(esc(labels.aspect(aspect))): 0\">·</td>"
                    continue
                }
                let tip = "\(labels.aspect(aspect)): \(labels.mentions(a.mentions, positive: a.positive, negative: a.negative))"
                h += "<td class=\"cell\" data-aspect=\"\(aspect.rawValue)\" style=\"background:\(heatColour(a.meanScore));"
                    + "color:\(abs(a.meanScore) > 0.55 ? "#ffffff" : "#1d2330")\" title=\"\(esc(tip))\">\(a.mentions)</td>"
            }
            h += "</tr>\n"
        }
        return h + "</tbody>\n</table></div>\n"
    }

    /// Red at -1, pale grey at 0, green at +1.
    static func heatColour(_ polarity: Double) -> String {
        let p = max(-1, min(1, polarity))
        let neutral = (238.0, 240.0, 244.0)
        let end = p < 0 ? (198.0, 40.0, 40.0) : (30.0, 123.0, 52.0)
        let k = abs(p)
        func mix(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * k).rounded()) }
        return String(format: "#%02x%02x%02x", mix(neutral.0, end.0), mix(neutral.1, end.1), mix(neutral.2, end.2))
    }
}
