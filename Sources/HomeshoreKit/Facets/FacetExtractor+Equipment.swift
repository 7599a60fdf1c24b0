import Foundation

extension FacetExtractor {
    // MARK: - Equipment

    static let itemWords: [(OfferFacets.Equipment, Phrases)] = [
        (.secondScreen, ["second ecran", "double ecran", "deux ecrans", "ecran supplementaire", "second monitor",
                         "dual monitor", "dual monitors", "two monitors", "second screen"]),
        (.computer, ["ordinateur", "ordinateurs", "pc", "laptop", "computer", "poste informatique"]),
        (.headset, ["casque", "casques", "casque-micro", "micro-casque", "headset", "headsets"]),
        (.internet, ["connexion", "internet", "fibre", "adsl", "box", "broadband", "haut debit", "ligne internet"]),
    ]
    /// Words saying the worker provides it.
    static let requiredMarkers = [
        "non fourni", "non fournis", "not provided", "a fournir", "prevoir", "vous fournissez", "a prevoir", "a votre charge",
        "par vos soins", "vous disposez", "disposer", "vous avez", "vous aurez besoin", "besoin", "il vous faut",
        "necessaire", "necessaires", "requis", "requise", "exige", "exigee", "exiges", "obligatoire", "obligatoires",
        "indispensable", "indispensables", "prerequis", "pre-requis", "personnel", "personnelle", "personnels",
        "propre", "votre", "vos", "vous devez", "vous utilisez", "vous apportez", "you need", "you must", "required",
        "your own", "must have", "you provide", "you will need", "conditions", "equipement necessaire",
    ]
    /// Words saying the employer provides it.
    static let providedMarkers = [
        "fourni", "fournis", "fournie", "fournies", "nous fournissons", "prete", "pretes", "pretee", "envoyes",
        "envoye", "provided", "we ship", "shipped", "aucun materiel a prevoir", "aucune depense de materiel",
        "aucun equipement a fournir", "aucun frais", "company laptop", "mis a disposition", "we provide",
    ]

    /// The markers in the order they are tried, sorted once (longest first within each group): provided ones
    /// starting with "aucun", then required ones, then provided ones; each with whether it says "required".
    static let markerGroups: [(Phrases, Bool)] = [
        (providedMarkers.filter { $0.hasPrefix("aucun") }, false), (requiredMarkers, true), (providedMarkers, false),
    ].map { words, required in (Phrases(words.sorted(by: { $0.count > $1.count })), required) }

    static func equipment(_ text: FacetText) -> [OfferFacets.Facet<OfferFacets.Equipment>] {
        var result: [OfferFacets.Facet<OfferFacets.Equipment>] = []
        let markerCandidates = markerGroups.map { $0.0.candidates(in: text) }
        let itemCandidates = itemWords.map { $0.1.candidates(in: text) }
        for s in text.sentences {
            let f = s.folded
            // Markers, the negated and longer ones first so that "non fourni" is not read as "fourni".
            var marks: [(Range<String.Index>, Bool)] = []
            func covered(_ r: Range<String.Index>) -> Bool { marks.contains { $0.0.overlaps(r) } }
            for (k, (words, required)) in markerGroups.enumerated() {
                for i in markerCandidates[k] {
                    for r in s.wordRanges(of: words, at: i) where !covered(r) { marks.append((r, required)) }
                }
            }
            let lead = f.hasPrefix(" materiel :") || f.hasPrefix(" equipement :") || f.hasPrefix(" prerequis")
            guard !marks.isEmpty || lead else { continue }
            var seenItem: Set<OfferFacets.Equipment> = []
            for (k, (item, words)) in itemWords.enumerated() {
                for i in itemCandidates[k] {
                    let w = words[i]
                    for r in s.wordRanges(of: words, at: i) where !seenItem.contains(item) {
                        if covered(r) { continue }
                        if item == .internet && w == "fournisseur" { continue }
                        // The nearest marker decides; with none, a "Matériel :" line lists what to bring.
                        // Markers of the item's own clause first (", nous fournissons..." starts another one).
                        let own = marks.filter { clause(of: $0.0, in: f) == clause(of: r, in: f) }
                        let nearest = (own.isEmpty ? marks : own).min { distance($0.0, r, in: f) < distance($1.0, r, in: f) }
                        let required = nearest?.1 ?? lead
                        if required {
                            seenItem.insert(item)
                            var value = item
                            if item == .computer && s.hasWord(["windows"]) { value = .windowsPC }
                            if !result.contains(where: { $0.value == value }) { result.append(.init(value, evidence: s.original)) }
                        }
                    }
                }
            }
        }
        if result.contains(where: { $0.value == .windowsPC }) { result.removeAll { $0.value == .computer } }
        let order = OfferFacets.Equipment.allCases
        return result.sorted { order.firstIndex(of: $0.value)! < order.firstIndex(of: $1.value)! }
    }

    /// The index of the clause holding `r`: clauses are cut where a comma starts a new subject.
    static func clause(of r: Range<String.Index>, in s: String) -> Int {
        let head = s[..<r.upperBound]
        return [", nous ", ", vous ", ", we ", ", you ", ", le materiel ", ", l'ordinateur "].reduce(0) { n, cut in
            n + head.components(separatedBy: cut).count - 1
        }
    }

    static func distance(_ a: Range<String.Index>, _ b: Range<String.Index>, in s: String) -> Int {
        if a.upperBound <= b.lowerBound { return s.distance(from: a.upperBound, to: b.lowerBound) }
        if b.upperBound <= a.lowerBound { return s.distance(from: b.upperBound, to: a.lowerBound) }
        return 0
    }

    // MARK: - Training

    static let trainingWords: Phrases = ["formation", "formations", "training", "onboarding", "integration"]
    static let unpaidWords: Phrases = ["non remuneree", "non remunere", "non payee", "non paye", "pas remuneree", "pas payee",
                              "n'est pas remuneree", "n'est pas payee", "unpaid", "not paid", "non retribuee",
                              "sans remuneration", "benevole"]
    static let paidWords: Phrases = ["remuneree", "remunere", "payee", "paye", "paid", "retribuee", "remuneree au smic"]

    static func training(_ text: FacetText) -> OfferFacets.Facet<OfferFacets.Training> {
        for s in text.sentences where s.hasWord(trainingWords) {
            if s.hasWord(unpaidWords) { return .init(.unpaid, evidence: s.original) }
            if s.hasWord(paidWords) { return .init(.paid, evidence: s.original) }
        }
        return .init(.unknown, evidence: nil)
    }
}
