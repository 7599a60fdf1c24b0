import Foundation

/// Splits text into sentences, keeping each sentence as written and as folded words.
enum Sentences {
    struct Sentence: Sendable {
        /// The sentence as written, trimmed.
        let text: String
        /// Its folded words (elision spelt out, hyphens split).
        let words: [String]
    }

    /// The sentences of a text: split after `.`, `!`, `?`, `…` and at line breaks.
    static func split(_ text: String) -> [Sentence] {
        var sentences: [Sentence] = []
        var current = ""
        func flush() {
            let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { sentences.append(Sentence(text: trimmed, words: SentimentTokenizer.words(trimmed))) }
            current = ""
        }
        for character in text {
            if character.isNewline {
                flush()
                continue
            }
            current.append(character)
            if character == "." || character == "!" || character == "?" || character == "…" { flush() }
        }
        flush()
        return sentences
    }
}
