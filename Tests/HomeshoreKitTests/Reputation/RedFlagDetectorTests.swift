import Testing
@testable import HomeshoreKit

@Suite struct RedFlagDetectorTests {
    @Test(arguments: [
        ("Très sympa. Mais jamais payé pour le mois de mai !", RedFlag.Kind.nonPayment,
         "Mais jamais payé pour le mois de mai !"),
        ("Retards de paiement tous les mois.", .nonPayment, "Retards de paiement tous les mois."),
        ("Il faut payer sa formation 200 €.", .payToWork, "Il faut payer sa formation 200 €."),
        ("On doit acheter le casque chez eux.", .payToWork, "On doit acheter le casque chez eux."),
        ("Formation de deux semaines non rémunérée.", .unpaidTraining, "Formation de deux semaines non rémunérée."),
        ("J'ai été obligée de passer auto-entrepreneur.", .forcedSelfEmployment,
         "J'ai été obligée de passer auto-entrepreneur."),
        ("Payé à l'appel, bien en dessous du SMIC.", .payPerAct, "Payé à l'appel, bien en dessous du SMIC."),
        ("Du harcèlement de la part des superviseurs.", .harassment, "Du harcèlement de la part des superviseurs."),
        ("I was never paid for March.", .nonPayment, "I was never paid for March."),
        ("Unpaid training for two weeks.", .unpaidTraining, "Unpaid training for two weeks."),
    ])
    func reviewFlagsWithTheirSentence(text: String, kind: RedFlag.Kind, sentence: String) {
        let flags = RedFlagDetector.flags(inReview: text)
        #expect(flags.contains { $0.kind == kind && $0.sentence == sentence }, "\(flags)")
    }

    @Test(arguments: ["Aucun retard de paiement en deux ans.", "Je n'ai jamais eu de retard de paiement.",
        "Formation rémunérée et matériel fourni.", "Pas de harcèlement, une équipe respectueuse.",
        "Aucun frais d'inscription."])
    func negatedCuesRaiseNothing(text: String) {
        #expect(RedFlagDetector.flags(inReview: text).isEmpty)
    }

    @Test(arguments: [
        ("Des frais d'inscription de 49 € sont demandés.", RedFlag.Kind.payToWork),
        ("Statut auto-entrepreneur obligatoire.", .forcedSelfEmployment),
        ("Numéro SIRET exigé, horaires imposés de 9h à 17h.", .forcedSelfEmployment),
        ("Rémunération à l'appel : 0,45 € par appel traité.", .payPerAct),
        ("Formation initiale non rémunérée de 5 jours.", .unpaidTraining),
    ])
    func offerFlags(text: String, kind: RedFlag.Kind) {
        #expect(RedFlagDetector.flags(inOffer: text).contains { $0.kind == kind })
    }

    @Test func selfEmploymentMentionedAloneIsNotAnOfferFlag() {
        #expect(RedFlagDetector.flags(inOffer: "Poste en CDI, aucun statut auto-entrepreneur.").isEmpty)
        #expect(RedFlagDetector.flags(inOffer: "Nous acceptons les auto-entrepreneurs.").isEmpty)
    }
}

@Suite struct ReviewAnalysisTests {
    @Test(arguments: [
        ("Le salaire est excellent.", Aspect.pay, "positive"),
        ("Le salaire est ridicule.", .pay, "negative"),
        ("Toujours payée en retard.", .paymentReliability, "negative"),
        ("Les managers sont bienveillants.", .management, "positive"),
        ("La formation est bâclée.", .training, "negative"),
        ("Les horaires sont flexibles et agréables.", .schedule, "positive"),
        ("Le casque fourni est de très bonne qualité.", .equipment, "positive"),
        ("Le recrutement est rapide et clair.", .recruitment, "positive"),
        ("La pression est insupportable.", .workload, "negative"),
        ("Great training and kind trainers.", .training, "positive"),
    ])
    func aspectsWithPolarity(text: String, aspect: Aspect, polarity: String) {
        let analysis = ReviewAnalysis.analyze(text)
        #expect(analysis.aspects.contains { $0.aspect == aspect && $0.polarity == polarity }, "\(analysis.aspects)")
    }

    @Test func aspectsStayApart() {
        let analysis = ReviewAnalysis.analyze("Le salaire est excellent. La formation est catastrophique.")
        #expect(analysis.aspects.first { $0.aspect == .pay }?.polarity == "positive")
        #expect(analysis.aspects.first { $0.aspect == .training }?.polarity == "negative")
        #expect(!analysis.aspects.contains { $0.aspect == .management })
    }

    @Test func aRedFlagMakesItsAspectNegative() {
        let analysis = ReviewAnalysis.analyze("Super équipe, génial, mais salaire jamais payé en avril.")
        #expect(analysis.redFlags.map(\.kind) == [.nonPayment])
        #expect(analysis.aspects.first { $0.aspect == .paymentReliability }?.polarity == "negative")
    }

    @Test func summaryShowsScoreWordsAndFlags() {
        let summary = ReviewAnalysis.analyze("Formation non rémunérée, à éviter.").summary
        #expect(summary.contains("score: -"))
        #expect(summary.contains("formation non remuneree"))
        #expect(summary.contains("unpaid-training"))
    }
}
