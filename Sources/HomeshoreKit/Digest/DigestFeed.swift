import Foundation

/// The digest as JSON (for scripts) and as an Atom feed (one entry per line, for feed readers).
enum DigestFeed {
    static func json(_ digest: Digest) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(DateText.timestamp(date))
        }
        guard let data = try? encoder.encode(digest) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Text made inert in XML content and attribute values; characters XML 1.0 forbids are dropped.
    static func escapeXML(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// An Atom feed (RFC 4287). Entry ids are stable (`tag:` URIs of the offer id), so that a reader shows each
    /// offer once however often the feed is rewritten.
    static func atom(_ digest: Digest, labels: DigestLabels) -> String {
        let updated = DateText.timestamp(digest.generatedAt)
        var x = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(labels.language.rawValue)">
              <title>\(escapeXML(labels.title))</title>
              <id>tag:homeshore.example,2026:digest</id>
              <updated>\(updated)</updated>
              <author><name>Homeshore</name></author>
              <generator version="\(escapeXML(HomeshoreInfo.version))">Homeshore</generator>

            """
        if !digest.problems.isEmpty {
            x += """
                  <entry>
                    <title>\(escapeXML(labels.problemsTitle))</title>
                    <id>tag:homeshore.example,2026:problems:\(escapeXML(updated))</id>
                    <updated>\(updated)</updated>
                    <content type="text">\(escapeXML(labels.problems(digest.problems)))</content>
                  </entry>

                """
        }
        for section in digest.sections {
            let e = section.employer
            for o in section.offers {
                let employer = e.name.isEmpty ? labels.unknownEmployer : e.name
                var summary = ["\(employer) (\(DigestPieces.score(e, labels: labels)))"] + DigestPieces.details(o, labels: labels)
                if let pay = DigestPieces.pay(o.pay, labels: labels) { summary.append(pay) }
                if o.pay.perAct { summary.append("⚠ " + labels.payPerAct) }
                if !e.flags.isEmpty { summary.append("⚑ " + e.flags.joined(separator: ", ")) }
                let seen = DateText.parse(o.firstSeen).map(DateText.timestamp) ?? updated
                x += "  <entry>\n    <title>\(escapeXML(DigestText.clean(o.title)))</title>\n"
                x += "    <id>tag:homeshore.example,2026:offer:\(o.id)</id>\n    <updated>\(seen)</updated>\n"
                // RFC 4287 allows one alternate link per entry: the group's other sources are related links.
                for (i, link) in o.links.filter({ DigestPieces.isWebLink($0.url) }).enumerated() {
                    x += "    <link rel=\"\(i == 0 ? "alternate" : "related")\" href=\"\(escapeXML(link.url))\" title=\"\(escapeXML(link.source))\"/>\n"
                }
                x += "    <author><name>\(escapeXML(DigestText.clean(employer)))</name></author>\n"
                x += "    <summary type=\"text\">\(escapeXML(DigestText.clean(summary.joined(separator: " · "))))</summary>\n"
                x += "  </entry>\n"
            }
        }
        return x + "</feed>\n"
    }
}
