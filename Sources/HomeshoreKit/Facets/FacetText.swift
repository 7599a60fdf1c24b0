import Foundation

/// An offer's text cut into sentences, each kept as written (for evidence) and folded for matching: lower case,
/// no accents, typographic apostrophes and dashes made plain, non-breaking spaces made spaces.
struct FacetText {
    /// One sentence (or clause cut at `;`) of an offer.
    struct Sentence {
        /// As written, trimmed: what a user is shown as evidence.
        var original: String
        /// Folded, with a space at each end so that phrases can be matched on word boundaries.
        var folded: String
    }

    var sentences: [Sentence]

    init(_ parts: [String]) {
        sentences = parts.flatMap { Self.split($0) }.compactMap { original in
            let folded = Self.fold(original)
            return folded.isEmpty ? nil : Sentence(original: original, folded: " " + folded + " ")
        }
    }

    /// Text folded for matching.
    static func fold(_ text: String) -> String {
        var t = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "fr_FR"))
        t = t.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "œ", with: "oe")
        t = t.replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
        t = t.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
        return t.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    /// Splits at sentence ends (`.`, `!`, `?` before a space, a point between digits is kept), `;`, bullets and
    /// line breaks.
    static func split(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        let chars = Array(text)
        for (i, c) in chars.enumerated() {
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            let isEnd: Bool
            switch c {
            case "\n", "\r", ";", "•": isEnd = true
            case ".", "!", "?": isEnd = next == nil || next!.isWhitespace
            default: isEnd = false
            }
            if isEnd {
                if c != "\n" && c != "\r" && c != "•" { current.append(c) }
                let trimmed = current.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { result.append(trimmed) }
                current = ""
            } else {
                current.append(c)
            }
        }
        let trimmed = current.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty { result.append(trimmed) }
        return result
    }
}

extension String {
    /// The ranges where `phrase` occurs as whole words (no letter or digit right before or after). A phrase ending
    /// in `*` matches as a prefix: `remuner*` matches `remuneree`.
    func wordRanges(of phrase: String) -> [Range<String.Index>] {
        let prefix = phrase.hasSuffix("*")
        let needle = prefix ? String(phrase.dropLast()) : phrase
        var result: [Range<String.Index>] = []
        var from = startIndex
        while from < endIndex, let range = self.range(of: needle, range: from..<endIndex) {
            let before = range.lowerBound == startIndex ? nil : self[index(before: range.lowerBound)]
            let after = range.upperBound == endIndex ? nil : self[range.upperBound]
            let startOK = !(before.map { $0.isLetter || $0.isNumber } ?? false)
                || !(needle.first.map { $0.isLetter || $0.isNumber } ?? true)
            let endOK = prefix || !(after.map { $0.isLetter || $0.isNumber } ?? false)
                || !(needle.last.map { $0.isLetter || $0.isNumber } ?? true)
            if startOK && endOK { result.append(range) }
            from = index(after: range.lowerBound)
        }
        return result
    }

    /// True when any of the phrases occurs as whole words.
    func hasWord(_ phrases: [String]) -> Bool {
        phrases.contains { !wordRanges(of: $0).isEmpty }
    }

    /// The first range of any of the phrases, as whole words.
    func firstWord(_ phrases: [String]) -> Range<String.Index>? {
        phrases.flatMap { wordRanges(of: $0) }.min { $0.lowerBound < $1.lowerBound }
    }
}
