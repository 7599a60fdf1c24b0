/// The sentiment of one text: a score in [-1, 1], the language it was read in, and what moved the score.
public struct SentimentResult: Sendable, Hashable, Codable {
    /// A word, expression, emoji or mark that moved the score, with its weight after negation, intensity and
    /// contrast (negative evidence counts more than positive).
    public struct Contribution: Sendable, Hashable, Codable {
        /// The folded words (or emoji) as found, with the rule that changed them: `pas [negated] bon`.
        public let text: String
        /// Its weight in the sum, on VADER's scale (about -6 to +6).
        public let weight: Double

        /// Makes a contribution.
        /// - Parameters:
        ///   - text: what was found.
        ///   - weight: its weight.
        public init(text: String, weight: Double) {
            self.text = text
            self.weight = weight
        }
    }

    /// The score, from -1 (very negative) to 1 (very positive); 0 when nothing moved it.
    public let score: Double
    /// The language the text was read in.
    public let language: ReviewLanguage
    /// What moved the score, in text order.
    public let contributions: [Contribution]

    /// Makes a result.
    /// - Parameters:
    ///   - score: the score in [-1, 1].
    ///   - language: the text's language.
    ///   - contributions: what moved the score.
    public init(score: Double, language: ReviewLanguage, contributions: [Contribution]) {
        self.score = score
        self.language = language
        self.contributions = contributions
    }

    /// `positive`, `negative` or `neutral` (a score within 0.05 of 0), as VADER names them.
    public var label: String {
        score >= 0.05 ? "positive" : score <= -0.05 ? "negative" : "neutral"
    }
}
