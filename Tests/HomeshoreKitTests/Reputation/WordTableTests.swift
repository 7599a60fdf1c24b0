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
