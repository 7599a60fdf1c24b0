import Foundation

/// The words of a digest in French or English.
public struct DigestLabels: Sendable {
    /// A digest's language.
    public enum Language: String, Sendable, CaseIterable {
        case fr, en

        /// The language of the environment's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`): French when it starts with
        /// `fr`, English otherwise.
        public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
            -> Language
        {
            for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
                if let value = environment[name], !value.isEmpty {
                    return value.lowercased().hasPrefix("fr") ? .fr : .en
                }
            }
            return .en
        }
    }

    public let language: Language

    public init(_ language: Language) { self.language = language }

    /// The French or the English text, by the language.
    func t(_ fr: String, _ en: String) -> String { language == .fr ? fr : en }

    var title: String { t("Homeshore : nouvelles offres", "Homeshore: new offers") }
    func summary(_ count: Int, since: String?) -> String {
        let offers = count == 1 ? t("1 nouvelle offre", "1 new offer") : t("\(count) nouvelles offres", "\(count) new offers")
        guard let since else { return offers }
        return offers + t(" depuis le \(since)", " since \(since)")
    }
    func filtered(_ count: Int) -> String {
        t("\(count) écartée(s) par vos filtres, masquages ou blocages", "\(count) left out by your filters, hidden marks or blocks")
    }
    var none: String { t("Aucune nouvelle offre.", "No new offers.") }
    var problemsTitle: String { t("Cette nuit", "Overnight") }
    func problems(_ list: [DigestProblem]) -> String {
        let parts = list.map { p -> String in
            let what: String
            switch p.status {
            case "failed": what = t("a échoué", "failed")
            case "blocked": what = t("a été bloquée", "was blocked")
            case "broken": what = t("a peut-être une recette cassée", "may have a broken recipe")
            default: what = t("n'a été lue qu'en partie", "was only partly read")
            }
            return "\(p.source) \(what)" + (p.message.map { " (\($0))" } ?? "")
        }
        let verb = t("Attention : ", "Warning: ")
        return verb + parts.joined(separator: "; ") + t(". Ses offres peuvent manquer.", ". Its offers may be missing.")
    }
    var unknownEmployer: String { t("Employeur non indiqué", "Employer not given") }
    var noScore: String { t("pas encore de note", "no score yet") }
    func reviews(_ n: Int) -> String { t("\(n) avis", n == 1 ? "1 review" : "\(n) reviews") }
    var payPerAct: String { t("PAYÉ À L'ACTE", "PAY PER ACT") }
    var posted: String { t("publiée le", "posted") }
    var firstSeen: String { t("vue le", "seen") }
    func remote(_ value: String) -> String? {
        switch value {
        case "full": return t("télétravail complet", "fully remote")
        case "hybrid": return t("télétravail partiel", "hybrid")
        case "on_site": return t("sur site", "on site")
        default: return nil
        }
    }
    func period(_ p: OfferFacets.PayPeriod) -> String {
        switch p {
        case .hour: return t("heure", "hour")
        case .day: return t("jour", "day")
        case .week: return t("semaine", "week")
        case .month: return t("mois", "month")
        case .year: return t("an", "year")
        case .act: return t("acte", "act")
        }
    }
    func mark(_ m: OfferMark) -> String {
        switch m {
        case .applied: return t("candidature envoyée", "applied")
        case .interesting: return t("intéressante", "interesting")
        case .hidden: return t("masquée", "hidden")
        }
    }
    var links: String { t("Liens", "Links") }
    var footer: String {
        t("Masquer une offre : homeshore mark ID hidden. Bloquer un employeur : homeshore block NOM.",
          "Hide an offer: homeshore mark ID hidden. Block an employer: homeshore block NAME.")
    }
}
