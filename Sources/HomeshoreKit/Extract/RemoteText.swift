import Foundation

/// Reads how remote a job is from a short text (a listing's badge, a recipe's `remote` field).
public enum RemoteText {
    /// `full`, `hybrid` or `on_site`, or nil when the text does not say.
    public static func classify(_ text: String) -> String? {
        let t = text.lowercased().replacingOccurrences(of: "’", with: "'")
        let hybrid = ["hybride", "hybrid", "partiel", "jours de télétravail", "jour de télétravail", "days remote",
                      "occasionnel", "ponctuel", "partial"]
        if hybrid.contains(where: t.contains) { return "hybrid" }
        let full = ["100 % télétravail", "100% télétravail", "100 % remote", "100% remote", "télétravail complet",
                    "télétravail total", "full remote", "fully remote", "à domicile", "a domicile", "home office",
                    "depuis chez vous", "work from home", "télétravail", "teletravail", "remote", "telecommute"]
        if full.contains(where: t.contains) { return "full" }
        let onSite = ["sur site", "présentiel", "presentiel", "on-site", "on site", "onsite", "pas de télétravail",
                      "no remote"]
        if onSite.contains(where: t.contains) { return "on_site" }
        return nil
    }

    /// `full`, `hybrid` or `on_site` from an offer's running text (title and description), on explicit phrases
    /// only: a description's "temps partiel" is about hours, not about remote work.
    public static func fromText(_ text: String) -> String? {
        let t = text.lowercased().replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "\u{00A0}", with: " ")
        let hybrid = ["télétravail partiel", "jours de télétravail", "jour de télétravail", "télétravail hybride",
                      "mode hybride", "hybrid remote", "days remote", "days from home"]
        let full = ["100 % télétravail", "100% télétravail", "100 % à distance", "100% à distance", "télétravail complet",
                    "télétravail total", "full remote", "fully remote", "100% remote", "100 % remote", "à domicile",
                    "depuis votre domicile", "depuis chez vous", "home office", "work from home"]
        let onSite = ["sur site", "en présentiel", "présentiel", "on-site", "on site", "pas de télétravail"]
        if hybrid.contains(where: t.contains) { return "hybrid" }
        if full.contains(where: t.contains) { return "full" }
        if onSite.contains(where: t.contains) { return "on_site" }
        return nil
    }
}
