import Foundation

/// The valences of words, multi-word expressions, emoji and emoticons for one language, on VADER's scale
/// (-4 to +4), merged from the bundled lexicons and the project's own domain lexicon.
///
/// Built once, lazily, the first time a language is scored (`static let` is thread-safe), then read-only.
struct SentimentLexicon: Sendable {
    /// A multi-word expression and its valence.
    struct Phrase: Sendable {
        let words: [String]
        let valence: Double
        /// Expressions that hold a negation themselves (`pas mal`, `jamais payé`) are never negated again.
        let holdsNegation: Bool
    }

    /// Single folded words.
    let words: WordTable<Double>
    /// Multi-word expressions by their first word, longest first.
    let phrases: WordTable<[Phrase]>
    /// Emoji and emoticons (text unfolded), shared by both languages.
    var symbols: [String: Double] { LexiconLoader.symbols }

    /// The expressions by their first word, then by their second, in the same order. First words are frequent
    /// words (`tres` starts 174 expressions, `pas` 77), so each of their tokens only meets the expressions that go
    /// on as the text does instead of comparing all of them.
    let phrasesByTwoWords: WordTable<WordTable<[Phrase]>>

    init(words: WordTable<Double>, phrases: WordTable<[Phrase]>) {
        self.words = words
        self.phrases = phrases
        var index = WordTable<WordTable<[Phrase]>>(minimumCapacity: phrases.count)
        for (first, list) in phrases {
            var bySecond = WordTable<[Phrase]>()
            for phrase in list where phrase.words.count > 1 {  // expressions have two words or more
                bySecond.set(phrase.words[1], (bySecond[phrase.words[1]] ?? []) + [phrase])
            }
            index.set(first, bySecond)
        }
        phrasesByTwoWords = index
    }

    init(words: [String: Double], phrases: [String: [Phrase]]) {
        self.init(words: WordTable(words), phrases: WordTable(phrases))
    }

    /// The French lexicon, read from the merged file.
    static let french = MergedLexicon.lexicon(.french)
    /// The English lexicon, read from the merged file.
    static let english = MergedLexicon.lexicon(.english)

    /// The lexicon of a language.
    static func of(_ language: ReviewLanguage) -> SentimentLexicon {
        language == .french ? french : english
    }

    /// The longest expression that starts at a token.
    func phrase(in tokens: [SentimentToken], at i: Int) -> Phrase? {
        guard i + 1 < tokens.count, tokens[i + 1].kind == .word,
            let candidates = phrasesByTwoWords[token: tokens[i]]?[token: tokens[i + 1]]
        else { return nil }
        for phrase in candidates where i + phrase.words.count <= tokens.count {
            var k = 2
            while k < phrase.words.count, tokens[i + k].kind == .word, tokens[i + k].text == phrase.words[k] {
                k += 1
            }
            if k == phrase.words.count { return phrase }
        }
        return nil
    }

    /// The valence of one token: a word, an emoji or an emoticon.
    @inline(__always)
    func valence(of token: SentimentToken) -> Double? {
        token.kind == .word ? words[token: token] : LexiconLoader.symbols[token.text]
    }
}
