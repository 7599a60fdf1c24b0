extension SentimentScorer {
    /// Reads tokens left to right and collects the evidence, keeping the state of negation, intensity and
    /// contrast as it goes.
    struct Reader {
        let tokens: [SentimentToken]
        let lexicon: SentimentLexicon
        let rules: SentimentRules
        /// Whether evidence keeps its words and labels (a score alone needs only the values).
        var labels = true

        var evidence: [Evidence] = []
        var exclamations = 0

        /// The last token index a negation reaches, and how much of the value it keeps (negative: flips).
        var negationEnd = -1
        var negationFactor = SentimentScorer.negationScale
        var negationWord = ""
        /// The index of the second part of a `ne ...` negation found ahead, which then opens its own scope.
        var pendingNegator = -1
        /// A negation that has flipped nothing yet: in a review, "je n'ai pas reçu" or "ne marche plus" complains
        /// on its own, so an unused negation leaves a small negative mark when its scope closes.
        var unusedNegation: String?
        /// How much evidence there was when the last `ne` opened (what came after it was negated).
        var evidenceAtNe = 0
        /// A pending intensifier (+) or attenuator (-) and the last token it reaches.
        var boost = 0.0
        var boostEnd = -1
        /// Sentence count, contrast and concession state.
        var sentence = 0
        var afterContrast = false
        var inConcession = false
        var sentenceStartEvidence = 0
        var previousSentenceStartEvidence = 0

        init(tokens: [SentimentToken], lexicon: SentimentLexicon, rules: SentimentRules) {
            self.tokens = tokens
            self.lexicon = lexicon
            self.rules = rules
        }

        mutating func read() {
            var i = 0
            while i < tokens.count {
                let token = tokens[i]
                if token.isPunctuation {
                    punctuation(token)
                    i += 1
                    continue
                }
                if token.kind == .word, let phrase = lexicon.phrase(in: tokens, at: i) {
                    add(labels ? phrase.words.joined(separator: " ") : "", phrase.valence, at: i,
                        negatable: !phrase.holdsNegation)
                    i += phrase.words.count
                    continue
                }
                if token.kind == .word {
                    if token.text == rules.ne {
                        openNe(at: i)
                        i += 1
                        continue
                    }
                    if i == pendingNegator {
                        negate(from: i, word: "ne ... \(token.text)")
                        i += 1
                        continue
                    }
                    if let (marker, length) = rules.marker(in: tokens, at: i),
                        apply(marker, at: i, length: length)
                    {
                        i += length
                        continue
                    }
                }
                if let value = lexicon.valence(of: token) {
                    add(token.text, value, at: i, negatable: token.kind == .word)  // "rien :(" is still sad
                }
                i += 1
            }
            closeNegation()
        }

        /// Words whose unused negation is a complaint of its own (not `sans`, `aucun`, `non`: "sans frais").
        static let complainingNegators: Set<String> = ["pas", "jamais", "rien", "plus", "guere", "not", "never",
            "nothing", "manque de", "don't", "doesn't", "didn't", "isn't", "wasn't", "won't", "can't", "haven't", "hasn't"]
        static let unusedNegationValence = -0.4

        mutating func closeNegation() {
            if let word = unusedNegation {
                evidence.append(Evidence(text: labels ? "\(word) (negation alone)" : "", value: Self.unusedNegationValence,
                    sentence: sentence))
            }
            unusedNegation = nil
        }

        mutating func punctuation(_ token: SentimentToken) {
            closeNegation()
            negationEnd = -1
            boostEnd = -1
            inConcession = false
            switch token.kind {
            case .exclamation: exclamations += 1
            default: break
            }
            if token.endsSentence, evidence.count > sentenceStartEvidence || afterContrast {
                sentence += 1
                afterContrast = false
                previousSentenceStartEvidence = sentenceStartEvidence
                sentenceStartEvidence = evidence.count
            }
        }

        /// `ne` looks ahead, within its clause, for the second part of the negation.
        mutating func openNe(at i: Int) {
            var j = i + 1
            while j < tokens.count, j <= i + 5, tokens[j].kind == .word {
                let word = tokens[j].text
                if word == rules.restriction || (j == i + 1 && word == "importe") { return }
                if rules.negatorsAfterNe.contains(word) || rules.marker(isNegator: word) {
                    negationWord = "ne ... \(word)"
                    negationFactor = SentimentScorer.negationScale
                    negationEnd = j  // the words between ne and its second part are negated too
                    pendingNegator = j
                    evidenceAtNe = evidence.count
                    return
                }
                j += 1
            }
        }

        mutating func negate(from i: Int, word: String) {
            var end = i + SentimentScorer.negationReach
            negationFactor = SentimentScorer.negationScale
            if word.hasSuffix("peu") { negationFactor = -0.5 }
            // "pas du tout": a full flip, and the reach starts after it
            if i + 2 < tokens.count, tokens[i + 1].text == "du", tokens[i + 2].text == "tout" {
                negationFactor = -1
                end += 2
            }
            closeNegation()
            let usedAfterNe = i == pendingNegator && evidence.count > evidenceAtNe
            if !usedAfterNe, let last = word.split(separator: " ").last, Self.complainingNegators.contains(String(last)) || Self.complainingNegators.contains(word)
            {
                unusedNegation = word
            }
            negationWord = word
            negationEnd = end
        }

        /// Applies a marker; returns false when the marker is a booster that stands for itself here.
        mutating func apply(_ marker: SentimentRules.Marker, at i: Int, length: Int) -> Bool {
            switch marker {
            case .negator:
                negate(from: i + length - 1, word: tokens[i..<(i + length)].map(\.text).joined(separator: " "))
            case .booster(let share):
                let next = i + length
                if length == 1, lexicon.words[token: tokens[i]] != nil,
                    next >= tokens.count || !hasValence(at: next)
                {
                    return false  // "super" or "bien" alone: their own valence
                }
                boost += share
                boostEnd = next + 1
            case .contrast:
                if evidence.count == sentenceStartEvidence {
                    // a sentence that opens on "Mais" / "Cependant" discounts the sentence before
                    for k in previousSentenceStartEvidence..<sentenceStartEvidence { evidence[k].value *= 0.5 }
                } else {
                    for k in sentenceStartEvidence..<evidence.count { evidence[k].value *= 0.5 }
                }
                afterContrast = true
                negationEnd = -1
            case .concession:
                inConcession = true
            }
            return true
        }

        func hasValence(at i: Int) -> Bool {
            let token = tokens[i]
            if lexicon.valence(of: token) != nil { return true }
            if token.kind == .word, lexicon.phrase(in: tokens, at: i) != nil { return true }
            if token.kind == .word, let (marker, _) = rules.marker(in: tokens, at: i), case .booster = marker {
                return true
            }
            return false
        }

        mutating func add(_ text: String, _ valence: Double, at i: Int, negatable: Bool) {
            var value = valence
            var label = text
            if i <= boostEnd, boost != 0 {
                value *= max(0.2, 1 + boost)
                if labels { label = (boost > 0 ? "[+] " : "[-] ") + label }
            }
            boost = 0
            boostEnd = -1
            if negatable, i <= negationEnd {
                unusedNegation = nil
                value *= negationFactor
                if labels { label = "\(negationWord) [negated] \(label)" }
            }
            if afterContrast { value *= 1.5 }
            if inConcession { value *= 0.5 }
            evidence.append(Evidence(text: label, value: value, sentence: sentence))
        }
    }
}
