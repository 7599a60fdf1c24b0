import Foundation

/// Reads the bundled lexicons (`Resources/Lexicons`, credited in NOTICE) and merges them into one
/// ``SentimentLexicon`` per language.
///
/// Every entry is tokenized like review text (folded, elision spelt out, hyphens split) so that both sides meet;
/// junk entries (single letters, punctuation, emoticons among words, expressions past four words) are dropped.
/// Each source is brought to VADER's scale (-4..+4) and the sources are averaged word by word; the project's
/// own domain lexicon (`homeshore/fr.tsv`, `homeshore/en.tsv`) then sets its entries outright (0 removes one).
enum LexiconLoader {
    /// One source's entries, averaged within the source, keyed by their folded words joined with spaces.
    typealias Table = [String: Double]

    static var folder: URL? { Bundle.module.url(forResource: "Lexicons", withExtension: nil) }

    static func lines(_ path: String) -> [Substring] {
        guard let folder, let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
        else { return [] }
        let text = String(decoding: data, as: UTF8.self)
        return text.utf8.split(separator: 0x0A).map { Substring($0) }
    }

    /// The first (or last) place a byte sequence occurs in a line, on UTF-8 bytes (no grapheme breaking).
    static func find(_ needle: String, in line: Substring, last: Bool = false) -> Range<Substring.Index>? {
        let bytes = Array(needle.utf8)
        let view = line.utf8
        var found: Range<Substring.Index>?
        var i = view.startIndex
        while i != view.endIndex {
            var j = i
            var k = 0
            while k < bytes.count, j != view.endIndex, view[j] == bytes[k] {
                j = view.index(after: j)
                k += 1
            }
            if k == bytes.count {
                found = i..<j
                if !last { return found }
            }
            i = view.index(after: i)
        }
        return found
    }

    /// Adds an entry to a source table, as the mean of every value the source gives that key.
    struct SourceTable {
        var sums: [String: (Double, Int)] = [:]

        mutating func add(_ entry: some StringProtocol, _ value: Double) {
            guard value != 0, let key = LexiconLoader.key(entry) else { return }
            let old = sums[key] ?? (0, 0)
            sums[key] = (old.0 + value, old.1 + 1)
        }

        var table: Table { sums.mapValues { $0.0 / Double($0.1) } }
    }

    /// The folded key of an entry, or `nil` for junk.
    static func key(_ entry: some StringProtocol) -> String? {
        // Fast path: one plain word (letters only, lower case, accents folded here), the bulk of every lexicon.
        var plain = entry.utf8.count >= 2
        var ascii = true
        for scalar in entry.unicodeScalars where plain {
            if scalar.value >= 0x80 {
                ascii = false
                plain = scalar.properties.isAlphabetic && !scalar.properties.isUppercase
            } else {
                plain = scalar.value >= 0x61 && scalar.value <= 0x7A
            }
        }
        if plain { return ascii ? String(entry) : TextFolding.fold(String(entry)) }
        let tokens = SentimentTokenizer.tokenize(String(entry))
        guard !tokens.isEmpty, tokens.count <= 4, tokens.allSatisfy({ $0.kind == .word }) else { return nil }
        if tokens.count == 1 {
            let word = tokens[0].text
            guard word.unicodeScalars.count >= 2, word.unicodeScalars.contains(where: { $0.properties.isAlphabetic })
            else { return nil }
            return word
        }
        return tokens.map(\.text).joined(separator: " ")
    }

    /// `word<separator>score` lines, the score multiplied by `scale`.
    static func scored(_ path: String, separator: String, scale: Double) -> Table {
        var table = SourceTable()
        for line in lines(path) {
            guard let cut = find(separator, in: line, last: separator == "->") else { continue }  // "%-)->-1.5"
            let rest = line[cut.upperBound...]
            let number = rest.prefix { $0 != "\t" && $0 != " " }
            if let value = Double(number) { table.add(line[..<cut.lowerBound], value * scale) }
        }
        return table.table
    }

    /// textblob-fr's adjectives and adverbs: polarity -1..1, neutral ones skipped.
    static func textblob() -> Table {
        var table = SourceTable()
        for line in lines("textblob_fr/fr-sentiment.xml") {
            guard let form = attribute("form", in: line), let polarity = attribute("polarity", in: line).flatMap(Double.init)
            else { continue }
            table.add(form, polarity * 4)
        }
        return table.table
    }

