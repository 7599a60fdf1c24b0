import Testing
@testable import HomeshoreKit

/// ``DedupFeatures/text(_:hasher:)`` hashes words in place from the folded bytes; it must give exactly what the
/// string-per-word way gives, which stored features (`dedup_features`) and groups were made by.
@Suite struct DedupTextFeaturesTests {
    /// The string-per-word way, as it was written before: words as strings, stop words looked up in the set,
    /// every word hashed with ``MinHasher/hash(_:)``.
    static func reference(_ description: String?, hasher: MinHasher) -> (words: [UInt64], bands: [UInt64]) {
        let descriptionWords = DedupText.words(TextFolding.fold(description ?? ""))
        let words = Array(Set(descriptionWords.filter { !DedupText.stopWords.contains($0) }.map(MinHasher.hash))).sorted()
        return (words, hasher.bandKeys(signature(hasher, of: hasher.shingleHashes(words: descriptionWords))))
    }

    /// The signature as it was computed before: every shingle through all hash functions, minima in memory.
    static func signature(_ hasher: MinHasher, of shingles: [UInt64]) -> [UInt32] {
        let (a, b) = (hasher.a, hasher.b)
        var mins = [UInt64](repeating: UInt64(UInt32.max), count: hasher.permutations)
        for x in shingles {
            for i in 0..<mins.count {
                let v = (a[i] &* x &+ b[i]) >> 32
                if v < mins[i] { mins[i] = v }
            }
        }
        return mins.map { UInt32(truncatingIfNeeded: $0) }
    }

    @Test func givesWhatStringWordsGive() {
        let hasher = MinHasher()
        var texts: [String?] = [nil, "", " ", "de la", "Le", "a", "_", "Vous et nous", "ÉTÉ à l'été", "x y",
            "Téléconseiller(ère) en télétravail — 35 h/semaine, 1 800 € brut. Œuvre, cœur, straße, ÆON.",
            "aux auxiliaire auxx de_ de_la les lesbos sont sontt", "\u{1F600} emoji, 中文 text and ǅ titlecase"]
        var generator = SyntheticOffers(seed: 21)
        for number in 0..<400 {
            let job = generator.job(number: number)
            texts.append(generator.copy(of: job, board: "board-a", rewrite: number % 3 == 0).description)
        }
        // Stop words glued to, cut from and repeated between other words; bytes beyond ASCII of every width.
        let pieces = DedupText.stopWords.sorted() + ["é", "ü", "ß", "œ", "€", "—", "\u{00A0}", "\u{1F600}", "0", "12",
            "x", "conseiller", "client", "_", "-", "'", ",", ".", " ", " ", " ", "\n", "A", "De", "LES", "VOUS"]
        var state: UInt64 = 99
        for _ in 0..<600 {
            var text = ""
            for _ in 0..<(Int(state % 40) + 1) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            texts.append(text)
        }
        var differing = 0
        for text in texts {
            let fast = DedupFeatures.text(text, hasher: hasher)
            let slow = Self.reference(text, hasher: hasher)
            if fast.words != slow.words || fast.bands != slow.bands { differing += 1 }
        }
        #expect(differing == 0, "\(differing) of \(texts.count) texts")
        // Not vacuous: texts with content words and band keys were compared.
        #expect(texts.filter { !DedupFeatures.text($0, hasher: hasher).bands.isEmpty }.count > 900)
    }

    @Test func tellsStopWordsByTheirBytes() {
        for word in DedupText.stopWords {
            var packed: UInt64 = 0
            for (k, byte) in word.utf8.enumerated() { packed |= UInt64(byte) << (8 * UInt64(k)) }
            #expect(DedupText.isStopWord(packed: packed, length: word.utf8.count), "\(word)")
        }
        for word in ["dee", "le_", "vou", "ouest", "xyz", "lesb", "s0"] {
            var packed: UInt64 = 0
            for (k, byte) in word.utf8.prefix(8).enumerated() { packed |= UInt64(byte) << (8 * UInt64(k)) }
            #expect(!DedupText.isStopWord(packed: packed, length: word.utf8.count), "\(word)")
        }
    }
}
