import Foundation
import Testing
@testable import HomeshoreKit

/// Precision and recall of "same job" on labeled pairs: generated variations and hand-written hard cases.
@Suite struct DedupQualityTests {
    static func offer(_ source: String, _ title: String, _ employer: String, _ town: String?, _ postcode: String? = nil,
                      contract: String? = "CDI", pay: Double? = nil, period: String? = "hour", time: String = "FULL_TIME",
                      _ description: String) -> Offer {
        var o = Offer(source: source, url: "https://\(source).example/o/\(abs(title.hashValue % 10000))")
        o.title = title
        o.employer = employer
        o.location = town
        o.postalCode = postcode
        o.remote = "full"
        o.contract = contract
        o.employmentType = [time]
        o.salaryMin = pay
        o.salaryMax = pay
        o.salaryPeriod = pay == nil ? nil : period
        o.currency = pay == nil ? nil : "EUR"
        o.description = description
        return o
    }

    static let agency = "Vous rejoignez Orvicall, acteur de la relation client externalisée depuis quinze ans. "
        + "Nous accompagnons des marques de premier plan sur le téléphone, l’e-mail et le chat. Nos conseillers "
        + "travaillent depuis chez eux partout en France, avec un accompagnement quotidien par un superviseur dédié. "
        + "Nous étudions toutes les candidatures sans condition de diplôme. Équipement requis : ordinateur récent, "
        + "casque USB et fibre filaire. "

    /// Hand-written hard cases (fictional employers).
    static let hard: [(Offer, Offer, Bool)] = [
        (offer("a", "Téléconseiller en télétravail (F/H)", "Kaliocall", "Lille", "59000", pay: 12.5,
               "Pour le service client d’un opérateur télécom, Kaliocall recrute des conseillers à Lille. Prendre en charge les appels entrants, diagnostiquer les pannes box et mobile."),
         offer("b", "Conseiller client à domicile H/F", "KALIOCALL SAS", "Lille", "59000", pay: 12.5,
               "KALIOCALL SAS recherche pour un opérateur télécom des conseillers clients. Gérer les appels entrants, résoudre les incidents box et mobile."), true),
        (offer("a", "Conseiller SAV à domicile H/F", "Miradesk", "Rennes", pay: 1850, period: "month",
               "Miradesk recrute pour le SAV d’un fabricant de vélos électriques. Diagnostiquer les pannes à distance, commander les pièces détachées."),
         offer("b", "Conseiller service après-vente en télétravail F/H", "Miradesk Groupe", "Rennes", "35000", pay: 1850, period: "month",
               "Miradesk recrute des conseillers service après-vente pour un fabricant de vélos à assistance électrique. Commander les pièces détachées."), true),
        // Boilerplate-heavy agency: two jobs, same town, same title, different clients and pay.
        (offer("a", "Conseiller client à domicile H/F", "Orvicall", "Nantes", pay: 11.88,
               agency + "Mission : le service abonnés d’un grand quotidien régional, abonnements et livraisons du journal."),
         offer("b", "Conseiller client à domicile H/F", "Orvicall", "Nantes", pay: 13.5,
               agency + "Mission : l’assistance d’un constructeur automobile, dépannage et remorquage sur autoroute."), false),
        (offer("a", "Conseiller client à domicile H/F", "Orvicall", "Nantes", pay: 12,
               agency + "Mission : le service abonnés d’un grand quotidien régional, abonnements et livraisons du journal."),
         offer("b", "Téléconseiller à domicile (H/F)", "Orvicall", "Nantes", pay: 12,
               agency + "Mission : la hotline d’un éditeur de logiciels de paie, licences, mises à jour et sauvegardes."), false),
        // Same title, same employer, two towns.
        (offer("a", "Téléconseiller à domicile H/F", "Kaliocall", "Amiens", "80000", pay: 12.5, "Kaliocall recrute des téléconseillers pour un fournisseur d’énergie."),
         offer("b", "Téléconseiller à domicile H/F", "Kaliocall", "Lille", "59000", pay: 12.5, "Kaliocall recrute des téléconseillers pour un fournisseur d’énergie."), false),
        // CDI and CDD.
        (offer("a", "Téléconseiller à domicile H/F", "Kaliocall", "Amiens", contract: "CDI", "Kaliocall recrute des téléconseillers pour un fournisseur d’énergie."),
         offer("b", "Téléconseiller à domicile H/F", "Kaliocall", "Amiens", contract: "CDD", "Kaliocall recrute des téléconseillers pour un fournisseur d’énergie."), false),
        // Full time and week-ends only.
        (offer("a", "Téléconseiller à domicile H/F", "Kaliocall", "Amiens", pay: 1850, period: "month", "Kaliocall renforce son équipe pour un fournisseur d’énergie. Temps plein 35 h/semaine."),
         offer("b", "Téléconseiller à domicile - week-ends (H/F)", "Kaliocall", "Amiens", pay: 13.2, time: "PART_TIME", "Kaliocall renforce ses équipes du week-end. Temps partiel, samedi et dimanche."), false),
        // A repost with a new date and the end trimmed.
        (offer("a", "Modérateur réseaux sociaux à domicile (H/F)", "Solearelais", "Toulouse", contract: "Intérim", pay: 11.88, time: "PART_TIME",
               "Solearelais recrute en intérim des modérateurs pour une plateforme de petites annonces. Valider ou refuser les annonces, signaler les contenus frauduleux. Temps partiel 24 h/semaine."),
         offer("b", "Modérateur / Modératrice de contenus - télétravail", "Solearelais SAS", "Toulouse", "31000", contract: nil, pay: 11.88, time: "PART_TIME",
               "Solearelais SAS recherche des modérateurs intérimaires pour un site de petites annonces. Contrôler les annonces publiées, signaler les arnaques."), true),
        // Same employer and town, another job.
        (offer("a", "Superviseur d’équipe à domicile (H/F)", "Kaliocall", "Lille", pay: 28000, period: "year", "Kaliocall recherche un superviseur pour animer une équipe de téléconseillers."),
         offer("b", "Conseiller client à domicile H/F", "Kaliocall", "Lille", pay: 12.5, "Kaliocall recherche des conseillers clients pour un opérateur télécom."), false),
        // English and French titles of one job.
        (offer("a", "Customer Support Agent (remote, French speaker)", "Luminaline Partners", "Marseille", "13001", pay: 24000, period: "year",
               "Luminaline Partners is hiring French-speaking support agents for a European travel booking platform."),
         offer("b", "Agent support client bilingue à domicile (H/F)", "Luminaline Partners SARL", "Marseille", "13001", pay: 24000, period: "year",
               "Luminaline Partners SARL recrute des agents bilingues français-anglais pour une plateforme de voyages."), true),
    ]

