/// The function words of one language that steer the sentiment scorer: negators, intensifiers, attenuators,
/// contrast and concession markers.
struct SentimentRules: Sendable {
    /// What a marker does to the sentiment words around it.
    enum Marker: Sendable, Equatable {
        /// Negates the words that follow (`pas`, `jamais`, `sans`, `not`).
        case negator
        /// Makes the next sentiment word stronger (positive) or weaker (negative), by this share.
        case booster(Double)
        /// What follows weighs more and what came before in the sentence less (`mais`, `but`).
        case contrast
        /// The clause that follows weighs less (`malgré`, `bien que`, `although`).
        case concession
    }

    /// Markers by their first word; each entry lists the marker's words (one or more) and what it does, longest first.
    let markers: WordTable<[([String], Marker)]>
    /// Negators that only negate after `ne` (`plus`: "il n'est plus payé" but "plus rapide").
    let negatorsAfterNe: Set<String>
    /// The word that opens French discontinuous negation, looking ahead for its second part.
    let ne: String?
    /// The word that turns `ne ...` into a restriction instead of a negation (`ne ... que`).
    let restriction: String?

    init(negators: [String], negatorsAfterNe: Set<String>, boosters: [String: Double], contrasts: [String],
        concessions: [String], ne: String?, restriction: String?)
    {
        var markers: [String: [([String], Marker)]] = [:]
        func add(_ phrase: String, _ marker: Marker) {
            let words = phrase.split(separator: " ").map(String.init)
            markers[words[0], default: []].append((words, marker))
        }
        negators.forEach { add($0, .negator) }
        boosters.forEach { add($0.key, .booster($0.value)) }
        contrasts.forEach { add($0, .contrast) }
        concessions.forEach { add($0, .concession) }
        self.markers = WordTable(markers.mapValues { $0.sorted { $0.0.count > $1.0.count } })
        self.negatorsAfterNe = negatorsAfterNe
        self.ne = ne
        self.restriction = restriction
    }

    /// The marker that starts at a token, with the number of tokens it spans.
    func marker(in tokens: [SentimentToken], at i: Int) -> (Marker, Int)? {
        guard let candidates = markers[token: tokens[i]] else { return nil }
        for (words, marker) in candidates where i + words.count <= tokens.count {
            var k = 1
            while k < words.count, tokens[i + k].kind == .word, tokens[i + k].text == words[k] { k += 1 }
            if k == words.count { return (marker, k) }
        }
        return nil
    }

    /// Words whose lexicon valence is dropped: negators, contrasts and concessions only speak through others.
    var silentWords: Set<String> {
        var all = negatorsAfterNe
        for (first, entries) in markers {
            for (words, marker) in entries where words.count == 1 {
                if case .booster = marker { continue }
                all.insert(first)
            }
        }
        if let ne { all.insert(ne) }
        return all
    }

    static let french = SentimentRules(
        negators: ["pas", "jamais", "rien", "guere", "aucun", "aucune", "aucuns", "aucunes", "sans", "ni", "non",
            "nullement", "aucunement", "peu", "loin de", "manque de"],
        negatorsAfterNe: ["plus", "point", "personne"],
        boosters: [
            "tres": 0.3, "trop": 0.3, "vraiment": 0.3, "tellement": 0.3, "si": 0.2, "extremement": 0.4,
            "hyper": 0.3, "ultra": 0.3, "super": 0.3, "particulierement": 0.3, "absolument": 0.3,
            "totalement": 0.3, "completement": 0.3, "vachement": 0.3, "carrement": 0.3, "franchement": 0.2,
            "fortement": 0.3, "hautement": 0.3, "incroyablement": 0.4, "terriblement": 0.4, "vivement": 0.3,
            "beaucoup": 0.2, "bien": 0.15, "parfaitement": 0.3, "entierement": 0.3, "profondement": 0.3,
            "enormement": 0.4, "sacrement": 0.3, "vraiement": 0.3, "tout a fait": 0.3, "de plus en plus": 0.3,
            "assez": -0.2, "plutot": -0.15, "legerement": -0.3, "moyennement": -0.4, "relativement": -0.2,
            "presque": -0.2, "moins": -0.5, "un peu": -0.3, "quelque peu": -0.3, "un tantinet": -0.3,
        ],
        contrasts: ["mais", "cependant", "pourtant", "toutefois", "neanmoins", "par contre", "en revanche",
            "sauf que", "hormis que"],
        concessions: ["malgre", "meme si", "bien que", "quoique", "certes", "en depit de"],
        ne: "ne",
        restriction: "que"
    )

    static let english = SentimentRules(
        negators: ["not", "no", "never", "without", "nothing", "nobody", "none", "neither", "nor", "cannot",
            "hardly", "aint", "lack", "lacks", "lacked", "lacking", "don't", "doesn't", "didn't", "isn't", "wasn't",
            "aren't", "weren't", "won't", "wouldn't", "can't", "couldn't", "shouldn't", "haven't", "hasn't", "hadn't"],
        negatorsAfterNe: [],
        boosters: [
            "very": 0.3, "really": 0.3, "so": 0.2, "too": 0.2, "extremely": 0.4, "absolutely": 0.3,
            "totally": 0.3, "completely": 0.3, "incredibly": 0.4, "highly": 0.3, "truly": 0.3, "super": 0.3,
            "particularly": 0.3, "especially": 0.3, "utterly": 0.4, "deeply": 0.3, "such": 0.2,
            "quite": -0.1, "fairly": -0.2, "somewhat": -0.3, "slightly": -0.3, "rather": -0.15, "barely": -0.4,
            "almost": -0.2, "kinda": -0.3, "partly": -0.3, "a bit": -0.3, "a little": -0.3, "kind of": -0.3,
            "sort of": -0.3,
        ],
        contrasts: ["but", "however", "yet", "nevertheless", "nonetheless", "on the other hand", "except that"],
        concessions: ["although", "though", "despite", "even though", "even if", "whilst"],
        ne: nil,
        restriction: nil
    )

    /// The rules of a language.
    static func of(_ language: ReviewLanguage) -> SentimentRules {
        language == .french ? french : english
    }
}
