import Foundation

/// Reads an offer's facets from its title, description, salary text and structured fields, with rules over folded
/// French and English text. Structured data is a hint where job boards are known to be loose (JSON-LD `TELECOMMUTE`
/// is put on hybrid jobs) and takes precedence where it is precise (salary amounts).
public enum FacetExtractor {
    /// The version of these rules, stored beside each offer's facets (`offers.facets_version`). Raise it whenever a
    /// rule changes what facets an offer gets: an unchanged offer seen again (a page answered 304) keeps its stored
    /// facets only while they were made by the current rules; otherwise they are computed again at the next crawl.
    public static let rulesVersion = 2

    /// The facets of one offer.
    /// - Parameter offer: the offer as extracted (structured fields and text).
    /// - Returns: every facet, each with the sentence that decided it; `unknown` or empty where the offer is silent.
    public static func facets(for offer: Offer) -> OfferFacets {
        let text = FacetText([offer.title, offer.description].compactMap { $0 })
        var facets = OfferFacets()
        facets.remote = remote(text, hint: offer.remote)
        facets.contract = contracts(text, offer: offer)
        facets.pay = pay(text, offer: offer)
        facets.hours = hours(text)
        facets.channels = channels(text)
        facets.tasks = tasks(text)
        facets.equipment = equipment(text)
        facets.training = training(text)
        return facets
    }

    /// Facets of a text alone (title and description), for tests and tools.
    public static func facets(title: String?, description: String?) -> OfferFacets {
        var offer = Offer(source: "", url: "")
        offer.title = title
        offer.description = description
        return facets(for: offer)
    }

    /// The first sentence holding one of the phrases, with the phrase's range.
    static func find(_ text: FacetText, _ phrases: Phrases, where accept: (FacetText.Sentence, Range<String.Index>) -> Bool = { _, _ in true })
        -> FacetText.Sentence?
    {
        let candidates = phrases.candidates(in: text)
        if candidates.isEmpty { return nil }
        for sentence in text.sentences {
            for i in candidates {
                for range in sentence.wordRanges(of: phrases, at: i) where accept(sentence, range) { return sentence }
            }
        }
        return nil
    }

    /// True when the words just before `range` negate it ("pas de", "aucun", "sans", "no", "not").
    static func negated(_ sentence: FacetText.Sentence, _ range: Range<String.Index>, window: Int = 30) -> Bool {
        let s = sentence.folded
        let start = s.index(range.lowerBound, offsetBy: -window, limitedBy: s.startIndex) ?? s.startIndex
        let before = String(s[start..<range.lowerBound])
        return before.hasWord(negators)
    }

    static let negators = ["pas", "aucun", "aucune", "sans", "ni", "no", "not", "non", "jamais", "never"]

    // MARK: - Remote

