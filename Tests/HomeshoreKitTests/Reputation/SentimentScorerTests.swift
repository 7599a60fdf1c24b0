import Testing
@testable import HomeshoreKit

/// Each rule is checked by the sign of a short text's score (and the rule's effect on it).
@Suite struct SentimentScorerTests {
    static func score(_ text: String) -> Double { SentimentScorer.score(text).score }

    @Test(arguments: [
        ("C'est bon", 1), ("Ce n'est pas bon", -1),
        ("Le manager est compétent", 1), ("Le manager n'est jamais compétent", -1),
        ("Je suis satisfaite", 1), ("Je ne suis plus satisfaite", -1),
        ("Il est agréable", 1), ("Il n'est guère agréable", -1),
        ("Un travail intéressant", 1), ("Un travail sans intérêt", -1),
        ("Une équipe sympa", 1), ("Aucune équipe sympa ici", -1),
        ("Je ne suis pas du tout satisfaite", -1), ("Je n'ai rien aimé", -1),
        ("C'est pas génial", -1), ("Peu efficace", -1),
    ])
    func negation(text: String, sign: Double) {
        #expect(Self.score(text) * sign > 0, "\(text): \(Self.score(text))")
    }

    @Test(arguments: ["Aucun retard", "Je ne regrette pas", "Ce n'est pas mauvais", "Sans aucun problème",
        "Jamais déçue", "Pas de souci"])
    func negatedNegativesArePositive(text: String) {
        #expect(Self.score(text) > 0, "\(text): \(Self.score(text))")
    }

    @Test(arguments: [
        ("Pas mal", 1), ("Pas terrible", -1), ("À éviter", -1), ("Rien à redire", 1), ("Rien à reprocher", 1),
        ("N'importe quoi", -1), ("Sans plus", -1), ("Ne postulez pas", -1),
    ])
    func idiomsComeBeforeNegation(text: String, sign: Double) {
        #expect(Self.score(text) * sign > 0, "\(text): \(Self.score(text))")
    }

    @Test(arguments: [("bon", "très bon"), ("nul", "vraiment nul"), ("satisfaite", "extrêmement satisfaite")])
    func intensifiersStrengthen(plain: String, boosted: String) {
        #expect(abs(Self.score(boosted)) > abs(Self.score(plain)))
    }

    @Test(arguments: [("bon", "assez bon"), ("décevant", "un peu décevant")])
    func attenuatorsWeaken(plain: String, damped: String) {
        #expect(abs(Self.score(damped)) < abs(Self.score(plain)))
        #expect(Self.score(damped) * Self.score(plain) > 0)
    }

    @Test(arguments: [
        ("L'équipe est sympa mais le salaire est catastrophique", -1),
        ("Le salaire est faible mais l'équipe est formidable et bienveillante", 1),
        ("Formation correcte. Cependant le management est désastreux.", -1),
        ("Malgré un salaire correct, une ambiance horrible", -1),
        ("Nice colleagues but terrible management", -1),
    ])
    func contrastWeighsWhatFollows(text: String, sign: Double) {
        #expect(Self.score(text) * sign > 0, "\(text): \(Self.score(text))")
    }

    @Test(arguments: ["mais", "cependant", "pourtant", "par contre", "en revanche"])
    func contrastHalvesBeforeAndStrengthensAfter(marker: String) {
        func weight(_ text: String, _ word: String) -> Double? {
            SentimentScorer.score(text).contributions.first { $0.text.hasSuffix(word) }?.weight
        }
        let text = "Un salaire correct \(marker) une ambiance horrible"
        #expect(weight(text, "correct") == weight("Un salaire correct", "correct").map { $0 * 0.5 })
        #expect(weight(text, "horrible") == weight("Une ambiance horrible", "horrible").map { $0 * 1.5 })
    }

    @Test func concessionHalvesItsClause() {
        let weight = SentimentScorer.score("Malgré un salaire correct, une ambiance horrible").contributions.first {
            $0.text.hasSuffix("correct")
        }?.weight
        #expect(weight == SentimentScorer.score("correct").contributions.first.map { $0.weight * 0.5 })
    }

    @Test(arguments: [("Super boulot 😀", 1), ("Encore un mois 😡", -1), ("Payée ce matin :)", 1),
        ("Toujours rien :(", -1), ("👍", 1), ("👎", -1)])
    func emojiAndEmoticons(text: String, sign: Double) {
        #expect(Self.score(text) * sign > 0, "\(text): \(Self.score(text))")
    }

    @Test(arguments: ["Une arnaque", "Jamais payé", "Retard de paiement", "Sous-payé", "Formation non rémunérée",
        "Harcèlement", "Turnover énorme", "On est fliqué", "Pression des stats", "Payée en retard"])
    func domainExpressionsAreNegative(text: String) {
        #expect(Self.score(text) < 0, "\(text): \(Self.score(text))")
    }

    @Test(arguments: [
        ("Great team and fair pay", 1), ("I do not like this job", -1), ("Not bad at all", 1),
        ("Never got paid, a scam", -1), ("I don't recommend them", -1), ("Late payments, avoid", -1),
    ])
    func english(text: String, sign: Double) {
        let result = SentimentScorer.score(text)
        #expect(result.language == .english)
        #expect(result.score * sign > 0, "\(text): \(result.score)")
    }

    @Test func negativeEvidenceWeighsMore() {
        // one word of each, equal valence in the lexicons: the negative one wins
        #expect(Self.score("bien pas bien") < 0)
    }

    @Test func exclamationPushesFurther() {
        #expect(Self.score("Génial !!!") > Self.score("Génial"))
        #expect(Self.score("Nul !!!") < Self.score("Nul"))
    }

    @Test(arguments: ["", "Le colis est arrivé mardi.", String(repeating: "Excellent, parfait, génial ! ", count: 200),
        String(repeating: "Horrible, nul, arnaque ! ", count: 200)])
    func scoreStaysInRange(text: String) {
        let score = Self.score(text)
        #expect(score >= -1 && score <= 1)
    }

    @Test func contributionsNameTheWords() {
        let result = SentimentScorer.score("Jamais payé, mais formation top")
        #expect(result.contributions.contains { $0.text == "jamais paye" && $0.weight < 0 })
        #expect(result.contributions.contains { $0.text.hasSuffix("top") && $0.weight > 0 })
    }

    @Test func accentsAreFoldedOnBothSides() {
        #expect(Self.score("DÉÇU") == Self.score("decu"))
        #expect(Self.score("decu") < 0)
    }

    @Test func batchScoresKeepOrder() {
        let texts = (0..<300).map { $0 % 2 == 0 ? "Très bien" : "Très mauvais" }
        let scores = SentimentScorer.scores(texts)
        #expect(scores.count == 300)
        #expect(scores.enumerated().allSatisfy { $0.offset % 2 == 0 ? $0.element > 0 : $0.element < 0 })
    }

    @Test func bundledLexiconsLoad() {
        #expect(SentimentLexicon.french.words.count > 5000)
        #expect(SentimentLexicon.english.words.count > 5000)
        #expect(SentimentLexicon.french.words["a"] == nil)  // junk single letters are dropped
        #expect(SentimentLexicon.french.symbols["😀"] ?? 0 > 0)
    }
}
