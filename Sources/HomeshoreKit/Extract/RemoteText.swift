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
}
