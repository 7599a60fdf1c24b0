import Foundation

/// The digest as one self-contained HTML page (inline styles, no script, no external resource) that reads well in
/// a browser and in a mail client. Everything scraped is escaped; only http and https URLs become links.
enum DigestHTML {
    /// Text made inert in HTML content and in quoted attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in DigestText.clean(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static let body = "margin:0;padding:0;background:#f4f5f7;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1d2330;"
    static let card = "max-width:760px;margin:0 auto;padding:20px 24px;background:#ffffff;"
    static let warning = "background:#fff4e5;border-left:4px solid #e67700;padding:10px 14px;margin:14px 0;font-size:14px;line-height:1.45;"
    static let employer = "font-size:18px;margin:26px 0 4px 0;padding-bottom:4px;border-bottom:1px solid #e3e6eb;"
    static let score = "font-size:13px;font-weight:normal;color:#566074;"
    static let flag = "display:inline-block;font-size:12px;font-weight:bold;color:#b00020;background:#fdecee;border-radius:3px;padding:1px 6px;margin-left:6px;"
    static let offer = "margin:10px 0;padding:8px 0 8px 12px;border-left:3px solid #3b6fd8;"
    static let title = "font-size:16px;font-weight:bold;"
    static let details = "font-size:14px;color:#3c4454;margin-top:2px;"
    static let act = "display:inline-block;font-size:12px;font-weight:bold;color:#ffffff;background:#c62828;border-radius:3px;padding:1px 6px;"
    static let link = "color:#1f55c4;"
    static let muted = "font-size:12px;color:#6b7385;"

    static func page(_ digest: Digest, labels: DigestLabels) -> String {
        var h = """
            <!DOCTYPE html>
            <html lang="\(labels.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(labels.title))</title>
            </head>
            <body style="\(body)">
            <div style="\(card)">
            <h1 style="font-size:22px;margin:0 0 6px 0;">\(escape(labels.title))</h1>
            <p style="\(muted)">\(escape(labels.summary(digest.offerCount, since: DigestPieces.sinceText(digest))))\
            \(digest.filteredOut > 0 ? " · " + escape(labels.filtered(digest.filteredOut)) : "")</p>

            """
        if !digest.problems.isEmpty {
            h += "<p style=\"\(warning)\"><strong>\(escape(labels.problemsTitle))</strong> · "
                + "\(escape(labels.problems(digest.problems)))</p>\n"
        }
        if digest.sections.isEmpty { h += "<p>\(escape(labels.none))</p>\n" }
        for section in digest.sections {
            let e = section.employer
            h += "<h2 style=\"\(employer)\">\(escape(e.name.isEmpty ? labels.unknownEmployer : e.name)) "
                + "<span style=\"\(score)\">\(escape(DigestPieces.score(e, labels: labels)))</span>"
            for f in e.flags { h += "<span style=\"\(flag)\">⚑ \(escape(f))</span>" }
            h += "</h2>\n"
            for o in section.offers {
                h += "<div style=\"\(offer)\">\n<div style=\"\(title)\">\(escape(o.title))</div>\n"
                var parts = DigestPieces.details(o, labels: labels).map(escape)
                if let pay = DigestPieces.pay(o.pay, labels: labels) { parts.append(escape(pay)) }
                if o.pay.perAct { parts.append("<span style=\"\(act)\">⚠ \(escape(labels.payPerAct))</span>") }
                if let mark = o.mark { parts.append("<em>\(escape(labels.mark(mark)))</em>") }
                if !parts.isEmpty { h += "<div style=\"\(details)\">\(parts.joined(separator: " · "))</div>\n" }
                let links = o.links.map { l -> String in
                    DigestPieces.isWebLink(l.url)
                        ? "<a style=\"\(link)\" href=\"\(escape(l.url))\">\(escape(l.source))</a>"
                        : "\(escape(l.source)): \(escape(l.url))"
                }
                h += "<div style=\"\(muted)\">#\(o.id) · \(links.joined(separator: " · "))</div>\n</div>\n"
            }
        }
        h += "<p style=\"\(muted);margin-top:28px;\">\(escape(labels.footer))</p>\n</div>\n</body>\n</html>\n"
        return h
    }
}
