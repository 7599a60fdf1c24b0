import Foundation

extension ComparisonPage {
    /// A card per employer, best first: its red flags with up to three quoted sentences linking to their reviews,
    /// then its open offers; then the employers with open offers but no reviews.
    static func employers(_ list: [EmployerReputation], offers: [StoredOffer], names: [Int64: String],
                          labels: DigestLabels) -> String
    {
        let esc = DigestHTML.escape
        let byEmployer = Dictionary(grouping: offers.filter { $0.employerID != nil }, by: { $0.employerID! })
        var h = "<h2>\(esc(labels.employersTitle))</h2>\n<p class=\"muted\">\(esc(labels.offersTitle(openDays)))</p>\n"
            + "<div class=\"cards\">\n"
        for r in list {
            h += "<section class=\"card\" id=\"employer-\(r.employer.id)\">\n<h3>\(esc(r.employer.name)) "
                + "<span class=\"muted\">\(labels.number(r.score.score))/5 · \(esc(labels.reviews(r.score.reviews)))</span></h3>\n"
            h += flags(r.score, labels: labels)
            h += offerList(byEmployer[r.employer.id] ?? [], labels: labels)
            h += "</section>\n"
        }
        let reviewed = Set(list.map(\.employer.id))
        let others = byEmployer.filter { !reviewed.contains($0.key) }
            .sorted { (names[$0.key] ?? "").localizedCaseInsensitiveCompare(names[$1.key] ?? "") == .orderedAscending }
        if !others.isEmpty {
            h += "<section class=\"card\">\n<h3>\(esc(labels.unreviewed))</h3>\n"
            for (id, list) in others {
                h += "<h4>\(esc(names[id] ?? labels.unknownEmployer))</h4>\n" + offerList(list, labels: labels)
            }
            h += "</section>\n"
        }
        return h + "</div>\n"
    }

    /// The red flags of an employer: kind and count, and the sentences that raised them, quoted.
    static func flags(_ score: EmployerScore, labels: DigestLabels) -> String {
        let esc = DigestHTML.escape
        guard !score.flags.isEmpty else { return "<p class=\"ok\">\(esc(labels.noFlags))</p>\n" }
        var h = "<ul class=\"flags\">\n"
        for flag in score.flags {
            h += "<li><span class=\"flag\">⚑ \(esc(labels.flag(flag.kind)))</span> "
                + "<span class=\"muted\">\(esc(labels.flagCount(flag.count)))</span>\n"
            for e in flag.evidence.prefix(3) {
                let source = esc(labels.review(on: e.date))
                let link = DigestPieces.isWebLink(e.url) ? "<a href=\"\(esc(e.url))\">\(source)</a>" : source
                h += "<blockquote>\(labels.t("« \(esc(e.sentence)) »", "“\(esc(e.sentence))”")) <cite>\(link)</cite></blockquote>\n"
            }
            h += "</li>\n"
        }
        return h + "</ul>\n"
    }

    /// Open offers: title (a link when it is a web link), place, remote, contract, pay, pay per act marked.
    static func offerList(_ offers: [StoredOffer], labels: DigestLabels) -> String {
        let esc = DigestHTML.escape
        guard !offers.isEmpty else { return "<p class=\"muted\">\(esc(labels.noOffers))</p>\n" }
        var h = "<ul class=\"offers\">\n"
        for stored in offers {
            let o = stored.offer, f = stored.facets
            let title = esc(o.title ?? o.url)
            h += "<li>" + (DigestPieces.isWebLink(o.url) ? "<a href=\"\(esc(o.url))\">\(title)</a>" : title)
            var parts: [String] = []
            if let place = o.location, !place.isEmpty { parts.append(esc(place)) }
            if let remote = labels.remote(f.remote.value.rawValue) { parts.append(esc(remote)) }
            if !f.contract.isEmpty { parts.append(esc(f.contract.map { $0.value.rawValue.uppercased() }.joined(separator: ", "))) }
            if let pay = DigestPieces.pay(f.pay, labels: labels) { parts.append(esc(pay)) }
            if f.pay.perAct { parts.append("<span class=\"act\">⚠ \(esc(labels.payPerAct))</span>") }
            if !parts.isEmpty { h += "<div class=\"details\">\(parts.joined(separator: " · "))</div>" }
            if stored.copies.count > 1 {
                let links = stored.copies.map { copy in
                    DigestPieces.isWebLink(copy.url)
                        ? "<a href=\"\(esc(copy.url))\">\(esc(copy.source))</a>" : "\(esc(copy.source)): \(esc(copy.url))"
                }
                h += "<div class=\"muted\">\(links.joined(separator: " · "))</div>"
            }
            h += "</li>\n"
        }
        return h + "</ul>\n"
    }