    static func attribute(_ name: String, in line: Substring) -> Substring? {
        guard let start = find(" \(name)=\"", in: line) else { return nil }
        let rest = line[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return rest[..<end]
    }

    /// Umigon's positive and negative tone terms (their conditions are ours to apply: negation, contrast).
    static func umigon() -> Table {
        var table = SourceTable()
        for (path, value) in [("umigon_fr/positive_tone.txt", 2.0), ("umigon_fr/negative_tone.txt", -2.0)] {
            for line in lines(path) {
                let term = line.prefix { $0 != "\t" }
                table.add(term, value)
            }
        }
        return table.table
    }

    /// OpeNER's French expressions from hotel reviews, in four polarity classes.
    static func opener() -> Table {
        let classes = ["strongpositive": 3.0, "positive": 1.5, "negative": -1.5, "strongnegative": -3.0]
        var table = SourceTable()
        for line in lines("opener_fr/hotel_fr_expressions.csv").dropFirst() {
            let field = line.prefix { $0 != ";" }.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            guard let hash = field.lastIndex(of: "#"), let value = classes[String(field[field.index(after: hash)...])]
            else { continue }
            table.add(field[..<hash], value)
        }
        return table.table
    }

    /// The project's own domain lexicon: `expression<TAB>valence`, `#` comments.
    static func domain(_ path: String) -> Table {
        var table: Table = [:]
        for line in lines(path) where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: true)
            guard parts.count >= 2, let value = Double(parts[1].trimmingCharacters(in: .whitespaces)) else { continue }
            let tokens = SentimentTokenizer.tokenize(String(parts[0]))
            guard !tokens.isEmpty else { continue }
            table[tokens.map(\.text).joined(separator: " ")] = value
        }
        return table
    }

    /// Emoji scored from their English names, as VADER does; emoticons from AFINN.
    static func symbols(english: Table) -> Table {
        var table: Table = [:]
        for line in lines("vader/emoji_utf8_lexicon.txt") {
            let parts = line.split(separator: "\t")
            guard parts.count == 2 else { continue }
            let scalars = parts[0].unicodeScalars.filter {
                $0.value != 0xFE0F && !(0x1F3FB...0x1F3FF).contains($0.value)
            }
            guard scalars.count == 1 else { continue }
            let value = SentimentTokenizer.words(String(parts[1])).reduce(0) { $0 + (english[$1] ?? 0) }
            if value != 0 { table[String(String.UnicodeScalarView(scalars))] = max(-3, min(3, value)) }
        }
        for line in lines("afinn/AFINN-emoticon-8.txt") {
            let parts = line.split(separator: "\t")
            if parts.count == 2, let value = Double(parts[1]), value != 0 { table[String(parts[0])] = value * 0.8 }
        }
        // names that VADER's words do not score ("thumbs up", "pouting face")
        for (symbol, value) in ["♥": 2.4, "👍": 1.8, "👎": -1.8, "😡": -2.5, "🤬": -3, "💩": -2, "🙏": 1.5]
        where table[symbol] == nil {
            table[symbol] = value
        }
        return table
    }

    /// Articles, pronouns and auxiliaries: a lexicon phrase of only these and negators ("pas de", "ce n'est pas")
    /// is a rule's business, not an opinion.
    static let functionWords: Set<String> = ["de", "du", "des", "le", "la", "les", "un", "une", "a", "en", "au",
        "aux", "que", "se", "ce", "est", "etait", "sont", "il", "elle", "je", "on", "y", "me", "te", "ca", "cela",
        "of", "the", "to", "at", "in", "an", "it", "is", "was", "that", "this", "i"]

    /// The English words, merged once (the English lexicon and the emoji names both need them).
    static let englishWords = merge(parallel([
        { scored("vader/vader_lexicon.txt", separator: "\t", scale: 1) },
        { scored("afinn/AFINN-en-165.txt", separator: "\t", scale: 0.8) },
    ]))

    /// Emoji and emoticons, built the first time a text holds one (from the merged file).
    static let symbols = MergedLexicon.symbols()

    /// Reads several sources at once, one a core; the tables come back in the given order.
    static func parallel(_ readers: [@Sendable () -> Table]) -> [Table] {
        let lock = NSLock()
        nonisolated(unsafe) var tables = [Table](repeating: [:], count: readers.count)
        DispatchQueue.concurrentPerform(iterations: readers.count) { i in
            let table = readers[i]()
            lock.withLock { tables[i] = table }
        }
        return tables
    }

    /// Merges the sources of a language into its lexicon (what `merged/lexicon.tsv` holds, see ``MergedLexicon``).
    static func fromSources(_ language: ReviewLanguage) -> SentimentLexicon {
        var merged: Table
        let own: Table
        switch language {
        case .english:
            merged = englishWords
            own = domain("homeshore/en.tsv")
        case .french:
            merged = merge(parallel([
                { scored("vader/fr_lexicon.txt", separator: "->", scale: 1) },
                { scored("afinn/AFINN-fr-165.txt", separator: "\t", scale: 0.8) },
                textblob, umigon, opener,
            ]))
            own = domain("homeshore/fr.tsv")
        }
        for (key, value) in own { merged[key] = value }
        let rules = SentimentRules.of(language)
        let silent = rules.silentWords
        var words: [String: Double] = [:]
        var phrases: [String: [SentimentLexicon.Phrase]] = [:]
        for (key, value) in merged where value != 0 {
            let parts = key.split(separator: " ").map(String.init)
            if parts.count == 1 {
                if !silent.contains(key) { words[key] = value }
            } else {
                // "pas de", "manque de": a rule's words, not an opinion (the rule reads them)
                let isRule = rules.markers[parts[0]]?.contains { $0.0 == parts } ?? false
                if own[key] == nil, isRule || parts.allSatisfy({ silent.contains($0) || functionWords.contains($0) }) { continue }
                let negated = parts.contains {
                    $0 == rules.ne || rules.negatorsAfterNe.contains($0) || rules.marker(isNegator: $0)
                }
                phrases[parts[0], default: []].append(.init(words: parts, valence: value, holdsNegation: negated))
            }
        }
        return SentimentLexicon(words: words, phrases: phrases.mapValues { $0.sorted { $0.words.count > $1.words.count } })
    }

    /// The mean of each key over the sources that hold it.
    static func merge(_ sources: [Table]) -> Table {
        var sums: [String: (Double, Int)] = [:]
        for source in sources {
            for (key, value) in source {
                let old = sums[key] ?? (0, 0)
                sums[key] = (old.0 + value, old.1 + 1)
            }
        }
        return sums.mapValues { $0.0 / Double($0.1) }
    }
}

extension SentimentRules {
    /// Whether a single word is a negator.
    func marker(isNegator word: String) -> Bool {
        markers[word]?.contains { $0.0.count == 1 && $0.1 == .negator } ?? false
    }
}
