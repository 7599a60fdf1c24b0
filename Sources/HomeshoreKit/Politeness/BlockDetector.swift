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
    /// - Parameters:
    ///   - status: the HTTP status (403 and 429 make a short page with a block phrase a block more surely).
    ///   - utf8: the body, as UTF-8.
    /// - Returns: what was seen, or nil for an ordinary page.
    public static func block(status: Int, utf8: [UInt8]) -> Block? {
        let head = String(decoding: utf8.prefix(400_000), as: UTF8.self)
        // Signatures that only interstitials carry (ordinary pages may load challenge-platform scripts, but the
        // challenge options object is written only into the challenge page itself).
        if head.contains("window._cf_chl_opt") || head.contains("_cf_chl_opt={") || head.contains("_cf_chl_opt =") {
            return Block(kind: "Cloudflare challenge", evidence: title(of: head) ?? "_cf_chl_opt")
        }
        if head.contains("_Incapsula_Resource") && (head.contains("Incapsula incident") || utf8.count < 20_000) {
            return Block(kind: "Imperva/Incapsula block", evidence: "_Incapsula_Resource")
        }
        let text = visibleText(utf8.prefix(400_000)).lowercased()
        if text.contains("error code 1020") || (text.contains("cloudflare") && text.contains("ray id") && text.count < 4_000) {
            return Block(kind: "Cloudflare block", evidence: title(of: head) ?? "Ray ID")
        }
        if let title = title(of: head)?.lowercased(), title == "just a moment..." || title.hasPrefix("attention required") {
            return Block(kind: "Cloudflare challenge", evidence: title)
        }
        let limit = (status == 403 || status == 429) ? shortPage * 3 : shortPage
        if text.count <= limit, let phrase = phrases.first(where: text.contains) {
            return Block(kind: status == 429 ? "rate limited" : "challenge or block page", evidence: "\"\(phrase)\"")
        }
        return nil
    }

    static func title(of html: String) -> String? {
        guard let open = html.range(of: "<title", options: .caseInsensitive),
            let close = html[open.upperBound...].firstIndex(of: ">"),
            let end = html.range(of: "</title", options: .caseInsensitive, range: close..<html.endIndex)
        else { return nil }
        let title = HTMLText.normalizeSpace(String(html[html.index(after: close)..<end.lowerBound]))
        return title.isEmpty ? nil : title
    }

    /// The text a browser would show, roughly: tags, scripts, styles and hidden elements' markup removed, spaces
    /// collapsed. Cheap and approximate; enough to tell a one-paragraph wall from a page of content.
    static func visibleText(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(min(bytes.count, 64 * 1024))
        var i = bytes.startIndex
        var lastSpace = true
        func lower(_ b: UInt8) -> UInt8 { (65...90).contains(b) ? b + 32 : b }
        func startsWith(_ word: String, at index: Int) -> Bool {
            var j = index
            for c in word.utf8 {
                guard j < bytes.endIndex, lower(bytes[j]) == c else { return false }
                j += 1
            }
            return true
        }
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "<") {
                for skipped in ["script", "style", "template"] where startsWith("<" + skipped, at: i) {
                    // Jump past the element's end tag.
                    var j = i + 1
                    while j < bytes.endIndex, !(bytes[j] == UInt8(ascii: "<") && startsWith("</" + skipped, at: j)) { j += 1 }
                    i = j
                    break
                }
                while i < bytes.endIndex, bytes[i] != UInt8(ascii: ">") { i += 1 }
                i += 1
                if !lastSpace { out.append(32); lastSpace = true }
                continue
            }
            if b == 32 || b == 9 || b == 10 || b == 13 {
                if !lastSpace { out.append(32); lastSpace = true }
            } else {
                out.append(b)
                lastSpace = false
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }
}
