import Foundation
import Testing
@testable import HomeshoreKit

/// The byte-level folding, splitting and phrase search of `FacetText` against the Foundation code they replace
/// (kept as `foldReference`, `splitReference` and `wordRangesReference`): same strings, same ranges, on tricky
/// strings, on every tabulated scalar in context, and on the labeled set with every phrase the extractor uses.
@Suite struct FacetTextTests {
    static let tricky = [
        "Téléconseiller à domicile H/F", "CŒUR de métier ; Œuvre", "Aujourd’hui – demain — après", "35\u{00A0}h\u{202F}/ semaine",
        "Straße, ÆSIR, Ørsted, Ĳssel, ǅemal, İstanbul, ẞ", "café\u{0301} e\u{0301}quipe", "a\r\nb\rc\nd\te  f",
        "fin. Début! Suite? oui;non • puce", "1.5 h. 2,50 €. 3. ", "emoji 📞 appel 👍🏽 ok ❤️ chat 🇫🇷 fin",
        "ﬁn ﬂux", "K Kelvin \u{212A} ; grec \u{037E} ` \u{1FEF}", "zéro\u{200B}largeur\u{200D}joint", "  ", "",
        "« Guillemets » “anglais” ‘simples’ … ‰ ‱ € £ $ ¥ ™ ℃ №", "Ⅳ ① ⑳ ½ ¼ ² ³ µ ×÷", "\u{0085}NEL\u{2028}LS\u{2029}PS",
        "télé-travail\u{00AD}doux", "ÉTÉ À ÇA ÂGE ÊTRE ÎLE ÔTER ÛN ËL ÏL ÜB ŸV", "x.\u{00A0}y. z.\u{3000}w", "a.\u{0301} b",
        "teletravail:non,e-mail/chat(7j/7)teleconseillers€remuneree«hybride»100%teletravail", "cdi.cdd;interim-temp",
        "repondez,traitez,moderateurs et teleprospection 2 jours/semaine", "télétravailé teletravailX Xteletravail 7/7j",
        "de 18 h à 22 h, 19h-23h, 8 h a 0 h, 20 h -\t21 h", "24 heures par semaine, 3 h par jour, 2 jours par semaine",
    ]

    /// Every phrase of the extractor's lists.
    static var phrases: [String] {
        let E = FacetExtractor.self
        var all = E.onSiteStrong + E.hybridWords + E.fullWords + E.onSiteWeak + E.remoteContext + E.independentWords
            + E.prospectBefore + E.actAfter + E.secondaryBefore + E.actOnly + E.actPart + E.payWords
        all += E.contractWords.flatMap(\.1) + E.periodAfter.flatMap(\.1) + E.periodBefore.flatMap(\.1)
        all += E.fullTimeWords + E.partTimeWords + E.eveningWords + E.weekendWords + E.channelWords.flatMap(\.1)
        all += E.applyingWords + E.inboundWords + E.handlingVerbs + E.outboundWords + E.phoneWords + E.afterSalesWords
        all += E.techSupportWords + E.appointmentWords + E.moderationWords + E.itemWords.flatMap(\.1)
        all += E.requiredMarkers + E.providedMarkers + E.trainingWords + E.unpaidWords + E.paidWords
        all += ["pas", "aucun", "aucune", "sans", "ni", "no", "not", "non", "jamais", "never", "windows", "ou", "or",
                "cdi", "cdd", "contrat", "interim", "remboursements", "colis", "commande", "livraison", "a", "e", "1",
                "-", "'", "k", "K", "é", ";", "a*", "7/7", "100 % teletravail"]
        return all
    }