    static let onSiteStrong: Phrases = [
        "pas de teletravail", "sans teletravail", "pas en teletravail", "teletravail : non", "teletravail: non",
        "ne permet pas le teletravail", "teletravail n'est pas possible", "pas de travail a domicile", "no remote",
        "remote work is not possible", "not remote", "no home working", "no working from home", "office-based",
        "office based", "exclusivement en presentiel",
    ]
    static let hybridWords: Phrases = [
        "teletravail partiel", "teletravail hybride", "mode hybride", "rythme hybride", "hybride", "hybrid",
        "teletravail possible", "teletravail a hauteur de", "remote-friendly", "jours de teletravail", "jour de teletravail",
        "days remote", "day remote", "days from home", "days in the office", "jours sur site", "jours en agence",
        "jours au bureau",
    ]
    static let fullWords: Phrases = [
        "100 % teletravail", "100% teletravail", "teletravail a 100 %", "teletravail a 100%", "teletravail 100 %",
        "teletravail 100%", "teletravail complet", "teletravail total", "teletravail integral", "100 % a distance",
        "100% a distance", "full remote", "fully remote", "100% remote", "100 % remote", "a domicile", "depuis votre domicile",
        "depuis leur domicile", "depuis chez vous", "de chez vous", "home office", "work from home", "working from home",
        "from home", "home-based", "home based", "remotely", "remote", "en teletravail", "teletravail", "a distance",
    ]
    static let onSiteWeak: Phrases = [
        "en presentiel", "presentiel", "sur site", "on-site", "on site", "poste sedentaire", "dans nos bureaux",
        "based in our", "au sein de notre centre", "au sein de notre plateau", "depuis notre plateau", "au cabinet",
        "a la reception", "poste base",
    ]
    static let numberWords = #"(?:\d+|un|une|deux|trois|quatre|one|two|three|four)"#
    nonisolated(unsafe) static let daysPattern = try! NSRegularExpression(pattern:
        #"\b\#(numberWords) (?:jours?|days?)\b"#)
    static let remoteContext: Phrases = ["teletravail", "remote", "from home", "sur site", "au bureau", "en agence", "office",
                                "locaux", "a la maison", "bureau"]

    /// "aides à domicile", "services à domicile": home care, a trade, not remote work.
    static func homeServices(_ s: FacetText.Sentence, _ r: Range<String.Index>) -> Bool {
        let before = s.folded[..<r.lowerBound]
        return ["aide ", "aides ", "services ", "service ", "soins ", "intervention ", "interventions "].contains { before.hasSuffix($0) }
    }

    static func remote(_ text: FacetText, hint: String?) -> OfferFacets.Facet<OfferFacets.Remote> {
        if let s = find(text, onSiteStrong) { return .init(.onSite, evidence: s.original) }
        if let s = find(text, hybridWords, where: { s, r in !negated(s, r) }) { return .init(.hybrid, evidence: s.original) }
        // "télétravail 2 jours par semaine", "3 days from home": days counted with a remote or office word.
        for s in text.sentences where s.mayCountDays && s.hasWord(remoteContext) {
            let ns = s.folded as NSString
            for m in daysPattern.matches(in: s.folded, range: NSRange(location: 0, length: ns.length)) {
                let phrase = ns.substring(with: m.range)
                if phrase.hasPrefix("5 ") || phrase.hasPrefix("cinq") { continue }
                let after = ns.substring(from: m.range.location + m.range.length)
                if after.hasPrefix(" d'integration") || after.hasPrefix(" de formation") { continue }
                return .init(.hybrid, evidence: s.original)
            }
        }
        if let s = find(text, fullWords, where: { s, r in !negated(s, r) && !homeServices(s, r) }) { return .init(.full, evidence: s.original) }
        if let s = find(text, onSiteWeak) { return .init(.onSite, evidence: s.original) }
        if let hint, let value = OfferFacets.Remote(rawValue: hint) {
            return .init(value, evidence: "structured data: remote \(hint)")
        }
        return .init(.unknown, evidence: nil)
    }

    // MARK: - Contract

    static let contractWords: [(OfferFacets.Contract, Phrases)] = [
        (.cdi, ["cdi", "contrat a duree indeterminee", "permanent"]),
        (.cdd, ["cdd", "contrat a duree determinee", "fixed-term", "fixed term", "contrat de vacation",
                "contrats de vacation"]),
        (.interim, ["interim", "interimaire", "travail temporaire", "contrat de mission", "staffing agency",
                    "temporary agency", "agency contract", "temp"]),
        (.freelance, ["freelance", "free-lance", "freelancer", "freelances", "auto-entrepreneur", "auto-entrepreneurs",
                      "auto entrepreneur", "autoentrepreneur", "micro-entrepreneur", "micro-entreprise",
                      "micro entreprise", "self-employed", "independent contractor", "contractor"]),
        (.portage, ["portage salarial", "portage", "umbrella company"]),
        (.apprenticeship, ["alternance", "apprentissage", "apprenti", "apprentie", "contrat de professionnalisation",
                           "contrat pro", "apprenticeship", "apprentice"]),
        (.internship, ["stage", "stagiaire", "internship", "intern"]),
    ]
    /// "indépendant" is a contract only in these phrases: "autonome et indépendant" is a trait.
    static let independentWords: Phrases = ["statut independant", "statut d'independant", "travailleur independant",
                                   "travailleurs independants", "en tant qu'independant", "contrat : independant",
                                   "teleconseillers independants", "conseillers independants", "agents independants"]
    /// A contract named as a later prospect, not as the offer's contract.
    static let prospectBefore = ["en vue d'un", "evoluer en", "evolution en", "possibilite de", "debouchant sur un",
                                 "deboucher sur un", "evolutif en", "perspective de", "suivi d'un"]

    static func contracts(_ text: FacetText, offer: Offer) -> [OfferFacets.Facet<OfferFacets.Contract>] {
        var found: [OfferFacets.Facet<OfferFacets.Contract>] = []
        func add(_ c: OfferFacets.Contract, _ evidence: String) {
            if !found.contains(where: { $0.value == c }) { found.append(.init(c, evidence: evidence)) }
        }
        let contractCandidates = contractWords.map { $0.1.candidates(in: text) }
        let independentCandidates = independentWords.candidates(in: text)
        for s in text.sentences {
            for (k, (contract, words)) in contractWords.enumerated() {
                for i in contractCandidates[k] {
                    let word = words[i]
                    for r in s.wordRanges(of: words, at: i) where !negated(s, r, window: 40) {
                        let start = s.folded.index(r.lowerBound, offsetBy: -22, limitedBy: s.folded.startIndex) ?? s.folded.startIndex
                        let before = String(s.folded[start..<r.lowerBound])
                        if prospectBefore.contains(where: { before.hasSuffix($0 + " ") }) { continue }
                        if contract == .internship && word == "stage" && s.folded[r.upperBound...].hasPrefix(" de formation") { continue }
                        add(contract, s.original)
                    }
                }
            }
            for i in independentCandidates {
                for r in s.wordRanges(of: independentWords, at: i) where !negated(s, r) { add(.freelance, s.original) }
            }
        }
        if let given = offer.contract, let token = ContractText.normalise(given),
           let c = OfferFacets.Contract(rawValue: token) {
            add(c, "structured data: contract \(given)")
        }
        if found.isEmpty, let token = ContractText.fromEmploymentTypes(offer.employmentType),
           let c = OfferFacets.Contract(rawValue: token) {
            add(c, "structured data: employment type \(offer.employmentType.joined(separator: ", "))")
        }
        let order = OfferFacets.Contract.allCases
        return found.sorted { order.firstIndex(of: $0.value)! < order.firstIndex(of: $1.value)! }
    }
}
