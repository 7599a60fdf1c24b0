import Foundation

/// Reads how remote a job is from a short text (a listing's badge, a recipe's `remote` field).
public enum RemoteText {
    /// `full`, `hybrid` or `on_site`, or nil when the text does not say.
    public static func classify(_ text: String) -> String? {
        let t = Phrase.replacing("’", with: "'", in: Phrase.lowercased(text))
        let plain = Phrase.isPlain(t)
        if Badge.hybrid.contains(where: { $0.found(in: t, plain: plain) }) { return "hybrid" }
        if Badge.full.contains(where: { $0.found(in: t, plain: plain) }) { return "full" }
        if Badge.onSite.contains(where: { $0.found(in: t, plain: plain) }) { return "on_site" }
        return nil
    }

    /// The phrases of ``classify(_:)``.
    enum Badge {
        static let hybrid = ["hybride", "hybrid", "partiel", "jours de télétravail", "jour de télétravail",
                             "days remote", "occasionnel", "ponctuel", "partial"].map(Phrase.init)
        static let full = ["100 % télétravail", "100% télétravail", "100 % remote", "100% remote", "télétravail complet",
                           "télétravail total", "full remote", "fully remote", "à domicile", "a domicile", "home office",
                           "depuis chez vous", "work from home", "télétravail", "teletravail", "remote", "telecommute"]
            .map(Phrase.init)
        static let onSite = ["sur site", "présentiel", "presentiel", "on-site", "on site", "onsite",
                             "pas de télétravail", "no remote"].map(Phrase.init)
    }

    /// The phrases of ``fromText(_:)``.
    enum Running {
        static let hybrid = ["télétravail partiel", "jours de télétravail", "jour de télétravail", "télétravail hybride",
                             "mode hybride", "hybrid remote", "days remote", "days from home"].map(Phrase.init)
        static let full = ["100 % télétravail", "100% télétravail", "100 % à distance", "100% à distance",
                           "télétravail complet", "télétravail total", "full remote", "fully remote", "100% remote",
                           "100 % remote", "à domicile", "depuis votre domicile", "depuis chez vous", "home office",
                           "work from home"].map(Phrase.init)
        static let onSite = ["sur site", "en présentiel", "présentiel", "on-site", "on site", "pas de télétravail"]
            .map(Phrase.init)
        /// Whether every phrase is plain: then a search in a plain text is one of bytes.
        static let allPlain = (hybrid + full + onSite).allSatisfy(\.isPlain)
    }

    /// `full`, `hybrid` or `on_site` from an offer's running text (title and description), on explicit phrases
    /// only: a description's "temps partiel" is about hours, not about remote work.
    public static func fromText(_ text: String) -> String? {
        if let answer = plainFromText(text) { return answer }
        return generalFromText(text)
    }

    /// ``fromText(_:)`` of a text that is plain once lowered (nearly every offer's), worked on its bytes: nil when the
    /// text is not plain (then ``generalFromText(_:)`` answers). The general way lowered the whole description into
    /// a `String`, replaced two scalars with Foundation and searched the result 29 times: a tenth of a page's
    /// extraction. Between plain texts every search and replacement is one of bytes (see ``Phrase/isPlain(_:)``),
    /// so the answer is the same.
    static func plainFromText(_ text: String) -> String?? {
        guard Running.allPlain, var bytes = Phrase.lowercasedPlainBytes(text) else { return nil }
        // ’ (E2 80 99) becomes ' and a no-break space (C2 A0) a space, in place. 0x80-0xBF bytes only continue a
        // scalar, so a match of these bytes is a match of the scalar.
        if bytes.contains(0xE2) || bytes.contains(0xC2) {
            let kept = bytes.withUnsafeMutableBufferPointer { b -> Int in
                var out = 0, i = 0
                while i < b.count {
                    if b[i] == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x99 {
                        b[out] = UInt8(ascii: "'")
                        i += 3
                    } else if b[i] == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 {
                        b[out] = UInt8(ascii: " ")
                        i += 2
                    } else {
                        b[out] = b[i]
                        i += 1
                    }
                    out += 1
                }
                return out
            }
            bytes.removeLast(bytes.count - kept)
        }
        return bytes.withUnsafeBufferPointer { haystack -> String?? in
            func any(_ phrases: [Phrase]) -> Bool {
                phrases.contains { phrase in
                    phrase.bytes.withUnsafeBufferPointer { ByteScan.find($0, in: haystack) != nil }
                }
            }
            if any(Running.hybrid) { return .some("hybrid") }
            if any(Running.full) { return .some("full") }
            if any(Running.onSite) { return .some("on_site") }
            return .some(nil)
        }
    }

    /// ``fromText(_:)`` by the general way: any text.
    static func generalFromText(_ text: String) -> String? {
        let t = Phrase.replacing("\u{00A0}", with: " ", in: Phrase.replacing("’", with: "'", in: Phrase.lowercased(text)))
        let plain = Phrase.isPlain(t)
        if Running.hybrid.contains(where: { $0.found(in: t, plain: plain) }) { return "hybrid" }
        if Running.full.contains(where: { $0.found(in: t, plain: plain) }) { return "full" }
        if Running.onSite.contains(where: { $0.found(in: t, plain: plain) }) { return "on_site" }
        return nil
    }
}
