/// A sequence of folded words to find in a sentence, where `…` stands for a gap of up to three words:
/// `jamais … payé` matches "jamais été payé" and "jamais vraiment été payée" but not across sentences.
///
/// Patterns are written as plain French or English (accents, apostrophes, hyphens) and tokenized like the text.
struct TextPattern: Sendable {
    /// The parts between gaps, each a run of consecutive words.
    let parts: [[String]]
    /// The pattern as written, for reports.
    let source: String
    /// How many words a gap may skip.
    static let gap = 3

    init(_ source: String) {
        self.source = source
        parts = source.components(separatedBy: "…").map { SentimentTokenizer.words($0) }.filter { !$0.isEmpty }
    }

    /// Where the pattern first matches in a sentence's words: the index of its first word, or `nil`.
    func firstMatch(in words: [String]) -> Int? {
        guard let first = parts.first else { return nil }
        var start = 0
        while let at = find(first, in: words, from: start, until: words.count) {
            var end = at + first.count
            var matched = true
            for part in parts.dropFirst() {
                guard let next = find(part, in: words, from: end, until: min(words.count, end + Self.gap + part.count))
                else {
                    matched = false
                    break
                }
                end = next + part.count
            }
            if matched { return at }
            start = at + 1
        }
        return nil
    }

    private func find(_ part: [String], in words: [String], from: Int, until: Int) -> Int? {
        guard from <= until - part.count else { return nil }
        for i in from...(until - part.count) {
            var k = 0
            while k < part.count, words[i + k] == part[k] { k += 1 }
            if k == part.count { return i }
        }
        return nil
    }
}
