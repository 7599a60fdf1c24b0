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

    /// The phrase's UTF-8.
    let bytes: [UInt8]
    /// `Phrase.isPlain(text)`.
    let isPlain: Bool

    init(_ text: String) {
        self.text = text
        bytes = Array(text.utf8)
        isPlain = Phrase.isPlain(text)
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
    /// - Parameter plain: `Phrase.isPlain(text)`, when the caller computed it once for several phrases.
    func found(in text: String, plain: Bool = false) -> Bool {
        if !anchor.isEmpty, !Phrase.bytes(of: text, contain: anchor) { return false }
        if plain && isPlain { return Phrase.bytes(of: text, contain: bytes) }
        return text.contains(self.text)
    }

    /// `text.lowercased()`, made from a table for scalars below U+0300 (lower-casing one of them does not depend on
    /// its neighbours: the one context rule, the final sigma, is about U+03A3) and from the scalar itself for a
    /// scalar that no lower-casing changes (`’`, `€`, `•`, most emoji: `changesWhenLowercased` is false, and no
    /// context rule changes a scalar that has no lower-case mapping); by the standard library when any other scalar
    /// is in the text.
    static func lowercased(_ text: String) -> String {
        guard let bytes = lowerASCII(text, else: { v in
            if v < 0x300 { return lowerTable[Int(v) - 0x80] }
            guard let scalar = Unicode.Scalar(v), !scalar.properties.changesWhenLowercased else { return nil }
            return Array(scalar.utf8)
        }) else {
            return text.lowercased()
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text` as UTF-8 with ASCII letters lower-cased and every other scalar replaced by what `table` gives for it,
    /// or nil as soon as `table` has nothing for one (the caller then takes its slower, general way) or gives more
    /// than three bytes for two (no lower case in U+0080–U+02FF is longer).
    @inline(__always)
    static func lowerASCII(_ text: String, else table: (UInt32) -> [UInt8]?) -> [UInt8]? {
        var text = text
        return text.withUTF8 { bytes -> [UInt8]? in
            let n = bytes.count
            guard let source = bytes.baseAddress else { return [] }
            let raw = UnsafeRawPointer(source)
            var failed = false
            let capacity = n + n / 2 + 8
            let out = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                let target = UnsafeMutableRawPointer(buffer.baseAddress!)
                var i = 0, o = 0
                while i < n {
                    // Eight ASCII bytes at a time, their capitals lowered together.
                    while i + 8 <= n {
                        let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                        guard word & 0x8080_8080_8080_8080 == 0 else { break }
                        target.storeBytes(of: ByteScan.lower(word: word), toByteOffset: o, as: UInt64.self)
                        i += 8
                        o += 8
                    }
                    guard i < n else { break }
                    let byte = source[i]
                    if byte < 0x80 {
                        buffer[o] = ByteScan.lower(byte)
                        i += 1
                        o += 1
                        continue
                    }
                    let (v, length) = ByteScan.scalar(bytes, at: i)
                    guard let mapped = table(v), mapped.count <= length + length / 2 else {
                        failed = true
                        break
                    }
                    for m in mapped {
                        buffer[o] = m
                        o += 1
                    }
                    i += length
                }
                count = o
            }
            return failed ? nil : out
        }
    }

    /// `Phrase.lowercased(text)` as UTF-8 when that text is plain (``isPlain(_:)``), else nil: the whole of a
    /// running text lowered and searched without a `String` made of it. A scalar of the punctuation and currency
    /// ranges has no case; any other scalar from U+0300 on makes the text not plain whatever lowering does, and a
    /// scalar below it may lower to one that is not plain (U+0130 gains a combining dot), hence the check after.
    static func lowercasedPlainBytes(_ text: String) -> [UInt8]? {
        guard let bytes = lowerASCII(text, else: { v in
            if v < 0x300 { return lowerTable[Int(v) - 0x80] }
            guard (0x2010...0x2027).contains(v) || (0x20A0...0x20C0).contains(v) else { return nil }
            return Array(Unicode.Scalar(v)!.utf8)
        }) else { return nil }
        return bytes.withUnsafeBufferPointer(isPlain) ? bytes : nil
    }

    /// The lower case of U+0080 to U+02FF, as UTF-8.
    private static let lowerTable: [[UInt8]] = (0x80..<0x300).map { Array(String(Unicode.Scalar($0)!).lowercased().utf8) }

    /// True when every scalar is below U+0300 or is punctuation or a currency sign of U+2010–U+2027 and
    /// U+20A0–U+20C0. No such scalar is a combining mark, an extender or a singleton of canonical equivalence,
    /// so between two plain texts Foundation's `contains` is a search of bytes: every scalar is a Character and
    /// two plain texts are canonically equivalent only when they are the same bytes.
    static func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(isPlain)
    }

    /// ``isPlain(_:)`` of well-formed UTF-8.
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 { i += 1; continue }
            let (v, length) = ByteScan.scalar(bytes, at: i)
            guard v < 0x300 || (0x2010...0x2027).contains(v) || (0x20A0...0x20C0).contains(v) else { return false }
            i += length
        }
        return true
    }

    /// Whether the UTF-8 of `text` contains `needle` as a run of bytes.
    static func bytes(of text: String, contain needle: [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { haystack in
            needle.withUnsafeBufferPointer { ByteScan.find($0, in: haystack) != nil }
        }
    }

    /// `text.replacingOccurrences(of: target, with: replacement)`, skipped when `target`'s bytes do not occur:
    /// a scalar with no decomposition, that no other scalar decomposes to, is matched only where it occurs.
    static func replacing(_ target: String, with replacement: String, in text: String) -> String {
        guard bytes(of: text, contain: Array(target.utf8)) else { return text }
        return text.replacingOccurrences(of: target, with: replacement)
    }
}
