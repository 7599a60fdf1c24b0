/// Words of folded text, and job titles normalised for French: gender marks and pairs, remote-work words, hours
/// words and a few synonyms removed or merged, so that "Téléconseiller en télétravail (F/H)" and "Conseiller
/// client à domicile H/F" both read `client conseiller`.
enum DedupText {
    /// The runs of ASCII letters, digits and `_` of already folded text (Python's `\w+` on the same folded text).
    static func words(_ folded: String) -> [String] {
        var result: [String] = []
        var current: [UInt8] = []
        for byte in folded.utf8 {
            if isWordByte(byte) {
                current.append(byte)
            } else if !current.isEmpty {
                result.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
        return result
    }

    /// Whether a byte of folded text belongs to a word: an ASCII lower-case letter, digit or `_`, or any byte of a
    /// scalar beyond ASCII (folded text has no ASCII capitals).
    @inline(__always) static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte >= 0x80
    }

    /// Words that say nothing of which job it is: articles, prepositions, gender marks, remote-work and hours words.
    static let titleNoise: Set<String> = [
        "h", "f", "hf", "fh", "x", "m", "w", "d", "de", "du", "des", "d", "la", "le", "les", "l", "a", "au", "aux", "en",
        "et", "ou", "pour", "par", "sur", "un", "une", "chez", "avec", "the", "of", "and", "for", "in", "at", "to",
        "domicile", "teletravail", "distance", "remote", "home", "homeoffice", "full", "100", "partiel", "plein",
        "temps", "time", "part", "cdi", "cdd", "interim", "freelance", "independant", "urgent", "nouveau", "new",
        "e", "ere", "euse", "rice", "trice", "speaker", "speaking", "based", "job", "poste", "offre", "emploi",
        "week", "weekend", "ends",
    ]

    /// Feminine and plural forms onto their masculine singular, English onto French, and a few synonyms.
    static let titleSynonyms: [String: [String]] = [
        "teleconseiller": ["conseiller", "client"], "teleconseillere": ["conseiller", "client"],
        "teleconseillers": ["conseiller", "client"], "conseillere": ["conseiller"], "conseillers": ["conseiller"],
        "chargee": ["charge"], "charges": ["charge"], "clientele": ["client"], "clients": ["client"],
        "customer": ["client"], "advisor": ["conseiller"], "adviser": ["conseiller"], "agents": ["agent"],
        "representative": ["conseiller"], "moderatrice": ["moderateur"], "moderateurs": ["moderateur"],
        "moderator": ["moderateur"], "sav": ["service", "apres", "vente"], "aftersales": ["service", "apres", "vente"],
        "bilingual": ["bilingue"], "french": ["bilingue"], "english": ["bilingue"], "anglais": ["bilingue"],
        "vendeuse": ["vendeur"], "televendeuse": ["televendeur"], "teleprospectrice": ["teleprospecteur"],
        "assistante": ["assistant"], "technicienne": ["technicien"], "gestionnaire": ["gestionnaire"],
        "hotesse": ["hote"], "contenus": ["contenu"], "reseaux": ["contenu"], "sociaux": [], "operatrice": ["operateur"], "superviseuse": ["superviseur"], "rdv": ["rendez", "vous"],
    ]

    /// The words of a job title that tell which job it is, as a set.
    static func titleWords(_ title: String?) -> Set<String> {
        guard let title else { return [] }
        var result: Set<String> = []
        for word in words(TextFolding.fold(title)) {
            if let mapped = titleSynonyms[word] {
                result.formUnion(mapped)
            } else if !titleNoise.contains(word) {
                result.insert(word)
            }
        }
        return result
    }

    /// Words too common to tell two descriptions apart.
    static let stopWords: Set<String> = [
        "de", "du", "des", "la", "le", "les", "l", "d", "a", "au", "aux", "en", "et", "ou", "un", "une", "pour", "par",
        "sur", "dans", "avec", "vous", "nous", "votre", "vos", "nos", "notre", "est", "sont", "qui", "que", "se", "ses",
        "son", "sa", "ce", "cette", "ces", "il", "elle", "ne", "pas", "plus", "the", "and", "of", "to", "in", "for",
        "you", "your", "our", "we", "is", "are", "with", "on", "s", "n", "y", "h", "f",
    ]

    /// The stop words, each packed as ``isStopWord(packed:length:)`` packs a word, sorted.
    private static let packedStopWords: [UInt64] = stopWords.map { word in
        precondition(word.utf8.count <= 8, "a stop word longer than 8 bytes cannot be packed")
        return word.utf8.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }.sorted()
    private static let longestStopWord = stopWords.map(\.utf8.count).max() ?? 0

    /// Whether a word is one of ``stopWords``, given as its first eight bytes packed little-endian into an integer
    /// and its length in bytes. No byte of a word is 0, so two words of at most eight bytes pack alike only when
    /// they are the same.
    @inline(__always) static func isStopWord(packed: UInt64, length: Int) -> Bool {
        guard length <= longestStopWord else { return false }
        var low = 0, high = packedStopWords.count
        while low < high {
            let mid = (low + high) / 2
            if packedStopWords[mid] < packed { low = mid + 1 } else { high = mid }
        }
        return low < packedStopWords.count && packedStopWords[low] == packed
    }
}
