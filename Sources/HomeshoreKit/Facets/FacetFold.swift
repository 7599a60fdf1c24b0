import Foundation

/// The byte-level pieces of `FacetText`: a table of folded scalars and a whole-word search on UTF-8.
///
/// Foundation's `folding(options:)`, `range(of:)` and Character loops cost microseconds per call on Linux (CFString
/// paths); facets run them thousands of times per offer. These functions give exactly the same answers on the
/// text they accept, and say so (`nil`, or no table entry) when they cannot promise it, so that callers use the
/// Foundation code, kept as `FacetText.foldReference`, `splitReference` and `String.wordRangesReference`.
enum FacetFold {
    /// Scalars that are a Character of their own whatever surrounds them (save CR LF): ASCII and Latin up to
    /// U+02FF, general punctuation, currency, letter-like, arrows, enclosed alphanumerics, shapes and dingbats,
    /// and emoji pictographs without their skin-tone modifiers. No combining mark, joiner, prepended or regional
    /// indicator, Hangul jamo or variation selector is among them.
    static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x300, 0x2000...0x200A, 0x2010...0x2027, 0x202F...0x205F, 0x20A0...0x20C0, 0x2100...0x214F,
             0x2190...0x21FF, 0x2460...0x24FF, 0x2500...0x27BF, 0x1F300...0x1F3FA, 0x1F400...0x1FAFF:
            return true
        default:
            return false
        }
    }

    /// Non-ASCII scalars folded one by one with `FacetText.foldScalars` (Foundation), as UTF-8. Only letters,
    /// numbers, punctuation, symbols and spaces that stand alone, whose folding stands alone too: folding such a
    /// scalar does not depend on its neighbours, so a text of them folds to the concatenation of their foldings.
    static let table: [UInt32: [UInt8]] = {
        var table: [UInt32: [UInt8]] = [:]
        let ranges: [ClosedRange<UInt32>] = [0x80...0x2FF, 0x2000...0x200A, 0x2010...0x2027, 0x202F...0x205F,
                                             0x20A0...0x20C0, 0x2100...0x214F]
        for value in ranges.joined() {
            guard let scalar = Unicode.Scalar(value), standsAlone(scalar) else { continue }
            switch scalar.properties.generalCategory {
            case .control, .format, .nonspacingMark, .spacingMark, .enclosingMark, .lineSeparator, .paragraphSeparator,
                 .surrogate, .privateUse, .unassigned:
                continue
            default:
                break
            }
            let folded = FacetText.foldScalars(String(Character(scalar)))
            guard folded.unicodeScalars.allSatisfy(standsAlone) else { continue }
            table[value] = Array(folded.utf8)
        }
        return table
    }()

    /// `table` for U+0080 to U+02FF (Latin letters with accents: most of French), read by index.
    static let latin: [[UInt8]?] = (0x80..<0x300).map { table[UInt32($0)] }

    /// The folding of a non-ASCII scalar from `table`, or nil.
    @inline(__always)
    static func folded(_ value: UInt32) -> [UInt8]? {
        value < 0x300 ? latin[Int(value) - 0x80] : table[value]
    }

    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    /// The byte ranges where `phrase` occurs in `text` as whole words, with `String.wordRangesReference`'s rules,
    /// or nil when the bytes cannot decide: a phrase that is empty, not ASCII, or holds `;`, `` ` `` or `K` (ASCII
    /// characters that U+037E, U+1FEF and U+212A are canonically equivalent to), or a match with a non-ASCII byte
    /// right before or after it (a combining mark would make it part of another Character).
    ///
    /// Otherwise the answer is exact: the phrase has no other canonical equivalent than its own bytes, each
    /// match starts and ends on Character boundaries (ASCII beside ASCII is a boundary; CR LF is in no phrase),
    /// and the letters and digits of ASCII are `[0-9A-Za-z]`.
    static func wordMatches(of phrase: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        var n = phrase.count
        let prefix = n > 0 && phrase[n - 1] == UInt8(ascii: "*")
        if prefix { n -= 1 }
        guard n > 0, let needle = phrase.baseAddress else { return nil }
        for b in phrase[0..<n] where b >= 0x80 || b == UInt8(ascii: ";") || b == UInt8(ascii: "`") || b == UInt8(ascii: "K") {
            return nil
        }
        guard n <= text.count, let base = text.baseAddress else { return [] }
        let first = Int32(needle[0])
        let startIsWord = isWordByte(needle[0]), endIsWord = isWordByte(needle[n - 1])
        var result: [Range<Int>] = []
        let last = text.count - n
        var from = 0
        while from <= last, let hit = memchr(base + from, first, last - from + 1) {
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            from = at + 1
            guard memcmp(base + at, needle, n) == 0 else { continue }
            let before: UInt8? = at > 0 ? text[at - 1] : nil
            let after: UInt8? = at + n < text.count ? text[at + n] : nil
            if (before ?? 0) >= 0x80 || (after ?? 0) >= 0x80 { return nil }
            let startOK = !(before.map(isWordByte) ?? false) || !startIsWord
            let endOK = prefix || !(after.map(isWordByte) ?? false) || !endIsWord
            if startOK && endOK { result.append(at..<(at + n)) }
        }
        return result
    }

    /// The whole words of a text, hashed into a 512-bit set: a quick "cannot occur" for the whole-word search,
    /// which runs for hundreds of phrases on every sentence of every offer.
    ///
    /// A word here is a maximal run of ASCII letters and digits; every other byte (space, punctuation, any byte of
    /// a non-ASCII scalar) separates words. Each word is hashed whole and, when it has three bytes or more, its
    /// first three bytes are hashed too (for phrases ending in `*`).
    ///
    /// Sound for what `wordMatches` and `String.wordRangesReference` can find. Take a phrase that is ASCII and
    /// free of `;`, `` ` `` and `K` (no canonical equivalent but its own bytes) and one of its words that is
    /// *closed*: followed in the phrase by a byte that is not a letter or digit, or ending a phrase without `*`.
    /// Wherever the phrase occurs as whole words, that word is a word of the text: inside the phrase it is
    /// bounded by the phrase's own bytes, which the text holds there; at the phrase's ends the match needs a
    /// neighbour that is no letter or digit, and such a neighbour is ASCII punctuation or space, or non-ASCII:
    /// a separator either way. The last word of a `*` phrase is only a prefix of a text word, whose first three
    /// bytes it fixes when it has three. For any other phrase the mask is zero and the full search decides.
    struct Tokens: Sendable {
        private(set) var bits = SIMD8<UInt64>(repeating: 0)

        init() {}

        @inline(__always)
        mutating func insert(_ hash: UInt32) {
            bits[Int(hash >> 29)] |= 1 << UInt64((hash >> 23) & 63)
        }

        /// FNV-1a over the bytes, then a final mix so that the top bits depend on every byte.
        @inline(__always)
        static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, seed: UInt32) -> UInt32 {
            var h = seed
            for i in range { h = (h ^ UInt32(bytes[i])) &* 16_777_619 }
            h ^= h >> 15
            h = h &* 0x2C1B_3C6D
            h ^= h >> 12
            return h
        }

        static let wordSeed: UInt32 = 2_166_136_261
        static let prefixSeed: UInt32 = 0x9E37_79B9

        /// Calls `visit` with the hash of each word of `bytes`, and of each word's first three bytes.
        @inline(__always)
        static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ visit: (UInt32) -> Void) {
            var i = 0
            let n = bytes.count
            while i < n {
                guard FacetFold.isWordByte(bytes[i]) else { i += 1; continue }
                let start = i
                i += 1
                while i < n && FacetFold.isWordByte(bytes[i]) { i += 1 }
                visit(hash(bytes, start..<i, seed: wordSeed))
                if i - start >= 3 { visit(hash(bytes, start..<(start + 3), seed: prefixSeed)) }
            }
        }

        /// The hashes a phrase's occurrences need (see the type's note): each closed word's, and for a `*`
        /// phrase the first three bytes of its last word. Empty when they cannot decide: a phrase that is not ASCII,
        /// or holds `;`, `` ` `` or `K`.
        static func needs(_ phrase: String) -> [UInt32] {
            var phrase = phrase
            return phrase.withUTF8 { bytes in
                var n = bytes.count
                let prefix = n > 0 && bytes[n - 1] == UInt8(ascii: "*")
                if prefix { n -= 1 }
                for b in bytes[0..<n] where b >= 0x80 || b == UInt8(ascii: ";") || b == UInt8(ascii: "`") || b == UInt8(ascii: "K") {
                    return []
                }
                var hashes: [UInt32] = []
                var i = 0
                while i < n {
                    guard FacetFold.isWordByte(bytes[i]) else { i += 1; continue }
                    let start = i
                    i += 1
                    while i < n && FacetFold.isWordByte(bytes[i]) { i += 1 }
                    if i < n || !prefix {
                        hashes.append(hash(bytes, start..<i, seed: wordSeed))
                    } else if i - start >= 3 {
                        hashes.append(hash(bytes, start..<(start + 3), seed: prefixSeed))
                    }
                }
                return hashes
            }
        }

        /// `needs(phrase)` as a mask of this set's bits (zero when nothing is needed).
        static func mask(_ phrase: String) -> SIMD8<UInt64> {
            mask(needs: needs(phrase))
        }

        /// The mask of hashes already worked out by `needs(_:)`.
        static func mask(needs: [UInt32]) -> SIMD8<UInt64> {
            var tokens = Tokens()
            for h in needs { tokens.insert(h) }
            return tokens.bits
        }

        /// One bit of `mask(needs:)` (its first needed hash's) as `lane << 6 | bit`, or `UInt16.max` when nothing
        /// is needed: tested before the whole mask, it rules most phrases out with one word of the set.
        static func quickBit(needs: [UInt32]) -> UInt16 {
            guard let h = needs.first else { return .max }
            return UInt16(h >> 29) << 6 | UInt16((h >> 23) & 63)
        }

        /// False when the bit `quickBit` gave is missing (the phrase cannot occur then); true otherwise.
        @inline(__always)
        func mayHold(quick: UInt16) -> Bool {
            quick == .max || bits[Int(quick >> 6)] & (1 << UInt64(quick & 63)) != 0
        }

        /// False only when the phrase whose `mask(_:)` this is cannot occur in the text: a word it needs is missing.
        @inline(__always)
        func mayHold(mask: SIMD8<UInt64>) -> Bool {
            (mask & ~bits) == SIMD8(repeating: 0)
        }

        /// False only when `phrase` cannot occur in the text. For phrases not in a `Phrases` list (their masks are
        /// made once): the mask is made at each call.
        func mayHold(_ phrase: String) -> Bool {
            mayHold(mask: Self.mask(phrase))
        }
    }

    /// The same words over a whole offer (every sentence), in a 4,096-bit set: which phrases of a list can occur
    /// anywhere in the offer, tested once per phrase instead of once per phrase and sentence.
    struct WideTokens: Sendable {
        var words = [UInt64](repeating: 0, count: 64)

        /// Adds a word's hash to `words`, the 64 words of a set (held by the loop that fills it).
        @inline(__always)
        static func insert(_ hash: UInt32, into words: UnsafeMutableBufferPointer<UInt64>) {
            words[Int(hash >> 26)] |= 1 << UInt64((hash >> 20) & 63)
        }

        @inline(__always)
        func contains(_ hash: UInt32) -> Bool {
            words[Int(hash >> 26)] & (1 << UInt64((hash >> 20) & 63)) != 0
        }
    }
}