    /// The page's style: one column under 640 px, the chart as wide as its column.
    static let css = """
        body{margin:0;background:#f4f5f7;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;\
        color:#1d2330;font-size:16px;line-height:1.45}
        .page{max-width:980px;margin:0 auto;padding:20px 24px;background:#ffffff}
        h1{font-size:26px;margin:0 0 4px 0}h2{font-size:20px;margin:30px 0 8px 0;padding-bottom:4px;\
        border-bottom:1px solid #e3e6eb}h3{font-size:18px;margin:0 0 8px 0}h4{font-size:16px;margin:12px 0 4px 0}
        .muted{color:#5b6476;font-size:14px;font-weight:normal}.method{background:#eef3fc;border-left:4px solid #3b6fd8;\
        padding:8px 12px;font-size:15px}
        .figure svg{width:100%;max-width:620px;height:auto;display:block}
        .scroll{overflow-x:auto}table{border-collapse:collapse;font-size:15px}th,td{padding:6px 8px;\
        border-bottom:1px solid #e3e6eb;text-align:left;vertical-align:top}th{font-size:13px;color:#3c4454}
        td.num{white-space:nowrap}td.name{font-weight:bold}
        table.heat th{width:9%;hyphens:auto}table.heat td.cell{text-align:center;font-weight:bold;min-width:34px}
        .cards{display:grid;grid-template-columns:1fr 1fr;gap:16px}.card{border:1px solid #e3e6eb;border-radius:6px;\
        padding:12px 14px}
        ul{margin:0;padding-left:18px}li{margin:6px 0}.flags{list-style:none;padding-left:0}
        .flag{font-weight:bold;color:#b00020;background:#fdecee;border-radius:3px;padding:1px 6px}
        .ok{color:#1e7b34;font-size:14px}blockquote{margin:6px 0 6px 10px;padding-left:10px;border-left:3px solid #f0b8bf;\
        font-style:italic;font-size:15px}cite{font-style:normal;font-size:13px;white-space:nowrap}
        a{color:#1f55c4}.details{font-size:14px;color:#3c4454}
        .act{white-space:nowrap;font-size:12px;font-weight:bold;color:#ffffff;background:#c62828;border-radius:3px;padding:1px 6px}
        @media (max-width:640px){.page{padding:14px 12px}.cards{grid-template-columns:1fr}h1{font-size:22px}\
        table{font-size:14px}th,td{padding:5px 5px}\
        table.scores thead{display:none}table.scores tr{display:block;padding:6px 0;border-bottom:1px solid #e3e6eb}\
        table.scores td{display:block;border:0;padding:1px 0}table.scores td[data-label]::before{\
        content:attr(data-label);display:inline-block;min-width:112px;color:#5b6476;font-size:13px}\
        table.heat th{writing-mode:vertical-rl;transform:rotate(180deg);width:auto;padding:4px 2px;text-align:left}\
        table.heat th:first-child{writing-mode:horizontal-tb;transform:none}table.heat td.cell{min-width:0;padding:6px 2px}}
        """
}
