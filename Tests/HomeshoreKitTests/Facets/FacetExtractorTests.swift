import Foundation
import Testing
@testable import HomeshoreKit

@Suite struct FacetExtractorTests {
    func facets(_ text: String) -> OfferFacets { FacetExtractor.facets(title: nil, description: text) }

    @Test(arguments: [
        ("Télétravail : 2 jours de télétravail par semaine.", "hybrid"),
        ("Poste 100 % télétravail, en CDI.", "full"),
        ("Travail à domicile, temps plein.", "full"),
        ("Home office, full-time.", "full"),
        ("Hybrid: 2 days in the Lyon office, 3 days remote.", "hybrid"),
        ("Poste en présentiel, pas de télétravail possible.", "on_site"),
        ("Vous planifiez les interventions de nos aides à domicile. Poste basé dans notre agence de Dijon.", "on_site"),
        ("Poste en télétravail, déplacements ponctuels au siège.", "full"),
        ("Vous traitez les appels des clients.", "unknown"),
    ])
    func remote(_ text: String, _ expected: String) {
        #expect(facets(text).remote.value.rawValue == expected)
        if expected != "unknown" { #expect(facets(text).remote.evidence.map { text.contains($0) } == true) }
    }

    @Test func telecommuteIsAHintOnly() {
        var offer = Offer(source: "s", url: "u")
        offer.remote = "full"
        offer.description = "Le télétravail est possible à raison de deux jours par semaine."
        #expect(FacetExtractor.facets(for: offer).remote.value == .hybrid)
        offer.description = "Vous répondez aux clients."
        let silent = FacetExtractor.facets(for: offer).remote
        #expect(silent.value == .full)
        #expect(silent.evidence?.contains("structured") == true)
    }

    @Test(arguments: [
        ("12 € / heure brut.", 12.0, 12.0, "hour"),
        ("Salaire : 1 800 € brut mensuel.", 1800, 1800, "month"),
        ("Rémunération : 35 000 - 45 000 € / an.", 35000, 45000, "year"),
        ("Rémunération : 1\u{00A0}850,50 € brut par mois.", 1850.5, 1850.5, "month"),
        ("Salaire horaire brut : 12,35 €.", 12.35, 12.35, "hour"),
        ("Entre 1 900 et 2 100 € brut mensuels.", 1900, 2100, "month"),
        ("0,50 € par appel traité et 8 € par rendez-vous confirmé.", 0.5, 8, "act"),
        ("Salary: €26,000 per year gross.", 26000, 26000, "year"),
        ("Salary: 28k€ per year.", 28000, 28000, "year"),
        ("TJM : 180 € par jour.", 180, 180, "day"),
        // The nearest period decides: the act belongs to the bonus.
        ("Salaire : 12,10 € brut / heure + prime par rendez-vous honoré.", 12.1, 12.1, "hour"),
        ("Salary: 24 000 - 28 000 € / an (gross), paid monthly.", 24000, 28000, "year"),
    ])
    func payAmounts(_ text: String, _ min: Double, _ max: Double, _ period: String) {
        let pay = facets(text).pay
        #expect(pay.min == min)
        #expect(pay.max == max)
        #expect(pay.period?.rawValue == period)
        #expect(pay.currency == "EUR")
        #expect(pay.evidence == text)
    }

    /// Structured pay keeps its period unless the text gives that very amount per act.
    @Test(arguments: [
        (12.1, "Salaire : 12,10 € brut / heure + prime de 2 € par rendez-vous honoré.", "hour"),
        (12.1, "Prime : 0,50 € par appel traité, en plus du salaire.", "hour"),
        (0.5, "Rémunération : 0,50 € par appel traité.", "act"),
    ])
    func structuredPayAndActs(_ amount: Double, _ text: String, _ period: String) {
        var offer = Offer(source: "t", url: "https://t.example/1")
        offer.description = text
        offer.salaryMin = amount
        offer.salaryMax = amount
        offer.salaryPeriod = "hour"
        offer.currency = "EUR"
        let pay = FacetExtractor.facets(for: offer).pay
        #expect(pay.period?.rawValue == period)
        #expect(pay.min == amount)
    }

    @Test(arguments: [
        "Rémunération à l'acte.",
        "Rémunération uniquement à la commission : 12 % du montant de chaque vente.",
        "Commission only: 10% of each signed contract.",
        "Rémunération : 5 % des sommes recouvrées.",
    ])
    func payPerActWithoutAmount(_ text: String) {
        let pay = facets(text).pay
        #expect(pay.period == .act)
        #expect(pay.perAct)
        #expect(pay.min == nil)
    }

    @Test func fixedPayWithCommissionIsMonthlyAndPerAct() {
        let pay = facets("Fixe de 1 900 € brut mensuel + commissions non plafonnées.").pay
        #expect(pay.period == .month)
        #expect(pay.perAct)
        let bonus = facets("Salaire : 1 850 € brut mensuel + primes trimestrielles.").pay
        #expect(!bonus.perAct)
    }

    @Test func structuredSalaryWinsButActInTextMakesItAct() {
        var offer = Offer(source: "s", url: "u")
        offer.salaryMin = 12.5
        offer.salaryMax = 12.5
        offer.salaryPeriod = "hour"
        offer.description = "Rémunération : 13 € de l'heure."
        #expect(FacetExtractor.facets(for: offer).pay.min == 12.5)
        offer.salaryPeriod = nil
        offer.description = "Vous êtes payé 0,80 € par appel traité."
        #expect(FacetExtractor.facets(for: offer).pay.period == .act)
    }

    @Test(arguments: [
        ("CDD de 2 mois pouvant évoluer en CDI.", ["cdd"]),
        ("Nous ne travaillons pas avec des auto-entrepreneurs. Contrat : CDI.", ["cdi"]),
        ("Vous êtes autonome, rigoureux et indépendant dans votre organisation.", []),
        ("Contrat en CDD ou en intérim selon votre préférence.", ["cdd", "interim"]),
        ("Statut au choix : auto-entrepreneur ou portage salarial.", ["freelance", "portage"]),
        ("En alternance sur 24 mois.", ["apprenticeship"]),
        ("Formation interne de deux semaines.", []),
    ])
    func contracts(_ text: String, _ expected: [String]) {
        #expect(facets(text).contract.map(\.value.rawValue) == expected)
    }

    @Test(arguments: [
        ("Temps partiel de 17 h 30 par semaine, les après-midi.", "part_time", 17.5),
        ("CDI, 35 h.", "full_time", 35),
        ("Part-time, 20 hours per week.", "part_time", 20),
        ("Temps plein ou temps partiel (28 h) au choix.", "unknown", nil),
        ("Vous recevez les appels de 18 h à 22 h en semaine.", "unknown", nil),
    ] as [(String, String, Double?)])
    func hours(_ text: String, _ kind: String, _ perWeek: Double?) {
        #expect(facets(text).hours.value.rawValue == kind)
        #expect(facets(text).hours.perWeek == perWeek)
    }

    @Test(arguments: [
        ("Vous recevez les appels de 18 h à 22 h en semaine.", ["evening"]),
        ("Du lundi au vendredi, jamais le week-end.", []),
        ("Part-time, Monday to Friday, no weekends.", []),
        ("Travail un samedi sur deux.", ["weekend"]),
    ])
    func schedule(_ text: String, _ expected: [String]) {
        #expect(facets(text).hours.schedule.map(\.value.rawValue) == expected)
    }

    @Test(arguments: [
        ("Candidature par e-mail avec CV. Un premier entretien téléphonique vous sera proposé.", [String]()),
        ("Vous répondez aux clients uniquement par écrit : e-mails et chat en direct, aucun appel.", ["email", "chat"]),
        ("Vous modérez les pages Facebook et Instagram.", ["social_media"]),
    ])
    func channels(_ text: String, _ expected: [String]) {
        #expect(facets(text).channels.map(\.value.rawValue) == expected)
    }

    @Test(arguments: [
        ("Aucun matériel à prévoir : l'ordinateur et le casque vous sont envoyés.", [String]()),
        ("Casque fourni ; ordinateur personnel exigé.", ["computer"]),
        ("Prérequis techniques : PC sous Windows, box internet avec connexion filaire, casque USB.",
         ["windows_pc", "headset", "internet"]),
        ("Vous aurez besoin d'un ordinateur personnel et d'une connexion fibre, nous fournissons un second écran.",
         ["computer", "internet"]),
        ("A Windows laptop and a USB headset are required (not provided).", ["windows_pc", "headset"]),
    ])
    func equipment(_ text: String, _ expected: [String]) {
        #expect(facets(text).equipment.map(\.value.rawValue) == expected)
    }

    @Test(arguments: [
        ("Formation de 4 jours non rémunérée.", "unpaid"),
        ("Formation initiale de trois semaines rémunérée.", "paid"),
        ("Training is not paid.", "unpaid"),
        ("Paid onboarding program.", "paid"),
        ("Formation assurée par nos équipes.", "unknown"),
        ("Pas de formation payante, pas de stock à acheter.", "unknown"),
    ])
    func training(_ text: String, _ expected: String) {
        #expect(facets(text).training.value.rawValue == expected)
    }

    @Test(arguments: [
        ("Vous traitez les appels entrants des abonnés.", ["inbound"]),
        ("Vous appelez des prospects et fixez des rendez-vous pour nos conseillers.", ["outbound", "appointment_setting"]),
        ("Vous gérez le service après-vente par téléphone.", ["inbound", "after_sales"]),
        ("Vous assurez le support technique de niveau 1.", ["tech_support"]),
        ("Vous modérez les commentaires.", ["moderation"]),
    ])
    func tasks(_ text: String, _ expected: [String]) {
        #expect(facets(text).tasks.map(\.value.rawValue) == expected)
    }
}
