import Foundation

/// The digest's output formats.
public enum DigestFormat: String, Sendable, CaseIterable {
    case text, markdown, html, json, atom

    /// Renders a digest in this format.
    /// - Parameters:
    ///   - digest: the digest.
    ///   - language: the labels' language.
    ///   - color: ANSI colours (text only).
    /// - Returns: the document.
    public func render(_ digest: Digest, language: DigestLabels.Language, color: Bool = false) -> String {
        let labels = DigestLabels(language)
        switch self {
        case .text: return DigestText.text(digest, labels: labels, color: color)
        case .markdown: return DigestText.markdown(digest, labels: labels)
        case .html: return DigestHTML.page(digest, labels: labels)
        case .json: return DigestFeed.json(digest)
        case .atom: return DigestFeed.atom(digest, labels: labels)
        }
    }
}

/// Pieces every format shows the same way.
enum DigestPieces {
    static func amount(_ d: Double) -> String {
        d == d.rounded() ? String(Int(d)) : String(format: "%.2f", d)
    }

    /// "11.65–12 €/hour", "per act" or nil.
    static func pay(_ pay: OfferFacets.Pay, labels: DigestLabels) -> String? {
        var text = ""
        if let lo = pay.min ?? pay.max {
            let hi = pay.max ?? lo
            text = lo == hi ? amount(lo) : "\(amount(lo))–\(amount(hi))"
            text += pay.currency == "EUR" || pay.currency == nil ? " €" : " \(pay.currency!)"
            if let period = pay.period { text += "/" + labels.period(period) }
        }
        return text.isEmpty ? nil : text
    }

    /// "3.8/5 [3.1–4.4], 23 reviews" or "no score yet".
    static func score(_ e: DigestEmployer, labels: DigestLabels) -> String {
        guard let score = e.score else { return labels.noScore }
        var text = String(format: "%.1f/5", score)
        if let low = e.low, let high = e.high { text += String(format: " [%.1f–%.1f]", low, high) }
        if let n = e.reviewCount { text += ", " + labels.reviews(n) }
        return text
    }

    /// The details of a line after its title: place, remote, contracts, posted date.
    static func details(_ o: DigestOffer, labels: DigestLabels) -> [String] {
        var parts: [String] = []
        if let place = o.place, !place.isEmpty { parts.append(place) }
        if let remote = labels.remote(o.remote) { parts.append(remote) }
        if !o.contracts.isEmpty { parts.append(o.contracts.map { $0.uppercased() }.joined(separator: ", ")) }
        if let posted = o.posted { parts.append("\(labels.posted) \(posted)") }
        return parts
    }

    static func sinceText(_ digest: Digest) -> String? {
        digest.since.map { String(DateText.timestamp($0).prefix(16)).replacingOccurrences(of: "T", with: " ") }
    }

    /// True for a link a reader may follow: http and https only.
    static func isWebLink(_ url: String) -> Bool {
        let lower = url.lowercased()
        return (lower.hasPrefix("http://") || lower.hasPrefix("https://")) && URL(string: url)?.host != nil
    }
}
