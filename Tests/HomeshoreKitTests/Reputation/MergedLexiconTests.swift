import Foundation
import Testing
@testable import HomeshoreKit

/// `Resources/Lexicons/merged/lexicon.tsv` must be exactly what the source lexicons and the rules give.
///
/// With `HOMESHORE_WRITE_MERGED_LEXICON=PATH` in the environment, the test writes the file there first
/// (`scripts/merge-lexicons.sh` does this).
@Suite struct MergedLexiconTests {
    @Test func mergedFileMatchesSources() throws {
        let expected = MergedLexicon.textFromSources()
        if let path = ProcessInfo.processInfo.environment["HOMESHORE_WRITE_MERGED_LEXICON"] {
            try expected.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let bundled = String(decoding: MergedLexicon.bytes, as: UTF8.self)
        #expect(!bundled.isEmpty)
        #expect(bundled == expected, "run scripts/merge-lexicons.sh")
    }

    @Test func mergedLexiconsEqualTheSources() {
        for language in ReviewLanguage.allCases {
            let merged = MergedLexicon.lexicon(language)
            let sources = LexiconLoader.fromSources(language)
            #expect(merged.words == sources.words)
            #expect(merged.words.count > 1000)
            #expect(Set(merged.phrases.keys) == Set(sources.phrases.keys))
            for (first, list) in sources.phrases {
                let other = merged.phrases[first] ?? []
                #expect(other.map(\.words.count) == list.map(\.words.count))  // longest first
                let key = { (p: SentimentLexicon.Phrase) in "\(p.words) \(p.valence) \(p.holdsNegation)" }
                #expect(Set(other.map(key)) == Set(list.map(key)))
            }
        }
        #expect(MergedLexicon.symbols() == LexiconLoader.symbols(english: LexiconLoader.englishWords))
    }
}
