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

    /// A 512-bit set of the hashed byte pairs of a text: a quick "cannot occur" for the whole-word search, which
    /// runs for hundreds of phrases on every sentence of every offer.
    ///
    /// Sound for what `wordMatches` and `String.wordRangesReference` can find: a phrase that is ASCII and free of
    /// `;`, `` ` `` and `K` has no canonical equivalent but its own bytes, so each of its byte pairs is in any text
    /// where it occurs; for any other phrase `mayHold` says yes and the full search decides.
    struct BytePairs: Sendable {
        private var bits = SIMD8<UInt64>(repeating: 0)

        init(_ text: String) {
            var bits = SIMD8<UInt64>(repeating: 0)
            var previous: UInt8?
            for byte in text.utf8 {
                if let previous {
                    let h = Self.hash(previous, byte)
                    bits[h >> 6] |= 1 << UInt64(h & 63)
                }
                previous = byte
            }
            self.bits = bits
        }

        static func hash(_ a: UInt8, _ b: UInt8) -> Int {
            Int(((UInt32(a) &* 0x9E37_79B1) ^ (UInt32(b) &* 0x85EB_CA77)) >> 23)
        }

        /// The pairs a phrase needs (a trailing `*` aside), hashed as a text's are. Zero, which any text holds, when
        /// the pairs cannot decide: a phrase that is not ASCII, or holds `;`, `` ` `` or `K` (see the type's note).
        /// Computed once per phrase of a `Phrases` list.
        static func mask(_ phrase: String) -> SIMD8<UInt64> {
            var phrase = phrase
            return phrase.withUTF8 { bytes in
                var mask = SIMD8<UInt64>(repeating: 0)
                var n = bytes.count
                if n > 0 && bytes[n - 1] == UInt8(ascii: "*") { n -= 1 }
                for b in bytes[0..<n] where b >= 0x80 || b == UInt8(ascii: ";") || b == UInt8(ascii: "`") || b == UInt8(ascii: "K") {
                    return SIMD8(repeating: 0)
                }
                var i = 1
                while i < n {
                    let h = hash(bytes[i - 1], bytes[i])
                    mask[h >> 6] |= 1 << UInt64(h & 63)
                    i += 1
                }
                return mask
            }
        }

        /// False only when the phrase whose `mask(_:)` this is cannot occur in the text: a pair it needs is missing.
        @inline(__always)
        func mayHold(mask: SIMD8<UInt64>) -> Bool {
            (mask & ~bits) == SIMD8(repeating: 0)
        }

        /// False only when `phrase` (a trailing `*` aside) cannot occur in the text. For phrases not in a
        /// `Phrases` list (their masks are made once): the mask is made at each call.
        func mayHold(_ phrase: String) -> Bool {
            mayHold(mask: Self.mask(phrase))
        }
    }
}
