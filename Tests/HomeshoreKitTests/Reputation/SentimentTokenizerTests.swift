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

    /// The folding as it was first written, scalar by scalar into a String: the byte-building one must agree.
    static func reference(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x152, 0x153: out.append("o"); out.append("e")
            case 0xC6, 0xE6: out.append("a"); out.append("e")
            case 0xDF: out.append("s"); out.append("s")
            default:
                if let folded = TextFolding.fold(scalar) {
                    out.append(folded)
                } else if scalar.value >= 0x80, scalar.properties.isUppercase {
                    out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                } else {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }

    @Test func foldingEveryScalarOfTheFirstPlanesMatchesTheReference() {
        let scalars = (0x20..<0x3000).compactMap(Unicode.Scalar.init) + (0x1F300..<0x1F700).compactMap(Unicode.Scalar.init)
        let text = String(String.UnicodeScalarView(scalars))
        #expect(Array(TextFolding.fold(text).utf8) == Array(Self.reference(text).utf8))
        for sample in ["", "İstanbul ǅ ẞ ΣΑΣ", "e\u{0301}te\u{0301} 👍🏽 🇫🇷", "L’ŒUVRE\u{00A0}–\u{202F}Æ ß"] {
            #expect(Array(TextFolding.fold(sample).utf8) == Array(Self.reference(sample).utf8), "\(sample)")
        }
    }
}
