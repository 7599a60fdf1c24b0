import Foundation

/// Tells a block or challenge page (Cloudflare's "Just a moment...", a captcha wall, "access denied", Imperva) from
/// an ordinary page, so that a block is reported as such and never read as "no offers".
public enum BlockDetector {
    /// What was seen on a page that is a block.
    public struct Block: Sendable, Equatable, CustomStringConvertible {
        /// A short name of the kind of block.
        public var kind: String
        /// The marker that decided it, as found on the page.
        public var evidence: String
        public var description: String { "\(kind) (\(evidence))" }
    }

    /// Phrases of challenge and block pages, compared with the visible text folded to lower case.
    static let phrases = [
        "verify you are human", "verifying you are human", "are you a robot", "not a robot", "unusual traffic",
        "enable javascript and cookies to continue", "checking your browser", "access denied", "request unsuccessful",
        "verification required", "additional verification required", "security check", "humans only",
        "vérifiez que vous êtes humain", "vérification que vous êtes humain", "je ne suis pas un robot",
        "trafic inhabituel", "accès refusé", "réservé aux humains", "vérification requise",
        "please complete the security check", "you have been blocked", "sorry, you have been blocked",
    ]
    /// Pages whose visible text is longer than this are content pages, whatever hidden widget they carry.
    static let shortPage = 1_500

    /// Decides whether a page is a block or a challenge.
    ///
    /// Runs on every page fetched, so it works on bytes: markers and phrases are searched with `ByteScan`, the
    /// text is lower-cased as ASCII, and Characters are counted only for a page short enough to be a wall.
    /// - Parameters:
    ///   - status: the HTTP status (403 and 429 make a short page with a block phrase a block more surely).
    ///   - utf8: the body, as UTF-8.
    /// - Returns: what was seen, or nil for an ordinary page.
    public static func block(status: Int, utf8: [UInt8]) -> Block? {
        let head = utf8.prefix(400_000)
        // Signatures that only interstitials carry (ordinary pages may load challenge-platform scripts, but the
        // challenge options object is written only into the challenge page itself).
        let (challenge, incapsula) = markers(head)
        if challenge {
            return Block(kind: "Cloudflare challenge", evidence: title(of: head) ?? "_cf_chl_opt")
        }
        if incapsula && (contains(head, "Incapsula incident") || utf8.count < 20_000) {
            return Block(kind: "Imperva/Incapsula block", evidence: "_Incapsula_Resource")
        }
        // Lowered as it is copied (ASCII only): the count of Characters below is the same, and the phrases are
        // compared with the text lowered anyway.
        let visible = visibleBytes(head, lowered: true)
        let lowered = visible[...]
        // Characters are never more than bytes. A text of four bytes or more per Character on average (emoji
        // sequences, stacked marks) is taken as long without counting: no wall looked for here reads like that.
        func characters(below limit: Int) -> Bool {
            if visible.count < limit { return true }
            if visible.count >= 4 * limit { return false }
            return characterCount(visible) < limit
        }
        if contains(lowered, "error code 1020")
            || (contains(lowered, "cloudflare") && contains(lowered, "ray id") && characters(below: 4_000))
        {
            return Block(kind: "Cloudflare block", evidence: title(of: head) ?? "Ray ID")
        }
        if let title = title(of: head)?.lowercased(), title == "just a moment..." || title.hasPrefix("attention required") {
            return Block(kind: "Cloudflare challenge", evidence: title)
        }
        let limit = (status == 403 || status == 429) ? shortPage * 3 : shortPage
        if characters(below: limit + 1) {
            let text = ArraySlice(String(decoding: visible, as: UTF8.self).lowercased().utf8)
            if let phrase = phrases.first(where: { contains(text, $0) }) {
                return Block(kind: status == 429 ? "rate limited" : "challenge or block page", evidence: "\"\(phrase)\"")
            }
        }
        return nil
    }

