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
    }

    /// `full`, `hybrid` or `on_site` from an offer's running text (title and description), on explicit phrases
    /// only: a description's "temps partiel" is about hours, not about remote work.
    public static func fromText(_ text: String) -> String? {
        let t = Phrase.replacing("\u{00A0}", with: " ", in: Phrase.replacing("’", with: "'", in: Phrase.lowercased(text)))
        let plain = Phrase.isPlain(t)
        if Running.hybrid.contains(where: { $0.found(in: t, plain: plain) }) { return "hybrid" }
        if Running.full.contains(where: { $0.found(in: t, plain: plain) }) { return "full" }
        if Running.onSite.contains(where: { $0.found(in: t, plain: plain) }) { return "on_site" }
        return nil
    }
}
