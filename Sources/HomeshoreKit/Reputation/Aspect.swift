/// What an employer review can speak of, for a homeshoring worker.
public enum Aspect: String, Sendable, Hashable, Codable, CaseIterable {
    case pay
    case paymentReliability = "payment-reliability"
    case management
    case training
    case schedule
    case equipment
    case recruitment
    case workload

    /// Words and expressions that show a sentence speaks of the aspect (French and English).
    var cues: [String] {
        switch self {
        case .pay:
            ["salaire", "salaires", "paie", "rémunération", "rémunéré", "rémunérée", "sous-payé", "mal payé",
             "bien payé", "smic", "prime", "primes", "taux horaire", "centimes", "de l'heure",
             "pay", "salary", "wage", "wages", "underpaid", "paid per call"]
        case .paymentReliability:
            ["retard de paiement", "retards de paiement", "paiement", "paiements", "virement", "virements",
             "payé en retard", "payée en retard", "payé à temps", "payée à temps", "jamais payé", "jamais payée",
             "pas été payé", "pas été payée", "impayé", "impayés", "versement", "factures", "late payment",
             "paid on time", "paid late", "never paid", "never got paid", "payment", "payments"]
        case .management:
            ["manager", "managers", "management", "superviseur", "superviseurs", "superviseuse", "responsable",
             "responsables", "chef", "chefs", "direction", "encadrement", "hiérarchie", "team leader", "fliqué",
             "fliqués", "flicage", "supervisor", "supervisors", "boss", "micromanagement"]
        case .training:
            ["formation", "formations", "formateur", "formatrice", "formateurs", "onboarding", "training", "trainer"]
        case .schedule:
            ["horaires", "horaire", "planning", "plannings", "emploi du temps", "week-end", "week-ends", "pause",
             "pauses", "flexibilité", "flexible", "schedule", "shifts", "hours", "flexibility"]
        case .equipment:
            ["matériel", "ordinateur", "pc", "casque", "logiciel", "logiciels", "outils", "connexion", "vpn",
             "equipment", "headset", "computer", "laptop", "software"]
        case .recruitment:
            ["recrutement", "recruteur", "recruteuse", "entretien", "embauche", "candidature", "recruitment",
             "hiring", "interview", "recruiter"]
        case .workload:
            ["charge de travail", "cadence", "cadences", "pression", "stats", "statistiques", "objectifs", "rythme",
             "surcharge", "appels à la chaîne", "workload", "pressure", "targets", "quotas", "stress", "stressant"]
        }
    }

    /// The cues of every aspect, tokenized once.
    static let patterns: [(Aspect, [TextPattern])] = allCases.map { aspect in
        (aspect, aspect.cues.map(TextPattern.init))
    }
}
