/// One token of a review as the sentiment scorer sees it: a folded word, an emoji or emoticon, or a punctuation
/// mark that bounds a clause or a sentence.
public struct SentimentToken: Sendable, Hashable {
    /// What a token is.
    public enum Kind: Sendable, Hashable {
        /// A word, lower-cased and without accents; elided forms are spelt out (`n'` is `ne`, `qu'` is `que`).
        case word
        /// One emoji (its variation selectors and skin tones dropped).
        case emoji
        /// A text emoticon such as `:)` or `<3`.
        case emoticon
        /// A mark that ends a clause but not the sentence: `,` `;` `:` brackets and quotes.
        case clause
        /// A mark that ends a sentence: `.` `…` or a line break.
        case sentence
        /// An exclamation mark (it also ends the sentence).
        case exclamation
        /// A question mark (it also ends the sentence).
        case question
    }

    /// The token's text: the folded word, the emoji or emoticon, or the punctuation mark.
    public let text: String
    /// What the token is.
    public let kind: Kind
    /// The hash of `text` that ``WordTable`` looks words up by, computed once.
    let wordHash: UInt64

    /// Makes a token.
    /// - Parameters:
    ///   - text: the token's text, already folded for words.
    ///   - kind: what the token is.
    public init(_ text: String, _ kind: Kind) {
        self.init(text, kind, wordHash: WordTable<Double>.hash(text))
    }

    /// Makes a token whose text's hash is known.
    init(_ text: String, _ kind: Kind, wordHash: UInt64) {
        self.text = text
        self.kind = kind
        self.wordHash = wordHash
    }

    /// Whether the token ends a sentence (`.`, `!`, `?`, a line break).
    var endsSentence: Bool { kind == .sentence || kind == .exclamation || kind == .question }
    /// Whether the token is punctuation of any kind.
    var isPunctuation: Bool { kind != .word && kind != .emoji && kind != .emoticon }
}
