import Foundation

/// What one review says: its sentiment, the aspects of the job it speaks of with their polarity, and its red flags
/// with the sentence that raised each.
public struct ReviewAnalysis: Sendable, Hashable, Codable {
    /// An aspect a review speaks of, and how.
    public struct AspectMention: Sendable, Hashable, Codable {
        /// The aspect.
        public let aspect: Aspect
        /// The mean score, in [-1, 1], of the sentences that speak of it (a red flag about it makes it negative).
        public let score: Double
        /// `positive`, `negative` or `neutral`.
        public let polarity: String
        /// The first sentence that speaks of it.
        public let sentence: String
    }

    /// The review's sentiment.
    public let sentiment: SentimentResult
    /// The aspects it speaks of, in ``Aspect`` order.
    public let aspects: [AspectMention]
    /// Its red flags, in text order.
    public let redFlags: [RedFlag]

    /// Red flags that say an aspect went wrong, whatever the sentence's tone.
    static let flaggedAspects: [RedFlag.Kind: Aspect] = [
        .nonPayment: .paymentReliability, .payToWork: .pay, .unpaidTraining: .training,
        .payPerAct: .pay, .harassment: .management,
    ]

    /// Analyses a review.
    /// - Parameter text: the review, French or English.
    /// - Returns: its sentiment, aspects and red flags.
    public static func analyze(_ text: String) -> ReviewAnalysis {
        let tokens = SentimentTokenizer.tokenize(text)
        let language = ReviewLanguage.detect(tokens)
        let sentiment = SentimentScorer.score(tokens: tokens, language: language)
        let sentences = Sentences.split(text)
        let flags = RedFlagDetector.flags(in: sentences, offer: false)
        var scores: [Aspect: (sum: Double, count: Int, sentence: String)] = [:]
        for sentence in sentences {
            let mentioned = Aspect.patterns.filter { _, cues in cues.contains { $0.firstMatch(in: sentence.words) != nil } }
            guard !mentioned.isEmpty else { continue }
            let score = SentimentScorer.score(tokens: SentimentTokenizer.tokenize(sentence.text), language: language).score
            for (aspect, _) in mentioned {
                let old = scores[aspect] ?? (0, 0, sentence.text)
                scores[aspect] = (old.sum + score, old.count + 1, old.sentence)
            }
        }
        for flag in flags {
            guard let aspect = flaggedAspects[flag.kind] else { continue }
            let old = scores[aspect] ?? (0, 0, flag.sentence)
            scores[aspect] = (min(old.sum, 0) - 0.5 * Double(max(old.count, 1)), max(old.count, 1), old.sentence)
        }
        let aspects = Aspect.allCases.compactMap { aspect -> AspectMention? in
            guard let entry = scores[aspect] else { return nil }
            let score = max(-1, min(1, entry.sum / Double(entry.count)))
            let polarity = score >= 0.05 ? "positive" : score <= -0.05 ? "negative" : "neutral"
            return AspectMention(aspect: aspect, score: score, polarity: polarity, sentence: entry.sentence)
        }
        return ReviewAnalysis(sentiment: sentiment, aspects: aspects, redFlags: flags)
    }

    /// A human-readable report: score, language, contributions, aspects and red flags, one per line.
    public var summary: String {
        var lines = [String(format: "score: %+.3f (%@), language: %@", sentiment.score, sentiment.label,
            sentiment.language.rawValue)]
        if sentiment.contributions.isEmpty {
            lines.append("no sentiment words found")
        } else {
            lines.append("contributions:")
            for item in sentiment.contributions { lines.append(String(format: "  %+6.2f  %@", item.weight, item.text)) }
        }
        if !aspects.isEmpty {
            lines.append("aspects:")
            for mention in aspects {
                lines.append(String(format: "  %@: %@ (%+.2f)", mention.aspect.rawValue, mention.polarity, mention.score))
            }
        }
        if !redFlags.isEmpty {
            lines.append("red flags:")
            for flag in redFlags { lines.append("  \(flag.kind.rawValue): \"\(flag.sentence)\" (\(flag.trigger))") }
        }
        return lines.joined(separator: "\n")
    }
}
