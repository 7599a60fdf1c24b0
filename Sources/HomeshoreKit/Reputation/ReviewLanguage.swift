/// The language of a review, as far as the sentiment scorer cares: French or English.
public enum ReviewLanguage: String, Sendable, Hashable, Codable, CaseIterable {
    case french = "fr"
    case english = "en"

    static let frenchStopWords: Set<String> = [
        "le", "la", "les", "de", "des", "du", "un", "une", "et", "est", "je", "ne", "pas", "que", "qui", "pour",
        "tres", "il", "elle", "nous", "vous", "ce", "se", "sur", "avec", "dans", "au", "aux", "mais", "mon", "ma",
        "mes", "on", "sont", "etait", "ai", "avons", "cette", "tout", "plus", "bien", "leur", "ou", "par",
    ]
    static let englishStopWords: Set<String> = [
        "the", "and", "is", "to", "of", "it", "was", "not", "very", "for", "this", "that", "with", "my", "i", "you",
        "they", "are", "have", "had", "be", "but", "on", "in", "at", "we", "no", "were", "would", "from", "so",
        "their", "an", "or", "been", "get", "got", "don't", "didn't", "good", "bad", "great", "never", "your", "our",
        "me", "will", "can", "just", "what", "there", "if", "do", "did", "does", "as", "by", "about", "paid", "job",
        "work", "avoid", "all", "because", "after", "really", "much", "they're", "it's",
    ]

    /// The stop words of both languages, for one lookup a token: 1 for French, 2 for English, 3 for both.
    static let stopWords: WordTable<UInt8> = {
        var table = WordTable<UInt8>(minimumCapacity: frenchStopWords.count + englishStopWords.count)
        for word in frenchStopWords { table.set(word, 1) }
        for word in englishStopWords { table.set(word, (table[word] ?? 0) | 2) }
        return table
    }()

    /// Detects the language of already tokenized text by counting French and English stop words.
    ///
    /// Ties and texts without any stop word are French, the language of most pages Homeshore reads.
    /// - Parameter tokens: the text's tokens.
    /// - Returns: the language with more stop words.
    public static func detect(_ tokens: [SentimentToken]) -> ReviewLanguage {
        var french = 0
        var english = 0
        for token in tokens where token.kind == .word {
            guard let flags = stopWords[token: token] else { continue }
            french += Int(flags & 1)
            english += Int(flags >> 1)
        }
        return english > french ? .english : .french
    }

    /// Detects the language of a text.
    /// - Parameter text: any text.
    /// - Returns: French or English.
    public static func detect(_ text: String) -> ReviewLanguage {
        detect(SentimentTokenizer.tokenize(text))
    }
}
