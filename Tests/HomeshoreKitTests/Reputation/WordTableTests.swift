import Testing
@testable import HomeshoreKit

@Suite struct WordTableTests {
    @Test func setReplacesAndGrows() {
        var table = WordTable<Int>()
        for i in 0..<1_000 { table.set("mot\(i)", i) }  // past the first slots' count: grows several times
        table.set("mot7", -7)
        #expect(table.count == 1_000)
        #expect(table["mot7"] == -7)
        #expect(table["mot999"] == 999)
        #expect(table["mot1000"] == nil)
        #expect(table[""] == nil)
        #expect(table.keys.prefix(3) == ["mot0", "mot1", "mot2"])  // insertion order
    }

    @Test func tokensFindWhatTheirTextFinds() {
        let table = WordTable(["pas": 1, "déçu": 2, "😀": 3, "don't": 4])
        for token in SentimentTokenizer.tokenize("Pas DÉÇU 😀 don't :) rien") {
            #expect(table[token: token] == table[token.text], "\(token.text)")
        }
        #expect(table[token: SentimentToken("pas", .word)] == 1)
        #expect(table[token: SentimentToken("rien", .word)] == nil)
    }

    @Test func equalityIgnoresOrder() {
        var a = WordTable<Double>()
        a.set("bien", 1.5)
        a.set("mal", -1.5)
        var b = WordTable<Double>(minimumCapacity: 100)
        b.set("mal", -1.5)
        b.set("bien", 1.5)
        #expect(a == b)
        b.set("bien", 1.25)
        #expect(a != b)
    }

    /// Lexicon words are found the same through a token (its hash made once) as through their text.
    @Test func lexiconLookupsAgree() {
        let lexicon = SentimentLexicon.french
        for (word, value) in lexicon.words.prefix(2_000) {
            #expect(lexicon.words[token: SentimentToken(word, .word)] == value)
        }
    }
}

@Suite struct PhraseIndexTests {
    /// What `phrase(in:at:)` answered before the two-word index: the first of the first word's expressions, longest
    /// first, whose words all follow.
    static func scan(_ lexicon: SentimentLexicon, _ tokens: [SentimentToken], at i: Int) -> SentimentLexicon.Phrase? {
        guard let candidates = lexicon.phrases[tokens[i].text] else { return nil }
        for phrase in candidates where i + phrase.words.count <= tokens.count {
            var k = 1
            while k < phrase.words.count, tokens[i + k].kind == .word, tokens[i + k].text == phrase.words[k] { k += 1 }
            if k == phrase.words.count { return phrase }
        }
        return nil
    }

    @Test(arguments: ReviewLanguage.allCases)
    func indexFindsWhatTheScanFound(language: ReviewLanguage) {
        let lexicon = SentimentLexicon.of(language)
        let describe = { (p: SentimentLexicon.Phrase?) in p.map { "\($0.words) \($0.valence)" } ?? "-" }
        var texts: [[SentimentToken]] = []
        for (_, list) in lexicon.phrases {
            for phrase in list {
                let words = phrase.words.map { SentimentToken($0, .word) }
                texts.append(words + [SentimentToken("bien", .word)])  // whole, then more text
                texts.append(Array(words.dropLast()))  // cut short
                texts.append([words[0], SentimentToken(",", .clause)] + words.dropFirst())  // broken by a comma
            }
        }
        texts.append(SentimentTokenizer.tokenize("Très bien payé, mais pas du tout sérieux : pas de retard de paiement"))
        var found = 0
        for tokens in texts {
            for i in tokens.indices where tokens[i].kind == .word {
                let expected = Self.scan(lexicon, tokens, at: i)
                #expect(describe(lexicon.phrase(in: tokens, at: i)) == describe(expected))
                if expected != nil { found += 1 }
            }
        }
        #expect(found > 50)
    }
}
