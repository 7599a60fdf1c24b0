import Foundation

/// The digest as terminal text (ANSI colours optional) and as Markdown.
enum DigestText {
    /// Scraped text made safe for a terminal: control characters (escape sequences among them) become spaces.
    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0.properties.generalCategory == .control || $0.properties.generalCategory == .format ? " " : $0
        }))
    }

    static func text(_ digest: Digest, labels: DigestLabels, color: Bool) -> String {
        func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        var lines = [paint(labels.title, "1"), labels.summary(digest.offerCount, since: DigestPieces.sinceText(digest))
            + (digest.filteredOut > 0 ? " (\(labels.filtered(digest.filteredOut)))" : "")]
        if !digest.problems.isEmpty {
            lines.append("")
            lines.append(paint(clean(labels.problems(digest.problems)), "33"))
        }
        if digest.sections.isEmpty { lines += ["", labels.none] }
        for section in digest.sections {
            let e = section.employer
            lines.append("")
            var head = paint(clean(e.name.isEmpty ? labels.unknownEmployer : e.name), "1")
                + "  " + DigestPieces.score(e, labels: labels)
            if !e.flags.isEmpty { head += "  " + paint("⚑ " + clean(e.flags.joined(separator: ", ")), "31") }
            lines.append(head)
            for o in section.offers {
                var line = "  [\(o.id)] " + paint(clean(o.title), "1")
                let details = DigestPieces.details(o, labels: labels).map(clean)
                if !details.isEmpty { line += " · " + details.joined(separator: " · ") }
                if let pay = DigestPieces.pay(o.pay, labels: labels) { line += " · " + pay }
                if o.pay.perAct { line += " " + paint("⚠ " + labels.payPerAct, "1;31") }
                if let mark = o.mark { line += " " + paint("(\(labels.mark(mark)))", "36") }
                lines.append(line)
                for link in o.links { lines.append("      " + paint(clean(link.url), "2") + " (\(clean(link.source)))") }
            }
        }
        lines += ["", labels.footer]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Scraped text made inert in Markdown: every punctuation Markdown reads is backslash-escaped, HTML brackets
    /// included, and line breaks become spaces.
    static func escapeMarkdown(_ text: String) -> String {
        var out = ""
        for ch in clean(text) {
            if "\\`*_{}[]()<>#+-.!|~&\"".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    static func markdown(_ digest: Digest, labels: DigestLabels) -> String {
        var lines = ["# \(escapeMarkdown(labels.title))", "",
                     escapeMarkdown(labels.summary(digest.offerCount, since: DigestPieces.sinceText(digest)))
                        + (digest.filteredOut > 0 ? " (\(escapeMarkdown(labels.filtered(digest.filteredOut))))" : "")]
        if !digest.problems.isEmpty {
            lines += ["", "> **\(escapeMarkdown(labels.problemsTitle))**: \(escapeMarkdown(labels.problems(digest.problems)))"]
        }
        if digest.sections.isEmpty { lines += ["", escapeMarkdown(labels.none)] }
        for section in digest.sections {
            let e = section.employer
            var head = "## " + escapeMarkdown(e.name.isEmpty ? labels.unknownEmployer : e.name)
                + " — " + escapeMarkdown(DigestPieces.score(e, labels: labels))
            if !e.flags.isEmpty { head += " ⚑ " + escapeMarkdown(e.flags.joined(separator: ", ")) }
            lines += ["", head, ""]
            for o in section.offers {
                var line = "- **\(escapeMarkdown(o.title))** (\(o.id))"
                let details = DigestPieces.details(o, labels: labels).map(escapeMarkdown)
                if !details.isEmpty { line += " · " + details.joined(separator: " · ") }
                if let pay = DigestPieces.pay(o.pay, labels: labels) { line += " · " + escapeMarkdown(pay) }
                if o.pay.perAct { line += " · **⚠ \(escapeMarkdown(labels.payPerAct))**" }
                if let mark = o.mark { line += " · _\(escapeMarkdown(labels.mark(mark)))_" }
                let links = o.links.map { link in
                    DigestPieces.isWebLink(link.url)
                        ? "[\(escapeMarkdown(link.source))](<\(link.url.replacingOccurrences(of: ">", with: "%3E").replacingOccurrences(of: " ", with: "%20"))>)"
                        : escapeMarkdown("\(link.source): \(link.url)")
                }
                line += " · " + links.joined(separator: ", ")
                lines.append(line)
            }
        }
        lines += ["", "_\(escapeMarkdown(labels.footer))_"]
        return lines.joined(separator: "\n") + "\n"
    }
}