    static func texts() throws -> [String] {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let lines = try String(contentsOf: folder.appendingPathComponent("facets/offers.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        return try lines.flatMap { line -> [String] in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            return [object["title"] as? String, object["description"] as? String].compactMap { $0 }
        } + tricky
    }

    @Test func foldingMatchesFoundation() throws {
        for text in try Self.texts() {
            #expect(FacetText.fold(text) == FacetText.foldReference(text), "\(text)")
            #expect(Array(FacetText.fold(text).utf8) == Array(FacetText.foldReference(text).utf8))
        }
        // Every tabulated scalar, alone and between letters, spaces and other tabulated scalars.
        let scalars = FacetFold.table.keys.sorted().compactMap(Unicode.Scalar.init)
        for (i, s) in scalars.enumerated() {
            let next = scalars[(i * 7 + 3) % scalars.count]
            for text in ["\(s)", "A\(s)b", " \(s) ", "e\(s)\(next)Z", "\(s)\(s) \(next)\r\n\(s)"] {
                #expect(Array(FacetText.fold(text).utf8) == Array(FacetText.foldReference(text).utf8), "U+\(String(s.value, radix: 16))")
            }
        }
    }

    /// The one-pass fold of sentences is `fold` with a space at each end, and no sentence where `fold` is empty.
    @Test func paddedFoldingMatchesFolding() throws {
        #expect(FacetFold.table.values.allSatisfy { !$0.isEmpty && !$0.contains(0x0D) && !$0.contains(0x0A) })
        var texts = try Self.texts() + Self.tricky + ["\r\n", " \r\n ", "a\r\n b", "\rb\n", "\u{00A0}", "É\r\nÉ", " \u{2003} x \t"]
        let scalars = FacetFold.table.keys.sorted().compactMap(Unicode.Scalar.init)
        for (i, s) in scalars.enumerated() {
            let next = scalars[(i * 7 + 3) % scalars.count]
            texts += ["\(s)", "A\(s)b", " \(s) ", "e\(s)\(next)Z", "\(s)\(s) \(next)\r\n\(s)"]
        }
        for text in texts {
            let folded = FacetText.fold(text)
            let expected = folded.isEmpty ? nil : " " + folded + " "
            #expect(FacetText.paddedFold(text).map { Array($0.utf8) } == expected.map { Array($0.utf8) }, "\(text)")
        }
    }

    @Test func splittingMatchesFoundation() throws {
        for text in try Self.texts() {
            let fast = FacetText.split(text), reference = FacetText.splitReference(text)
            #expect(fast.map { Array($0.utf8) } == reference.map { Array($0.utf8) }, "\(text)")
        }
    }

    @Test func phraseSearchMatchesFoundation() throws {
        var sentences = try Self.texts().flatMap(FacetText.splitReference).map { " " + FacetText.foldReference($0) + " " }
        sentences += Self.tricky + Self.tricky.map(FacetText.foldReference)
        let phrases = Self.phrases
        let list = Phrases(phrases)
        var matches = 0
        for s in sentences {
            let sentence = FacetText.Sentence(original: s, folded: s)
            for (i, p) in phrases.enumerated() {
                let fast = s.wordRanges(of: p), reference = s.wordRangesReference(of: p)
                #expect(fast == reference, "\(p) in \(s)")
                // The sentence's byte-pair filter never hides a match, nor does a phrase's precomputed mask.
                #expect(sentence.wordRanges(of: p) == reference, "byte pairs: \(p) in \(s)")
                #expect(sentence.wordRanges(of: list, at: i) == reference, "mask: \(p) in \(s)")
                matches += fast.count
            }
            #expect(sentence.hasWord(list) == sentence.hasWord(phrases), "\(s)")
            #expect(sentence.firstWord(list) == sentence.firstWord(phrases), "\(s)")
        }
        #expect(matches > 1000)
    }

    /// An offer's words rule out only phrases that occur in none of its sentences: every phrase with a match in a
    /// sentence is among `candidates(in:)`, and the filter does rule phrases out.
    @Test func offerWordsNeverHideAPhrase() throws {
        let phrases = Self.phrases
        let list = Phrases(phrases)
        var ruledOut = 0, kept = 0
        for text in try Self.texts() + [Self.tricky.joined(separator: "\n")] {
            let facetText = FacetText([text])
            let candidates = Set(list.candidates(in: facetText))
            for (i, p) in phrases.enumerated() {
                let found = facetText.sentences.contains { !$0.folded.wordRangesReference(of: p).isEmpty }
                if found { #expect(candidates.contains(i), "\(p) in \(text)") }
                if candidates.contains(i) { kept += 1 } else { ruledOut += 1 }
            }
        }
        #expect(ruledOut > 10 * kept)
    }

    /// The regular expressions' byte tests never skip a sentence where the expression matches.
    @Test func hourPatternFiltersNeverHideAMatch() throws {
        var sentences = try Self.texts().flatMap { FacetText([$0]).sentences }
        sentences += FacetText(Self.tricky).sentences
        let money = ["€26,000", "€ 30 000 - € 34 000", "$18", "£11.44", "€24k", "€\t\n5", "1 900 € a 2 300 €", "$ x 3", "£", "€\u{00A0}12",
                     "€\u{2009}12", "€٣", "prix: $", "$$5", "€€ 7", "12 € brut", "£ £ 4"]
        sentences += money.map { FacetText.Sentence(original: $0, folded: " " + $0 + " ") }
        var signed = 0
        for s in sentences {
            let whole = NSRange(location: 0, length: (s.folded as NSString).length)
            if FacetExtractor.currencyThenAmount.firstMatch(in: s.folded, range: whole) != nil {
                #expect(FacetExtractor.signMayLeadAmount(s.folded), "\(s.folded)")
                signed += 1
            }
        }
        #expect(signed >= 8)
        // Amounts followed by their currency, and "eur" inside words, next to digits or not.
        let named = ["1 850 €", "22 000 - 24 000 € brut", "28k€", "28 k €", "12,50 euros", "12eur", "35 heures", "35heures",
                     "recruteur 3", "3 recruteurs", "12\u{00A0}€", "12\u{202F}euros", "٣ €", "k€ 5", "5 kk €", "€ 5", "euro", "5\teur",
                     "2 000 euros par mois", "10 h a 12 heures", "h eur 4", "5 k\u{00A0}€"]
        var ended = 0, ruledOut = 0
        for s in sentences + named.map({ FacetText.Sentence(original: $0, folded: " " + $0 + " ") }) {
            let whole = NSRange(location: 0, length: (s.folded as NSString).length)
            if FacetExtractor.amountThenCurrency.firstMatch(in: s.folded, range: whole) != nil {
                #expect(FacetExtractor.mayEndAmount(s.folded), "\(s.folded)")
                ended += 1
            } else if !FacetExtractor.mayEndAmount(s.folded) && s.folded.contains("eur") {
                ruledOut += 1
            }
        }
        #expect(ended >= 10 && ruledOut >= 10, "\(ended) matched, \(ruledOut) ruled out")
        var matched = 0
        for s in sentences {
            let whole = NSRange(location: 0, length: (s.folded as NSString).length)
            if FacetExtractor.lateRange.firstMatch(in: s.folded, range: whole) != nil {
                #expect(FacetExtractor.mayEndLate(s), "\(s.folded)")
                matched += 1
            }
            if FacetExtractor.dailyHours.firstMatch(in: s.folded, range: whole) != nil {
                #expect(FacetExtractor.mayCountDailyHours(s), "\(s.folded)")
                matched += 1
            }
            if FacetExtractor.workDays.firstMatch(in: s.folded, range: whole) != nil {
                #expect(FacetExtractor.mayCountWorkDays(s), "\(s.folded)")
                matched += 1
            }
        }
        #expect(matched >= 5)
    }

    @Test func lowerCasingMatchesTheStandardLibrary() throws {
        let every = String(String.UnicodeScalarView((0x20..<0x300).compactMap(Unicode.Scalar.init)))
        #expect(Array(Phrase.lowercased(every).utf8) == Array(every.lowercased().utf8))
        for text in try Self.texts() {
            #expect(Array(Phrase.lowercased(text).utf8) == Array(text.lowercased().utf8), "\(text)")
            if let plain = Phrase.lowercasedPlainBytes(text) { #expect(plain == Array(text.lowercased().utf8)) }
        }
        // Every ASCII byte at every offset of the eight-byte words, runs of every length between other scalars.
        let ascii = String(decoding: (0..<0x80).map(UInt8.init), as: UTF8.self)
        for shift in 0..<9 {
            for text in [String(repeating: "é", count: shift) + ascii + "ÀZ@[`{",
                         String(ascii.dropFirst(shift * 7)) + "Ÿ" + String(ascii.prefix(shift * 3))] {
                #expect(Array(Phrase.lowercased(text).utf8) == Array(text.lowercased().utf8), "\(text)")
                #expect(Phrase.lowercasedPlainBytes(text) == Array(text.lowercased().utf8), "\(text)")
            }
        }
        #expect(Phrase.lowercasedPlainBytes("İ") == nil)  // lowers to i and a combining dot: not plain
        #expect(Phrase.lowercasedPlainBytes("A\u{0301}") == nil)
        // Every scalar of the first three planes, alone and between cased letters: those that no lower-casing
        // changes are copied, the others sent to the standard library; the answer is the same either way.
        var differences: [UInt32] = []
        for v in 0x80..<0x30000 {
            guard let scalar = Unicode.Scalar(v) else { continue }
            for text in [String(Character(scalar)), "Ab\(String(Character(scalar)))Éc d"] {
                if Array(Phrase.lowercased(text).utf8) != Array(text.lowercased().utf8) { differences.append(UInt32(v)) }
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(20).map { String($0, radix: 16) })")
    }

    @Test func plainPhraseSearchMatchesFoundation() throws {
        let phrases = (RemoteText.Running.hybrid + RemoteText.Running.full + RemoteText.Running.onSite
            + RemoteText.Badge.hybrid + RemoteText.Badge.full + RemoteText.Badge.onSite)
        var found = 0
        for text in try Self.texts() + Self.tricky.map({ $0 + " à domicile, télé\u{0301}travail complet" }) {
            let t = Phrase.lowercased(text)
            let plain = Phrase.isPlain(t)
            for phrase in phrases {
                let fast = phrase.found(in: t, plain: plain)
                #expect(fast == t.contains(phrase.text), "\(phrase.text) in \(t)")
                if fast { found += 1 }
            }
        }
        #expect(found > 100)
    }
    /// Remote work read from running text on bytes (``RemoteText/plainFromText(_:)``) answers as the general way and
    /// as Foundation alone (lower-cased, `’` and no-break spaces replaced, `contains`), on the labeled texts, the
    /// tricky strings and each of them around every phrase, with `’`, no-break spaces and capitals.
    @Test func remoteFromTextOnBytesMatchesFoundation() throws {
        func reference(_ text: String) -> String? {
            let t = text.lowercased().replacingOccurrences(of: "’", with: "'")
                .replacingOccurrences(of: "\u{00A0}", with: " ")
            if RemoteText.Running.hybrid.contains(where: { t.contains($0.text) }) { return "hybrid" }
            if RemoteText.Running.full.contains(where: { t.contains($0.text) }) { return "full" }
            if RemoteText.Running.onSite.contains(where: { t.contains($0.text) }) { return "on_site" }
            return nil
        }
        let phrases = (RemoteText.Running.hybrid + RemoteText.Running.full + RemoteText.Running.onSite).map(\.text)
        var texts = try Self.texts()
        for (i, phrase) in phrases.enumerated() {
            let around = Self.tricky[i % Self.tricky.count]
            texts += [around + " " + phrase.uppercased() + " " + around,
                      phrase.replacingOccurrences(of: " ", with: "\u{00A0}") + "’s",
                      "l’" + phrase + "\u{00A0}!", String(phrase.dropLast()), phrase + "\u{0301}"]
        }
        texts += ["jours de télé\u{0301}travail", "TÉLÉTRAVAIL PARTIEL", "İ 100 % télétravail", "100\u{00A0}% télétravail",
                  "sur\u{00A0}site", "’’\u{00A0}\u{00A0}", "\u{00C2}\u{00A0}"]
        var plain = 0
        var answers: Set<String?> = []
        for text in texts {
            let expected = reference(text)
            #expect(RemoteText.fromText(text) == expected, "\(text)")
            #expect(RemoteText.generalFromText(text) == expected, "\(text)")
            if let onBytes = RemoteText.plainFromText(text) {
                plain += 1
                #expect(onBytes == expected, "\(text)")
            }
            answers.insert(expected)
        }
        #expect(plain > texts.count / 2)
        #expect(answers == ["hybrid", "full", "on_site", nil])
    }

    /// The facets' JSON is `JSONEncoder`'s, byte for byte: on the labeled texts and the tricky strings (as title,
    /// description and evidence), and on amounts and strings that need escaping; and it reads back to the facets.
    @Test func facetJSONMatchesJSONEncoder() throws {
        var all: [OfferFacets] = []
        for text in try Self.texts() + Self.tricky {
            all.append(FacetExtractor.facets(title: text, description: text))
        }
        var odd = OfferFacets()
        odd.pay = .init(min: 11.44, max: 1850, period: .month, currency: "EUR", perAct: true,
                        evidence: "a \"quoted\" \\ back/slash\n\t\r\u{08}\u{0C}\u{01}\u{1F} é € 📞")
        odd.hours = .init(value: .partTime, perWeek: 17.5, schedule: [.init(.evening, evidence: nil), .init(.weekend, evidence: "</script>")],
                          evidence: nil)
        odd.remote = .init(.hybrid, evidence: "")
        all.append(odd)
        for value in [0, 0.1, 0.5, 1, 12.1, 12.10, 24_000, 1e15, 123_456.78, 2.5e-7, 1e21, -3] as [Double] {
            var f = OfferFacets()
            f.pay.min = value
            f.pay.max = value * 3
            f.hours.perWeek = value
            all.append(f)
        }
        for facets in all {
            #expect(facets.jsonText == facets.jsonTextReference)
            #expect(OfferFacets.fromJSON(facets.jsonText) == facets)
        }
        #expect(all.count > 150)
    }
}
