import Foundation

/// An offer's text cut into sentences, each kept as written (for evidence) and folded for matching: lower case,
/// no accents, typographic apostrophes and dashes made plain, non-breaking spaces made spaces.
///
/// Everything here runs for every offer at every save, so the work is done on UTF-8 bytes where that gives exactly
/// Foundation's answer, and handed to Foundation (the `…Reference` functions, the original code) where it might not:
/// a scalar outside `FacetFold`'s table, a combining mark, a match next to a non-ASCII byte.
struct FacetText {
    /// One sentence (or clause cut at `;`) of an offer.
    struct Sentence {
        /// As written, trimmed: what a user is shown as evidence.
        var original: String
        /// Folded, with a space at each end so that phrases can be matched on word boundaries.
        var folded: String
        /// False when `folded` has neither an ASCII digit nor a non-ASCII byte: then no `\d` of a regular
        /// expression (any Unicode decimal digit) can match in it, and the money and hours patterns are skipped.
        var mayHoldDigits: Bool
        /// False when `folded` holds neither `jour` nor `day`: the day-count patterns cannot match.
        var mayCountDays: Bool
        /// The byte pairs of `folded`, hashed: a phrase with a pair not in it cannot occur in it.
        var pairs: FacetFold.BytePairs

        init(original: String, folded: String) {
            self.original = original
            self.folded = folded
            pairs = FacetFold.BytePairs(folded)
            var digits = false
            for byte in folded.utf8 where byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) {
                digits = true
                break
            }
            mayHoldDigits = digits
            mayCountDays = Phrase.bytes(of: folded, contain: Self.jour) || Phrase.bytes(of: folded, contain: Self.day)
        }

