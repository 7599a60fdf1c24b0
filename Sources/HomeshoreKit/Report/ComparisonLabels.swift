import Foundation

/// The words of the comparison page (`homeshore report`), in the digest's two languages.
extension DigestLabels {
    var reportTitle: String { t("Homeshore : comparaison des employeurs", "Homeshore: employers compared") }
    func reportDate(_ day: String) -> String { t("Page du \(day)", "Page of \(day)") }
    var method: String {
        let n = Int(EmployerScore.priorCount), days = Int(EmployerScore.halfLifeDays)
        let mean = String(format: "%.1f", EmployerScore.priorMean)
        return t("Note sur 5 : moyenne bayésienne des avis avec un a priori de \(n) avis à \(mean.replacingOccurrences(of: ".", with: ",")), "
            + "les avis récents pesant davantage (demi-vie de \(days) jours) ; la barre est l'intervalle de Wilson à 95 %.",
            "Score out of 5: a Bayesian mean of the reviews with a prior of \(n) reviews at \(mean), recent reviews "
            + "weighing more (half-life \(days) days); the bar is the 95% Wilson interval.")
    }
    var chartTitle: String { t("Notes et intervalles", "Scores and intervals") }
    var chartLabel: String {
        t("Note de chaque employeur sur une échelle de 1 à 5, avec son intervalle à 95 %",
          "Each employer's score on a 1 to 5 scale, with its 95% interval")
    }
    var tableTitle: String { t("Tableau", "Table") }
    var employerColumn: String { t("Employeur", "Employer") }
    var scoreColumn: String { t("Note", "Score") }
    var intervalColumn: String { t("Intervalle 95 %", "95% interval") }
    var reviewsColumn: String { t("Avis", "Reviews") }
    var trendColumn: String { t("Tendance", "Trend") }
    var worstColumn: String { t("Pire aspect", "Worst aspect") }
    var heatTitle: String { t("Aspects : de quoi parlent les avis", "Aspects: what the reviews speak of") }
    var heatNote: String {
        t("Le chiffre est le nombre de mentions ; la couleur va du rouge (négatif) au vert (positif).",
          "The figure is the number of mentions; the colour runs from red (negative) to green (positive).")
    }
    var flagsTitle: String { t("Signaux d'alerte, cités dans les avis", "Red flags, quoted from the reviews") }
    var noFlags: String { t("Aucun signal d'alerte.", "No red flag.") }
    var employersTitle: String { t("Par employeur", "By employer") }
    func offersTitle(_ days: Int) -> String {
        t("Offres ouvertes (vues ces \(days) derniers jours)", "Open offers (seen in the last \(days) days)")
    }
    var noOffers: String { t("Aucune offre vue récemment.", "No offer seen lately.") }
    var unreviewed: String { t("Employeurs sans avis", "Employers without reviews") }
    var noReviewsAtAll: String {
        t("Aucun employeur n'a encore d'avis : explorez une source de type 'reviews'.",
          "No employer has reviews yet: crawl a source of kind 'reviews'.")
    }
    var undated: String { t("sans date", "undated") }
    func review(on date: String?) -> String {
        guard let date else { return t("l'avis", "the review") }
        return t("avis du \(date)", "review of \(date)")
    }
    func mentions(_ n: Int, positive: Int, negative: Int) -> String {
        t("\(n) mention(s) : \(positive) positive(s), \(negative) négative(s)",
          "\(n) mention(s): \(positive) positive, \(negative) negative")
    }
    func flagCount(_ n: Int) -> String { t("\(n) avis", n == 1 ? "1 review" : "\(n) reviews") }

    func aspect(_ a: Aspect) -> String {
        switch a {
        case .pay: return t("rémunération", "pay")
        case .paymentReliability: return t("paiements à temps", "payment reliability")
        case .management: return t("encadrement", "management")
        case .training: return t("formation", "training")
        case .schedule: return t("horaires", "schedule")
        case .equipment: return t("matériel", "equipment")
        case .recruitment: return t("recrutement", "recruitment")
        case .workload: return t("charge de travail", "workload")
        }
    }

    func flag(_ kind: RedFlag.Kind) -> String {
        switch kind {
        case .nonPayment: return t("impayés ou retards de paie", "pay missing or late")
        case .payToWork: return t("payer pour travailler", "paying to work")
        case .unpaidTraining: return t("formation non payée", "unpaid training")
        case .forcedSelfEmployment: return t("auto-entreprise imposée", "forced self-employment")
        case .payPerAct: return t("payé à l'acte", "pay per act")
        case .harassment: return t("harcèlement", "harassment")
        }
    }

    /// A number with the language's decimal mark.
    func number(_ value: Double, digits: Int = 1) -> String {
        let text = String(format: "%.\(digits)f", value)
        return language == .fr ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}