    struct Counts { var tp = 0, fp = 0, fn = 0, tn = 0
        var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
        var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
    }

    static func measure(_ pairs: [(Offer, Offer, Bool)], failures: inout [String]) -> Counts {
        let grouper = OfferGrouper()
        for (a, b, _) in pairs {
            grouper.observe(grouper.features(of: a, facets: nil))
            grouper.observe(grouper.features(of: b, facets: nil))
        }
        var counts = Counts()
        for (a, b, same) in pairs {
            let said = grouper.same(a, b)
            switch (said, same) {
            case (true, true): counts.tp += 1
            case (true, false): counts.fp += 1; failures.append("FP \(a.title ?? "") | \(b.title ?? "") | \(a.employer ?? "") \(a.location ?? "")/\(b.location ?? "")")
            case (false, true): counts.fn += 1; failures.append("FN \(a.title ?? "") | \(b.title ?? "") | \(a.employer ?? "")")
            case (false, false): counts.tn += 1
            }
        }
        return counts
    }

    @Test func precisionAndRecallOfSameJob() {
        let generated = SyntheticOffers.labeledPairs(count: 2400, seed: 2026)
        var failures: [String] = []
        let g = Self.measure(generated, failures: &failures)
        let h = Self.measure(Self.hard, failures: &failures)
        let all = Self.measure(generated + Self.hard, failures: &failures)
        print(String(format: "dedup quality  generated %d pairs: precision %.4f recall %.4f | hard %d pairs: precision %.4f recall %.4f | all: precision %.4f recall %.4f (tp %d fp %d fn %d tn %d)",
            generated.count, g.precision, g.recall, Self.hard.count, h.precision, h.recall, all.precision, all.recall, all.tp, all.fp, all.fn, all.tn))
        for f in failures.prefix(15) { print("  " + f) }
        #expect(generated.count + Self.hard.count >= 2000)
        #expect(all.precision >= 0.98)
        #expect(all.recall >= 0.95)
        #expect(h.fp == 0, "a hand-written pair of distinct jobs was merged")
    }
}