        private static let jour = Array("jour".utf8), day = Array("day".utf8)
    }

    var sentences: [Sentence]

    init(_ parts: [String]) {
        sentences = parts.flatMap { Self.split($0) }.compactMap { original in
            let folded = Self.fold(original)
            return folded.isEmpty ? nil : Sentence(original: original, folded: " " + folded + " ")
        }
    }

    // MARK: - Folding

    /// Text folded for matching: `foldReference`'s result, built from `FacetFold`'s table of folded scalars when every
    /// scalar is ASCII or in the table (then folding is done scalar by scalar), and by `foldReference` otherwise.
    static func fold(_ text: String) -> String {
        guard let bytes = Phrase.lowerASCII(text, else: FacetFold.folded) else { return foldReference(text) }
        return collapsingWhitespace(bytes)
    }

    /// The words of `bytes` (cut at runs of space, tab, LF and CR) joined by single spaces, as
    /// `split(whereSeparator:)` on Characters cuts them: CR LF is one Character, which is none of the four, so it
    /// stays inside a word.
    static func collapsingWhitespace(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A {
                if pendingSpace && !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(0x0D)
                out.append(0x0A)
                i += 2
                continue
            }
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                pendingSpace = true
            } else {
                if pendingSpace && !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(b)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Folding and replacements without the whitespace clean-up: what `FacetFold` tabulates scalar by scalar.
    static func foldScalars(_ text: String) -> String {
        var t = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "fr_FR"))
        t = t.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "œ", with: "oe")
        t = t.replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
        t = t.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
        return t
    }

    /// Text folded for matching with Foundation: the definition `fold` keeps to.
    static func foldReference(_ text: String) -> String {
        foldScalars(text).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    // MARK: - Sentences

    /// Splits at sentence ends (`.`, `!`, `?` before a space, a point between digits is kept), `;`, bullets and
    /// line breaks: `splitReference`'s result, computed on scalars when every scalar is its own Character (no
    /// combining marks and the like; CR LF excepted, handled as the one Character it is).
    static func split(_ text: String) -> [String] {
        let scalars = text.unicodeScalars
        guard scalars.allSatisfy(FacetFold.standsAlone) else { return splitReference(text) }
        var result: [String] = []
        // `trimmingCharacters(in: .whitespaces)` (Zs and tab) on scalars, which are Characters here.
        func isBlank(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || (scalar.value >= 0x80 && scalar.properties.generalCategory == .spaceSeparator)
        }
        func add(_ piece: Substring) {
            let scalars = piece.unicodeScalars
            guard let first = scalars.firstIndex(where: { !isBlank($0) }) else { return }
            let last = scalars.lastIndex(where: { !isBlank($0) })!
            result.append(String(scalars[first...last]))
        }
        var start = scalars.startIndex
        var i = scalars.startIndex
        while i != scalars.endIndex {
            let c = scalars[i]
            let next = scalars.index(after: i)
            let following: Unicode.Scalar? = next == scalars.endIndex ? nil : scalars[next]
            switch c {
            case "\r" where following == "\n":
                // CR LF: one Character, not a line break for `splitReference`.
                i = scalars.index(after: next)
                continue
            case "\n", "\r", "•":
                add(text[start..<i])
                start = next
            case ";":
                add(text[start..<next])
                start = next
            case ".", "!", "?":
                if following == nil || following!.properties.isWhitespace {
                    add(text[start..<next])
                    start = next
                }
            default:
                break
            }
            i = next
        }
        add(text[start...])
        return result
    }

    /// The original splitting, on Characters: the definition `split` keeps to.
    static func splitReference(_ text: String) -> [String] {
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

/// A fixed list of phrases searched as whole words, each with the byte pairs it needs (`FacetFold.BytePairs.mask`),
/// hashed once: a sentence rules a phrase out with one vector test instead of hashing the phrase again. The rules'
/// lists are `static let`s of this type, so the masks are made once per process.
struct Phrases: ExpressibleByArrayLiteral, RandomAccessCollection, Sendable {
    let words: [String]
    let masks: [SIMD8<UInt64>]

    init(_ words: [String]) {
        self.words = words
        masks = words.map(FacetFold.BytePairs.mask)
    }

    init(arrayLiteral elements: String...) {
        self.init(elements)
    }

    var startIndex: Int { 0 }
    var endIndex: Int { words.count }
    subscript(position: Int) -> String { words[position] }

    static func + (lhs: Phrases, rhs: Phrases) -> Phrases {
        Phrases(lhs.words + rhs.words)
    }
}

/// A text searched for whole-word phrases: a folded `String`, or a sentence that can tell at once that a phrase
/// is absent.
protocol WordSearchable {
    func wordRanges(of phrase: String) -> [Range<String.Index>]
    /// `wordRanges(of: phrases[index])`, which may use the phrase's precomputed mask.
    func wordRanges(of phrases: Phrases, at index: Int) -> [Range<String.Index>]
}

extension WordSearchable {
    /// True when any of the phrases occurs as whole words.
    func hasWord(_ phrases: [String]) -> Bool {
        phrases.contains { !wordRanges(of: $0).isEmpty }
    }

    /// The first range of any of the phrases, as whole words.
    func firstWord(_ phrases: [String]) -> Range<String.Index>? {
        phrases.flatMap { wordRanges(of: $0) }.min { $0.lowerBound < $1.lowerBound }
    }

    /// True when any of the phrases occurs as whole words.
    func hasWord(_ phrases: Phrases) -> Bool {
        phrases.indices.contains { !wordRanges(of: phrases, at: $0).isEmpty }
    }

    /// The first range of any of the phrases, as whole words.
    func firstWord(_ phrases: Phrases) -> Range<String.Index>? {
        var first: Range<String.Index>?
        for i in phrases.indices {
            for range in wordRanges(of: phrases, at: i) where first.map({ range.lowerBound < $0.lowerBound }) ?? true {
                first = range
            }
        }
        return first
    }
}

extension FacetText.Sentence: WordSearchable {
    /// `folded.wordRanges(of:)`, answered at once when a byte pair of the phrase is missing from the sentence.
    func wordRanges(of phrase: String) -> [Range<String.Index>] {
        pairs.mayHold(phrase) ? folded.wordRanges(of: phrase) : []
    }

    /// `wordRanges(of: phrases[index])`, ruled out with the phrase's mask when a pair it needs is missing.
    @inline(__always)
    func wordRanges(of phrases: Phrases, at index: Int) -> [Range<String.Index>] {
        pairs.mayHold(mask: phrases.masks[index]) ? folded.wordRanges(of: phrases.words[index]) : []
    }

}

extension String: WordSearchable {
    func wordRanges(of phrases: Phrases, at index: Int) -> [Range<String.Index>] {
        wordRanges(of: phrases.words[index])
    }

    /// The ranges where `phrase` occurs as whole words (no letter or digit right before or after). A phrase ending
    /// in `*` matches as a prefix: `remuner*` matches `remuneree`.
    ///
    /// Searched on UTF-8 bytes (`FacetFold.wordMatches`); when a match touches a non-ASCII byte, where Characters
    /// and Foundation's canonical equivalence could tell otherwise, `wordRangesReference` answers.
    func wordRanges(of phrase: String) -> [Range<String.Index>] {
        var text = self
        var phrase = phrase
        let offsets: [Range<Int>]? = text.withUTF8 { haystack in
            phrase.withUTF8 { needle in FacetFold.wordMatches(of: needle, in: haystack) }
        }
        guard let offsets else { return wordRangesReference(of: phrase) }
        if offsets.isEmpty { return [] }
        let start = utf8.startIndex
        return offsets.map { utf8.index(start, offsetBy: $0.lowerBound)..<utf8.index(start, offsetBy: $0.upperBound) }
    }

    /// The original search, with Foundation's `range(of:)` and Characters: the definition `wordRanges` keeps to.
    func wordRangesReference(of phrase: String) -> [Range<String.Index>] {
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
}
