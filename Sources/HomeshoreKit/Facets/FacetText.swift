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
        /// True when `folded` is all ASCII.
        var isASCII: Bool
        /// The words of `folded`, hashed: a phrase needing a word not in it cannot occur in it.
        var tokens: FacetFold.Tokens

        init(original: String, folded: String) {
            var wide = FacetFold.WideTokens()
            self.init(original: original, folded: folded, wide: &wide)
        }

        /// Also adds the sentence's words to `wide`, the offer's.
        init(original: String, folded: String, wide: inout FacetFold.WideTokens) {
            self.original = original
            self.folded = folded
            var tokens = FacetFold.Tokens()
            var digits = false, ascii = true, days = false
            var text = folded
            text.withUTF8 { bytes in
                wide.words.withUnsafeMutableBufferPointer { wide in
                    FacetFold.Tokens.scan(bytes) { hash in
                        tokens.insert(hash)
                        FacetFold.WideTokens.insert(hash, into: wide)
                    }
                }
                for byte in bytes where byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) {
                    digits = true
                    if byte >= 0x80 { ascii = false; break }
                }
                days = Self.jour.withUnsafeBufferPointer { ByteScan.find($0, in: bytes) != nil }
                    || Self.day.withUnsafeBufferPointer { ByteScan.find($0, in: bytes) != nil }
            }
            self.tokens = tokens
            isASCII = ascii
            mayHoldDigits = digits
            mayCountDays = days
        }

        private static let jour = Array("jour".utf8), day = Array("day".utf8)
    }

    var sentences: [Sentence]
    /// The words of every sentence.
    var wide = FacetFold.WideTokens()

    init(_ parts: [String]) {
        var wide = FacetFold.WideTokens()
        sentences = parts.flatMap { Self.split($0) }.compactMap { original in
            Self.paddedFold(original).map { Sentence(original: original, folded: $0, wide: &wide) }
        }
        self.wide = wide
    }

    // MARK: - Folding

    /// Text folded for matching: `foldReference`'s result, built from `FacetFold`'s table of folded scalars when every
    /// scalar is ASCII or in the table (then folding is done scalar by scalar), and by `foldReference` otherwise.
    /// Sentences use `paddedFold` directly; this is it without the spaces it adds.
    static func fold(_ text: String) -> String {
        guard let padded = paddedFold(text) else { return "" }
        return String(decoding: padded.utf8.dropFirst().dropLast(), as: UTF8.self)
    }

    /// `" " + foldReference(text) + " "`, or nil when that folding is empty: lower-cased, folded with `FacetFold`'s
    /// table and runs of space, tab, LF and CR collapsed in one pass over the UTF-8 (CR LF, one Character, stays
    /// inside a word, as `split(whereSeparator:)` on Characters leaves it); `foldReference` for a scalar outside
    /// the table.
    static func paddedFold(_ text: String) -> String? {
        var text = text
        let bytes: [UInt8]?? = text.withUTF8 { input in
            let n = input.count
            // Room for every folding the table holds (none is longer than four bytes a byte); a text that would
            // need more goes to `foldReference`.
            let capacity = 4 * n + 2
            var outcome: Bool? = true  // nil: nothing written; false: a scalar outside the table
            let folded = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                // A value with mutating methods, not a nested function over captured variables: those are checked
                // for exclusive access at run time, at every byte. Written through a pointer: appending to an
                // array checks its capacity and uniqueness at every byte.
                var out = Collapser(buffer.baseAddress!)
                var i = 0
                while i < n {
                    let b = input[i]
                    if b < 0x80 {
                        if b == 0x0D, i + 1 < n, input[i + 1] == 0x0A {
                            // CR LF is one Character: it stays inside a word.
                            out.word(0x0D)
                            out.append(0x0A)
                            i += 2
                            continue
                        }
                        out.emit(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
                        i += 1
                    } else {
                        let (scalar, length) = scalar(input, at: i)
                        // No entry of the table is empty or holds CR or LF (a test checks it), so a CR LF of the
                        // output is one of the input.
                        guard let mapped = FacetFold.folded(scalar.value), !mapped.isEmpty,
                            out.count + mapped.count + 2 <= 4 * (i + length) + 2
                        else {
                            outcome = false
                            break
                        }
                        for m in mapped { out.emit(m) }
                        i += length
                    }
                }
                if outcome == true && !out.wrote { outcome = nil }
                if outcome == true { out.append(0x20) }
                count = out.count
            }
            switch outcome {
            case nil: return .none
            case false?: return .some(nil)
            case true?: return .some(folded)
            }
        }
        switch bytes {
        case .none: return nil
        case .some(.some(let out)): return String(decoding: out, as: UTF8.self)
        case .some(.none):
            let folded = foldReference(text)
            return folded.isEmpty ? nil : " " + folded + " "
        }
    }

    /// Bytes with runs of space, tab, LF and CR collapsed to one space, after a leading space, written from
    /// `start` on (with room for them: see ``paddedFold(_:)``).
    private struct Collapser {
        let start: UnsafeMutablePointer<UInt8>
        var count = 1
        var pendingSpace = false
        var wrote = false

        init(_ start: UnsafeMutablePointer<UInt8>) {
            self.start = start
            start[0] = 0x20
        }

        @inline(__always)
        mutating func append(_ b: UInt8) {
            start[count] = b
            count += 1
        }

        @inline(__always)
        mutating func emit(_ b: UInt8) {
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                pendingSpace = true
            } else {
                word(b)
            }
        }

        /// A byte of a word, after the space owed.
        @inline(__always)
        mutating func word(_ b: UInt8) {
            if pendingSpace && wrote { append(0x20) }
            pendingSpace = false
            wrote = true
            append(b)
        }
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
    /// line breaks: `splitReference`'s result, computed on UTF-8 bytes when every scalar is its own Character (no
    /// combining marks and the like; CR LF excepted, handled as the one Character it is).
    static func split(_ text: String) -> [String] {
        var text = text
        let pieces: [String]? = text.withUTF8 { bytes in
            // Pieces as byte ranges first: the text is given to `splitReference` as soon as a scalar does not
            // stand alone.
            var ranges: [Range<Int>] = []
            let n = bytes.count
            var start = 0
            var i = 0
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    switch b {
                    case 0x0D where i + 1 < n && bytes[i + 1] == 0x0A:
                        // CR LF: one Character, not a line break for `splitReference`.
                        i += 2
                        continue
                    case 0x0A, 0x0D:
                        ranges.append(start..<i)
                        start = i + 1
                    case UInt8(ascii: ";"):
                        ranges.append(start..<(i + 1))
                        start = i + 1
                    case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"):
                        if i + 1 == n || scalar(bytes, at: i + 1).value.properties.isWhitespace {
                            ranges.append(start..<(i + 1))
                            start = i + 1
                        }
                    default:
                        break
                    }
                    i += 1
                } else {
                    let (value, length) = scalar(bytes, at: i)
                    guard FacetFold.standsAlone(value) else { return nil }
                    if value == "•" {
                        ranges.append(start..<i)
                        start = i + length
                    }
                    i += length
                }
            }
            ranges.append(start..<n)
            var result: [String] = []
            for range in ranges {
                // `trimmingCharacters(in: .whitespaces)` (Zs and tab) on scalars, which are Characters here.
                var lower = range.lowerBound, upper = range.upperBound
                while lower < upper {
                    let (value, length) = scalar(bytes, at: lower)
                    guard isBlank(value) else { break }
                    lower += length
                }
                while upper > lower {
                    var first = upper - 1
                    while bytes[first] & 0xC0 == 0x80 { first -= 1 }
                    guard isBlank(scalar(bytes, at: first).value) else { break }
                    upper = first
                }
                if lower < upper { result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)) }
            }
            return result
        }
        return pieces ?? splitReference(text)
    }

    /// Space, tab or another space separator (Zs): what `trimmingCharacters(in: .whitespaces)` trims.
    @inline(__always)
    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || (scalar.value >= 0x80 && scalar.properties.generalCategory == .spaceSeparator)
    }

    /// The scalar that starts at `i` in valid UTF-8, and its length in bytes.
    @inline(__always)
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: Unicode.Scalar, length: Int) {
        let (value, length) = ByteScan.scalar(bytes, at: i)
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
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

/// A fixed list of phrases searched as whole words, each with the words it needs (`FacetFold.Tokens.needs`) hashed
/// once: a sentence rules a phrase out with one vector test, and an offer rules out at once the phrases that occur
/// in none of its sentences (`candidates(in:)`). The rules' lists are `static let`s of this type, so this is done
/// once per process.
struct Phrases: ExpressibleByArrayLiteral, RandomAccessCollection, Sendable {
    let words: [String]
    let masks: [SIMD8<UInt64>]
    /// Each phrase's `FacetFold.Tokens.quickBit(needs:)`, tested before its mask.
    let quickBits: [UInt16]
    /// Every phrase's needed hashes, one after the other: phrase `i`'s are `needs[needStart[i]..<needStart[i + 1]]`.
    private let needs: [UInt32]
    private let needStart: [Int]

    init(_ words: [String]) {
        self.words = words
        // Each phrase's needed hashes worked out once, for its mask, its quick bit and the offer-wide test.
        let each = words.map(FacetFold.Tokens.needs)
        masks = each.map { FacetFold.Tokens.mask(needs: $0) }
        quickBits = each.map { FacetFold.Tokens.quickBit(needs: $0) }
        var needs: [UInt32] = [], needStart = [0]
        for wordNeeds in each {
            needs += wordNeeds
            needStart.append(needs.count)
        }
        self.needs = needs
        self.needStart = needStart
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

    /// The indices, in order, of the phrases that may occur somewhere in `text`: the others occur in none of its
    /// sentences, so a loop over the sentences and this list finds what a loop over all the phrases finds.
    func candidates(in text: FacetText) -> [Int] {
        var result: [Int] = []
        needs.withUnsafeBufferPointer { needs in
            needStart.withUnsafeBufferPointer { start in
                for i in 0..<words.count {
                    var possible = true
                    for k in start[i]..<start[i + 1] where !text.wide.contains(needs[k]) {
                        possible = false
                        break
                    }
                    if possible { result.append(i) }
                }
            }
        }
        return result
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
    /// `folded.wordRanges(of:)`, answered at once when a word the phrase needs is missing from the sentence.
    func wordRanges(of phrase: String) -> [Range<String.Index>] {
        tokens.mayHold(phrase) ? folded.wordRanges(of: phrase) : []
    }

    /// `wordRanges(of: phrases[index])`, ruled out with the phrase's mask when a word it needs is missing.
    @inline(__always)
    func wordRanges(of phrases: Phrases, at index: Int) -> [Range<String.Index>] {
        tokens.mayHold(quick: phrases.quickBits[index]) && tokens.mayHold(mask: phrases.masks[index])
            ? folded.wordRanges(of: phrases.words[index]) : []
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
