import Testing
@testable import HomeshoreKit

@Suite struct SentimentTokenizerTests {
    @Test(arguments: [
        ("L'équipe n'était pas là", ["le", "equipe", "ne", "etait", "pas", "la"]),
        ("Qu'il soit payé, c'est tout", ["que", "il", "soit", "paye", "ce", "est", "tout"]),
        ("J’ai dû m’inscrire, s’ils t’appellent", ["je", "ai", "du", "me", "inscrire", "se", "ils", "te", "appellent"]),
        ("jusqu'au bout, lorsqu'on appelle", ["jusque", "au", "bout", "lorsque", "on", "appelle"]),
        ("Sous-payé et DÉÇU", ["sous", "paye", "et", "decu"]),
        ("Cœur, Noël, ÇA", ["coeur", "noel", "ca"]),
        ("I don't know", ["i", "don't", "know"]),
    ])
    func elisionAndFolding(text: String, words: [String]) {
        #expect(SentimentTokenizer.words(text) == words)
    }

    @Test(arguments: [
        ("Top 👍🏽 merci", ["top", "👍", "merci"]),
        ("nul :( vraiment", ["nul", ":(", "vraiment"]),
        ("génial :-) <3", ["genial", ":-)", "<3"]),
    ])
    func emojiAndEmoticonsAreTokens(text: String, tokens: [String]) {
        #expect(SentimentTokenizer.tokenize(text).map(\.text) == tokens)
    }

    @Test func linksAreSkippedWithoutFakeEmoticons() {
        let tokens = SentimentTokenizer.tokenize("voir http://t.co/abc :/ ok")
        #expect(tokens.map(\.text) == ["voir", ":/", "ok"])
    }

    @Test func punctuationBoundsSentencesAndClauses() {
        let kinds = SentimentTokenizer.tokenize("bien, mais nul! Non?").map(\.kind)
        #expect(kinds == [.word, .clause, .word, .word, .exclamation, .word, .question])
    }
}

@Suite struct ReviewLanguageTests {
    @Test(arguments: [
        ("Le salaire est correct mais les retards sont pénibles.", ReviewLanguage.french),
        ("The pay is fine but the managers are rude.", .english),
        ("Never paid, a total scam.", .english),
        ("Arnaque !", .french),
    ])
    func detectsFromStopWords(text: String, language: ReviewLanguage) {
        #expect(ReviewLanguage.detect(text) == language)
    }
}

@Suite struct TextFoldingTests {
    @Test func foldsAccentsCaseAndApostrophes() {
        #expect(TextFolding.fold("Déçue, l’ŒUVRE à ÉVITER") == "decue, l'oeuvre a eviter")
    }
}
