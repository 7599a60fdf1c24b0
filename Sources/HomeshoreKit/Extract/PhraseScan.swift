import Foundation

/// A fixed phrase searched in text with Foundation's `contains` (canonical equivalence), behind a byte pre-check.
///
/// Foundation's search on Linux goes through CFString and costs microseconds per call; most phrases are absent
/// from most texts. A phrase written in NFC has no combining marks, so each of its ASCII characters is a
/// grapheme of its own, and a match needs an equal grapheme in the text: that very ASCII byte (the only other
/// scalars canonically equivalent to an ASCII character are U+212A KELVIN SIGN, gone once the text is lower-cased,
/// U+037E and U+1FEF, which stand for `;` and `` ` ``, used in no phrase). So when the phrase's longest ASCII run
/// is missing from the text's bytes, the phrase cannot match and Foundation is not asked; otherwise it is asked,
/// and the answer is exactly Foundation's.
struct Phrase: Sendable {
    let text: String
    /// The phrase's longest run of ASCII bytes; empty when it has none (then Foundation is always asked).
    let anchor: [UInt8]

    init(_ text: String) {
        self.text = text
        var best: [UInt8] = [], run: [UInt8] = []
        for byte in text.utf8 {
            if byte < 0x80 {
                run.append(byte)
                if run.count > best.count { best = run }
            } else {
                run.removeAll(keepingCapacity: true)
            }
        }
        anchor = best
        precondition(!best.contains(UInt8(ascii: ";")) && !best.contains(UInt8(ascii: "`")),
            "a phrase anchor must not hold ';' or '`'")
    }

    /// Whether `text` (lower-cased when the phrase is) contains the phrase, as `text.contains(phrase)` says.
    func found(in text: String) -> Bool {
        if !anchor.isEmpty, !Phrase.bytes(of: text, contain: anchor) { return false }
        return text.contains(self.text)
    }

    /// Whether the UTF-8 of `text` contains `needle` as a run of bytes.
    static func bytes(of text: String, contain needle: [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { haystack in
            needle.withUnsafeBufferPointer { needle in
                guard let first = needle.first else { return true }
                guard needle.count <= haystack.count, let base = haystack.baseAddress else { return false }
                let last = haystack.count - needle.count
                var from = 0
                while from <= last, let hit = memchr(base + from, Int32(first), last - from + 1) {
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + at, needle.baseAddress!, needle.count) == 0 { return true }
                    from = at + 1
                }
                return false
            }
        }
    }

    /// `text.replacingOccurrences(of: target, with: replacement)`, skipped when `target`'s bytes do not occur:
    /// a scalar with no decomposition, that no other scalar decomposes to, is matched only where it occurs.
    static func replacing(_ target: String, with replacement: String, in text: String) -> String {
        guard bytes(of: text, contain: Array(target.utf8)) else { return text }
        return text.replacingOccurrences(of: target, with: replacement)
    }
}
