import Foundation

/// A rule-based, offline sentiment scorer for French and English reviews, in the manner of VADER.
///
/// The text is tokenized (folded, elision spelt out), its language detected from stop words, then read left to
/// right: multi-word expressions and idioms first (`pas mal`, `retard de paiement`), then single words, emoji and
/// emoticons from the bundled lexicons. Around them:
/// - negation (`ne ... pas/jamais/plus/rien/guère`, `pas`, `aucun`, `sans`, `not`) flips and damps the next
///   words, `ne` looking ahead for its second part (`je ne regrette pas`); `pas du tout` flips in full;
/// - intensifiers and attenuators (`très`, `un peu`) scale the next sentiment word;
/// - contrast (`mais`, `cependant`, `pourtant`, `but`) halves what came before in the sentence and weighs what
///   follows 1.5 times; a concession (`malgré`, `bien que`) halves its own clause;
/// - negative evidence weighs 1.5 times positive evidence; exclamation marks push the sum further.
///
/// The sum `s` is normalised to `s / sqrt(s² + 15)`, in [-1, 1].
public struct SentimentScorer: Sendable {
    /// How much a negation keeps of what it flips (VADER's 0.74).
    static let negationScale = -0.74
    /// How much more negative evidence weighs.
    static let negativeWeight = 1.5
    /// How many words after a negator it reaches.
    static let negationReach = 3

    /// One piece of evidence found in the text.
    struct Evidence {
        var text: String
        var value: Double
        let sentence: Int
    }

    /// Scores a text.
    /// - Parameter text: a review (French or English), any length.
    /// - Returns: its score in [-1, 1], its language and the words that made the score.
    public static func score(_ text: String) -> SentimentResult {
        let tokens = SentimentTokenizer.tokenize(text)
        return score(tokens: tokens, language: ReviewLanguage.detect(tokens))
    }

    /// Scores already tokenized text in a given language.
    /// - Parameters:
    ///   - tokens: the text's tokens, from ``SentimentTokenizer``.
    ///   - language: the language whose lexicon and rules apply.
    /// - Returns: its score in [-1, 1] and the words that made it.
    public static func score(tokens: [SentimentToken], language: ReviewLanguage) -> SentimentResult {
        score(tokens: tokens, language: language, labels: true)
    }

    /// Scores tokens; without labels, the contributions have no text (enough for the score, and faster).
    static func score(tokens: [SentimentToken], language: ReviewLanguage, labels: Bool) -> SentimentResult {
        let lexicon = SentimentLexicon.of(language)
        let rules = SentimentRules.of(language)
        var reader = Reader(tokens: tokens, lexicon: lexicon, rules: rules)
        reader.labels = labels
        reader.read()
        var sum = 0.0
        var contributions: [SentimentResult.Contribution] = []
        contributions.reserveCapacity(reader.evidence.count)
        for item in reader.evidence {
            let weight = item.value < 0 ? item.value * negativeWeight : item.value
            sum += weight
            contributions.append(.init(text: item.text, weight: weight))
        }
        if sum != 0, reader.exclamations > 0 {
            let push = 0.292 * Double(min(reader.exclamations, 4))
            sum += sum > 0 ? push : -push
        }
        let score = sum == 0 ? 0 : sum / (sum * sum + 15).squareRoot()
        return SentimentResult(score: score, language: language, contributions: contributions)
    }
}

extension SentimentScorer {
    /// Starts loading the French lexicon on another thread, so that it is ready, or nearly, when scoring starts.
    ///
    /// `homeshore sentiment` calls it before it parses its arguments and reads its file: on a small file, loading
    /// the lexicon was a third of the command's time.
    public static func preload() {
        DispatchQueue.global(qos: .userInitiated).async { _ = SentimentLexicon.french }
    }

    /// Scores many texts, spread over the processor's cores, in order.
    /// - Parameter texts: reviews (French or English).
    /// - Returns: one score in [-1, 1] a text, in the same order.
    public static func scores(_ texts: [String]) -> [Double] {
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, texts.count / 64))
        let results = ScoreBuffer(count: texts.count)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var i = chunk
            while i < texts.count {
                let tokens = SentimentTokenizer.tokenize(texts[i])
                results.set(i, score(tokens: tokens, language: ReviewLanguage.detect(tokens), labels: false).score)
                i += chunks
            }
        }
        return results.values
    }
}

/// Scores written by several threads, each to its own indexes.
private final class ScoreBuffer: @unchecked Sendable {
    private let pointer: UnsafeMutableBufferPointer<Double>

    init(count: Int) {
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: 0)
    }

    deinit { pointer.deallocate() }

    func set(_ index: Int, _ value: Double) { pointer[index] = value }

    var values: [Double] { Array(pointer) }
}
