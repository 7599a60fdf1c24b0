/// Finds red flags in a review or in an offer's description, sentence by sentence, with the sentence that raised
/// each one. A cue preceded closely by a negation ("aucun frais d'inscription", "jamais eu de retard de
/// paiement") raises nothing.
public enum RedFlagDetector {
    static let selfEmployed = ["auto-entrepreneur", "autoentrepreneur", "micro-entrepreneur", "siret",
        "indépendant", "freelance", "self-employed"]
    static let required = ["obligatoire", "obligatoirement", "exigé", "requis", "indispensable", "impératif",
        "nécessaire", "required", "mandatory"]

    static let cues: [RedFlag.Kind: [String]] = [
        .nonPayment: [
            "jamais … payé", "jamais … payée", "jamais … payés", "pas été payé", "pas été payée", "pas encore payé",
            "toujours pas payé", "toujours pas payée", "impayé", "impayés", "impayée", "retard de paiement",
            "retards de paiement", "paiement en retard", "paiements en retard", "payé en retard", "payée en retard",
            "payés en retard", "salaire en retard", "jamais reçu … salaire", "jamais reçu … paiement",
            "pas reçu … salaire", "pas reçu … paiement", "jamais reçu … virement", "pas reçu … virement",
            "never … paid", "not been paid", "late payment", "late payments", "paid late", "unpaid wages",
            "still waiting … pay",
        ],
        .payToWork: [
            "frais d'inscription", "frais de dossier", "frais de formation", "formation payante", "payer … formation",
            "acheter … matériel", "acheter … casque", "acheter … kit", "kit payant", "kit de démarrage",
            "participation aux frais", "registration fee", "pay for … training", "buy … equipment",
            "buy … headset", "starter kit",
        ],
        .unpaidTraining: [
            "formation non rémunérée", "formation non payée", "formation pas rémunérée", "formation pas payée",
            "formation … non rémunérée", "formation … non payée", "formation … pas payée", "formation … pas rémunérée",
            "formation … bénévole", "formation … gratuitement", "unpaid training", "training … unpaid",
            "training … not paid",
        ],
        .forcedSelfEmployment: [
            "obligé … auto-entrepreneur", "obligée … auto-entrepreneur", "obligés … auto-entrepreneur",
            "passer auto-entrepreneur", "créer … statut", "imposé … auto-entrepreneur", "forced … self-employed",
            "must be self-employed",
        ],
        .payPerAct: [
            "payé à l'acte", "payée à l'acte", "payé à l'appel", "payée à l'appel", "payés à l'appel",
            "rémunération à l'acte", "rémunération à l'appel", "rémunéré à l'appel", "rémunérée à l'appel",
            "rémunéré à l'acte", "par appel traité", "centimes par appel", "centimes l'appel", "par appel",
            "en dessous du smic", "sous le smic", "moins que le smic", "pay per call", "paid per call",
            "per call", "below minimum wage",
        ],
        .harassment: [
            "harcèlement", "harcelé", "harcelée", "harcelés", "harceler", "humilié", "humiliée", "humiliation",
            "insulté", "insultée", "insultes", "menaces", "menacé", "menacée", "harassment", "harassed", "bullied",
            "bullying",
        ],
    ]

    static let patterns: [(RedFlag.Kind, [TextPattern])] = RedFlag.Kind.allCases.map { kind in
        (kind, (cues[kind] ?? []).map(TextPattern.init))
    }
    static let selfEmployedPatterns = selfEmployed.map(TextPattern.init)
    static let requiredPatterns = required.map(TextPattern.init)
    static let negators: Set<String> = ["pas", "aucun", "aucune", "aucuns", "aucunes", "sans", "jamais", "ni",
        "no", "never", "not", "without", "zero"]

    /// The red flags a review raises.
    /// - Parameter text: the review.
    /// - Returns: one flag a kind and sentence, in text order.
    public static func flags(inReview text: String) -> [RedFlag] {
        flags(in: Sentences.split(text), offer: false)
    }

    /// The red flags an offer's description raises: the same cues as reviews, plus self-employment required
    /// ("statut auto-entrepreneur obligatoire", "SIRET exigé").
    /// - Parameter text: the offer's description.
    /// - Returns: one flag a kind and sentence, in text order.
    public static func flags(inOffer text: String) -> [RedFlag] {
        flags(in: Sentences.split(text), offer: true)
    }

    static func flags(in sentences: [Sentences.Sentence], offer: Bool) -> [RedFlag] {
        var found: [RedFlag] = []
        for sentence in sentences {
            for (kind, patterns) in patterns {
                if let pattern = firstCue(patterns, in: sentence.words) {
                    found.append(RedFlag(kind: kind, sentence: sentence.text, trigger: pattern.source))
                }
            }
            if offer, !found.contains(where: { $0.kind == .forcedSelfEmployment && $0.sentence == sentence.text }),
                let status = firstCue(selfEmployedPatterns, in: sentence.words),
                let need = firstCue(requiredPatterns, in: sentence.words)
            {
                found.append(RedFlag(kind: .forcedSelfEmployment, sentence: sentence.text,
                    trigger: "\(status.source) … \(need.source)"))
            }
        }
        return found
    }

    /// The first pattern that matches and is not negated just before its match.
    static func firstCue(_ patterns: [TextPattern], in words: [String]) -> TextPattern? {
        for pattern in patterns {
            guard let at = pattern.firstMatch(in: words) else { continue }
            let before = words[max(0, at - 3)..<at]
            if before.contains(where: negators.contains) { continue }
            return pattern
        }
        return nil
    }
}