    /// The number of Characters of the text these bytes decode to: its scalars, when the bytes are well-formed
    /// UTF-8, each scalar is a Character of its own (`FacetFold.standsAlone`) and there is no CR (so no CR LF:
    /// visible text has none); else Characters counted by Swift.
    static func characterCount(_ visible: [UInt8]) -> Int {
        let scalars: Int? = visible.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return 0 }
            if memchr(base, 0x0D, bytes.count) != nil { return nil }
            let raw = UnsafeRawPointer(base)
            var count = 0, i = 0
            while i < bytes.count {
                // Eight ASCII bytes at a time.
                while i + 8 <= bytes.count, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    count += 8
                }
                guard i < bytes.count else { break }
                if bytes[i] < 0x80 {
                    i += 1
                    count += 1
                    continue
                }
                guard let (value, length) = Charset.wellFormedScalar(bytes, at: i), FacetFold.standsAlone(value) else {
                    return nil
                }
                i += length
                count += 1
            }
            return count
        }
        return scalars ?? String(decoding: visible, as: UTF8.self).count
    }

    /// The page's `<title>`, spaces collapsed, or nil.
    static func title(of html: ArraySlice<UInt8>) -> String? {
        html.withUnsafeBufferPointer { bytes -> String? in
            var index = 0
            while let lt = ByteScan.find(UInt8(ascii: "<"), in: bytes, from: index) {
                guard ByteScan.matches("<title", in: bytes, at: lt) else {
                    index = lt + 1
                    continue
                }
                guard let close = ByteScan.find(UInt8(ascii: ">"), in: bytes, from: lt + 6) else { return nil }
                let end = ByteScan.closingTag("</title", in: bytes, from: close)
                guard end < bytes.count else { return nil }
                let title = HTMLText.normalizeSpace(String(decoding: UnsafeBufferPointer(rebasing: bytes[(close + 1)..<end]), as: UTF8.self))
                return title.isEmpty ? nil : title
            }
            return nil
        }
    }

    /// The two markers looked for in the page's own bytes, in one pass over its `_`s (two searches of the whole page
    /// cost more than the rest of the detection): `challenge` when `window._cf_chl_opt`, `_cf_chl_opt={` or
    /// `_cf_chl_opt =` occurs, `incapsula` when `_Incapsula_Resource` does.
    static func markers(_ head: ArraySlice<UInt8>) -> (challenge: Bool, incapsula: Bool) {
        head.withUnsafeBufferPointer { bytes in
            var challenge = false, incapsula = false
            var from = 0
            while !(challenge && incapsula), let p = ByteScan.find(UInt8(ascii: "_"), in: bytes, from: from) {
                from = p + 1
                if !challenge && p + 11 <= bytes.count && bytes[p + 1] == UInt8(ascii: "c")
                    && bytes[p..<(p + 11)].elementsEqual("_cf_chl_opt".utf8)
                {
                    let end = p + 11
                    let window = "window.".utf8
                    if p >= window.count, bytes[(p - window.count)..<p].elementsEqual(window) { challenge = true }
                    let rest = bytes[end..<min(bytes.count, end + 2)]
                    if rest.elementsEqual("={".utf8) || rest.elementsEqual(" =".utf8) { challenge = true }
                } else if !incapsula && p + 19 <= bytes.count && bytes[p + 1] == UInt8(ascii: "I")
                    && bytes[p..<(p + 19)].elementsEqual("_Incapsula_Resource".utf8)
                {
                    incapsula = true
                }
            }
            return (challenge, incapsula)
        }
    }

    /// Whether `needle` occurs in `haystack`, byte for byte.
    private static func contains(_ haystack: ArraySlice<UInt8>, _ needle: String) -> Bool {
        haystack.withUnsafeBufferPointer { bytes in
            Array(needle.utf8).withUnsafeBufferPointer { ByteScan.find($0, in: bytes) != nil }
        }
    }

    /// The text a browser would show, roughly: tags, scripts, styles and hidden elements' markup removed, spaces
    /// collapsed. Cheap and approximate; enough to tell a one-paragraph wall from a page of content.
    /// - Parameter lowered: ASCII capitals lowered too, as the text is copied.
    static func visibleBytes(_ bytes: ArraySlice<UInt8>, lowered: Bool = false) -> [UInt8] {
        bytes.withUnsafeBufferPointer { bytes in
            [UInt8](unsafeUninitializedCapacity: bytes.count) { out, written in
                // Written through a pointer: appending to an array checks its capacity and uniqueness at each byte.
                var n = 0
                var lastSpace = true
                var i = 0
                let raw = UnsafeRawPointer(bytes.baseAddress)
                let target = UnsafeMutableRawPointer(out.baseAddress)
                while i < bytes.count {
                    // The text up to the next tag, runs of spaces collapsed.
                    let lt = ByteScan.find(UInt8(ascii: "<"), in: bytes, from: i) ?? bytes.count
                    while i < lt {
                        // Eight bytes at a time while none of them can be a space, tab, CR or LF: a byte whose low
                        // seven bits are 0x20 or less (some non-ASCII bytes too, then taken one by one). The
                        // subtraction borrows across no byte: each is at least 0x80 once its top bit is set.
                        if i + 8 <= lt, let raw, let target {
                            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                            if ((word | 0x8080_8080_8080_8080) &- 0x2121_2121_2121_2121) & 0x8080_8080_8080_8080
                                == 0x8080_8080_8080_8080
                            {
                                target.storeBytes(of: lowered ? ByteScan.lower(word: word) : word, toByteOffset: n,
                                    as: UInt64.self)
                                n += 8
                                i += 8
                                lastSpace = false
                                continue
                            }
                        }
                        let b = bytes[i]
                        if b == 32 || b == 9 || b == 10 || b == 13 {
                            if !lastSpace { out[n] = 32; n += 1; lastSpace = true }
                        } else {
                            out[n] = lowered ? ByteScan.lower(b) : b
                            n += 1
                            lastSpace = false
                        }
                        i += 1
                    }
                    guard i < bytes.count else { break }
                    // A tag; a script, style or template element is skipped to its end tag.
                    if ByteScan.matches("<script", in: bytes, at: i) {
                        i = ByteScan.closingTag("</script", in: bytes, from: i + 1)
                    } else if ByteScan.matches("<style", in: bytes, at: i) {
                        i = ByteScan.closingTag("</style", in: bytes, from: i + 1)
                    } else if ByteScan.matches("<template", in: bytes, at: i) {
                        i = ByteScan.closingTag("</template", in: bytes, from: i + 1)
                    }
                    i = (ByteScan.find(UInt8(ascii: ">"), in: bytes, from: i) ?? bytes.count) + 1
                    // A tag stands for a space; the output never outgrows the input (a tag is at least one byte).
                    if !lastSpace { out[n] = 32; n += 1; lastSpace = true }
                }
                // Runs of spaces are already one space: at most one at each end.
                if n > 0 && out[n - 1] == 32 { n -= 1 }
                var start = 0
                if n > 0 && out[0] == 32 { start = 1 }
                if start == 1 {
                    for k in 1..<max(1, n) { out[k - 1] = out[k] }
                    n -= 1
                }
                written = n
            }
        }
    }
}
