import Foundation

extension FacetExtractor {
    /// One amount of money in a sentence, with what the words around it say.
    struct Money {
        var min: Double
        var max: Double
        var currency: String
        var period: OfferFacets.PayPeriod?
        /// A bonus, a threshold or an allowance rather than the pay itself.
        var secondary: Bool
        var sentence: FacetText.Sentence
    }

    static let amount = #"\d{1,3}(?:[ .,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"#
    static let dash = #"\s*(?:-|a|to|et)\s*"#
    /// `1 850 €`, `22 000 - 24 000 € brut`, `23 000 € à 25 000 €`, `28k€`, `12,50 euros`.
    nonisolated(unsafe) static let amountThenCurrency = try! NSRegularExpression(pattern:
        #"(?:(\#(amount))\s*(k)?\s*(?:€|euros?\b|eur\b)?\#(dash))?(\#(amount))\s*(k)?\s*(€|euros?\b|eur\b)"#)
    /// `€26,000`, `€30,000 - €34,000`, `$18`, `£11.44`, `€24k`.
    nonisolated(unsafe) static let currencyThenAmount = try! NSRegularExpression(pattern:
        #"([€$£])\s*(\#(amount))\s*(k)?(?:\#(dash)[€$£]?\s*(\#(amount))\s*(k)?)?"#)

    static let actAfter = [
        "a l'acte", "par acte", "par appel", "par rendez-vous", "par rdv", "par vente", "par contrat", "par fiche",
        "par avis", "par e-mail", "par mail", "par minute", "par dossier", "par abonnement", "par ticket", "par message",
        "par conversation", "par lead", "par client", "pour chaque", "per call", "per act", "per appointment",
        "per sale", "per ticket", "per minute", "per contract", "per lead", "per email", "for each",
    ]
    static let periodAfter: [(OfferFacets.PayPeriod, [String])] = [
        (.hour, ["de l'heure", "par heure", "/ heure", "/heure", "/ h", "/h", "horaire", "per hour", "an hour", "/hr",
                 "/ hr", "hourly", "a l'heure"]),
        (.day, ["par jour", "/ jour", "/jour", "journalier", "per day", "a day", "daily", "/ day", "/day"]),
        (.week, ["par semaine", "/ semaine", "hebdomadaire", "per week", "a week", "weekly"]),
        (.month, ["par mois", "/ mois", "/mois", "mensuel", "mensuels", "mensuelle", "mensuelles", "per month", "a month",
                  "monthly", "/ month", "/month"]),
        (.year, ["par an", "/ an", "/an", "annuel", "annuels", "annuelle", "par annee", "per year", "a year", "/yr",
                 "annually", "yearly", "per annum", "/ year", "/year"]),
    ]
    static let periodBefore: [(OfferFacets.PayPeriod, [String])] = [
        (.hour, ["horaire", "hourly", "taux horaire"]),
        (.day, ["tjm", "taux journalier", "day rate", "daily rate"]),
        (.month, ["mensuel", "mensuelle", "monthly", "forfait mensuel"]),
        (.year, ["annuel", "annuelle", "annual", "yearly"]),
    ]
    /// `actAfter` and `periodAfter`, in the order they are tried, as phrase lists (their words hashed once).
    static let periodAfterLists: [(OfferFacets.PayPeriod, Phrases)] =
        [(.act, Phrases(actAfter))] + periodAfter.map { ($0.0, Phrases($0.1)) }
    static let periodBeforeLists: [(OfferFacets.PayPeriod, Phrases)] = periodBefore.map { ($0.0, Phrases($0.1)) }
    static let secondaryBefore = ["prime", "primes", "bonus", "au-dela", "au dela", "majoration", "indemnite",
                                  "indemnites", "ticket", "tickets", "jusqu'a", "plus de", "minimum de", "seuil"]
    /// Pay that is wholly per act or commission, when no amount says so.
    static let actOnly: Phrases = [
        "a la commission", "uniquement a la commission", "commission only", "commission uniquement", "exclusivement variable",
        "remuneration a l'acte", "a l'acte", "a la tache", "sans fixe", "no base salary", "commission de",
        "remunere a la commission", "paid per",
    ]
    /// Words that put a per-act part into the pay (beside a fixed salary or alone).
    static let actPart: Phrases = [
        "commission", "commissions", "a l'acte", "+ variable", "plus variable", "exclusivement variable",
        "part variable", "primes sur ventes", "primes sur les ventes", "prime sur les ventes", "primes sur vos ventes",
        "a la tache", "per appointment", "paid per",
    ]
    static let percentSign = Phrase("%")
    static let euroSign = Array("€".utf8), eurBytes = Array("eur".utf8), dollarSign = Array("$".utf8), poundSign = Array("£".utf8)
    static let payWords: Phrases = ["remuneration", "remunere", "salaire", "commission", "pay", "paid", "paye", "tarif", "rate"]
    /// A percentage near these is about remote work ("télétravail à 100 %"), not pay.
    static let remoteWords: Phrases = ["teletravail", "remote", "a distance"]

    /// False when `currencyThenAmount` cannot match: every match has a €, $ or £ followed by white space and a
    /// digit. Decided on bytes: after each sign, ASCII white space is skipped (a superset of ICU's `\s` there);
    /// what follows must be an ASCII digit, or a non-ASCII byte (which might be another space or digit).
    static func signMayLeadAmount(_ folded: String) -> Bool {
        var text = folded
        return text.withUTF8 { bytes in
            let n = bytes.count
            var i = 0
            while i < n {
                var after = -1
                if bytes[i] == UInt8(ascii: "$") {
                    after = i + 1
                } else if bytes[i] == 0xE2, i + 2 < n, bytes[i + 1] == 0x82, bytes[i + 2] == 0xAC {  // €
                    after = i + 3
                } else if bytes[i] == 0xC2, i + 1 < n, bytes[i + 1] == 0xA3 {  // £
                    after = i + 2
                }
                if after >= 0 {
                    var j = after
                    while j < n && (bytes[j] == 0x20 || (bytes[j] >= 0x09 && bytes[j] <= 0x0D)) { j += 1 }
                    if j < n && ((bytes[j] >= 0x30 && bytes[j] <= 0x39) || bytes[j] >= 0x80) { return true }
                    i = after
                } else {
                    i += 1
                }
            }
            return false
        }
    }

    /// False when `amountThenCurrency` cannot match: every match ends with `€`, `eur` or `euro(s)` that white space,
    /// perhaps a `k` and more white space separate from the last digit of an amount. Decided on bytes, from each
    /// `€` and `eur` backwards: ASCII white space is skipped; a byte beyond ASCII (which might be white space or a
    /// digit of another script) answers true at once. Most sentences with "eur" have it inside a word ("heures",
    /// "recruteur"), which this rules out without the regex.
    static func mayEndAmount(_ folded: String) -> Bool {
        var text = folded
        return text.withUTF8 { bytes in
            let n = bytes.count
            /// Whether an amount may end just before `end`: true too when a byte beyond ASCII is met on the way.
            func digitBefore(_ end: Int) -> Bool {
                var j = end - 1
                func skipSpaces() -> Bool {  // false when a byte beyond ASCII is met
                    while j >= 0 {
                        let b = bytes[j]
                        if b >= 0x80 { return false }
                        guard b == 0x20 || (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x1F) else { return true }
                        j -= 1
                    }
                    return true
                }
                guard skipSpaces() else { return true }
                if j >= 0 && bytes[j] == UInt8(ascii: "k") {
                    j -= 1
                    guard skipSpaces() else { return true }
                }
                return j >= 0 && bytes[j] >= 0x30 && bytes[j] <= 0x39
            }
            var i = 0
            while i < n {
                let b = bytes[i]
                if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x82, bytes[i + 2] == 0xAC {  // €
                    if digitBefore(i) { return true }
                    i += 3
                } else if b == UInt8(ascii: "e"), i + 2 < n, bytes[i + 1] == UInt8(ascii: "u"), bytes[i + 2] == UInt8(ascii: "r") {
                    if digitBefore(i) { return true }
                    i += 3
                } else {
                    i += 1
                }
            }
            return false
        }
    }

    static func number(_ text: String, thousands: Bool) -> Double? {
        guard let value = SalaryText.numbers(in: text).first else { return nil }
        return thousands && value < 1000 ? value * 1000 : value
    }

    /// Every amount of money in the text, in order.
    static func money(_ text: FacetText) -> [Money] {
        var result: [Money] = []
        for s in text.sentences where s.mayHoldDigits {
            let ns = s.folded as NSString
            let whole = NSRange(location: 0, length: ns.length)
            var found: [(NSRange, Double, Double, String)] = []
            func group(_ m: NSTextCheckingResult, _ i: Int) -> String? {
                m.range(at: i).location == NSNotFound ? nil : ns.substring(with: m.range(at: i))
            }
            // Each pattern needs one of its currency words or signs: a sentence without them is not searched.
            let euro = Phrase.bytes(of: s.folded, contain: euroSign)
            let named = (euro || Phrase.bytes(of: s.folded, contain: eurBytes)) && mayEndAmount(s.folded)
            let signed = (euro || Phrase.bytes(of: s.folded, contain: dollarSign) || Phrase.bytes(of: s.folded, contain: poundSign))
                && signMayLeadAmount(s.folded)
            if !named && !signed { continue }
            for m in named ? amountThenCurrency.matches(in: s.folded, range: whole) : [] {
                let k = group(m, 4) != nil
                guard let hi = group(m, 3).flatMap({ number($0, thousands: k) }) else { continue }
                let lo = group(m, 1).flatMap { number($0, thousands: group(m, 2) != nil || k) } ?? hi
                found.append((m.range, Swift.min(lo, hi), Swift.max(lo, hi), "EUR"))
            }
            for m in signed ? currencyThenAmount.matches(in: s.folded, range: whole) : []
            where !found.contains(where: { NSIntersectionRange($0.0, m.range).length > 0 }) {
                let symbol = group(m, 1) ?? "€"
                guard let lo = group(m, 2).flatMap({ number($0, thousands: group(m, 3) != nil) }) else { continue }
                let hi = group(m, 4).flatMap { number($0, thousands: group(m, 5) != nil) } ?? lo
                let currency = symbol == "$" ? "USD" : symbol == "£" ? "GBP" : "EUR"
                found.append((m.range, Swift.min(lo, hi), Swift.max(lo, hi), currency))
            }
            found.sort { $0.0.location < $1.0.location }
            for (range, lo, hi, currency) in found {
                // The words after the amount, up to the next number; the words before, back to the previous one.
                var after = ns.substring(from: range.location + range.length)
                if let digit = after.firstIndex(where: \.isNumber) { after = String(after[..<digit]) }
                after = " " + String(after.prefix(45)) + " "
                var before = ns.substring(to: range.location)
                if let digit = before.lastIndex(where: \.isNumber) { before = String(before[before.index(after: digit)...]) }
                before = " " + String(before.suffix(40)) + " "
                // The nearest period after the amount: in "12 € / heure + prime par rendez-vous" the pay is hourly
                // and the act belongs to the bonus.
                var period: OfferFacets.PayPeriod?
                var nearest: String.Index?
                let afterWords = FacetText.Sentence(original: after, folded: after)
                for (candidate, words) in periodAfterLists {
                    if let r = afterWords.firstWord(words), nearest.map({ r.lowerBound < $0 }) ?? true {
                        period = candidate
                        nearest = r.lowerBound
                    }
                }
                if period == nil {
                    let beforeWords = FacetText.Sentence(original: before, folded: before)
                    period = periodBeforeLists.first { beforeWords.hasWord($0.1) }?.0
                }
                let tail = String(before.suffix(28))
                let secondary = tail.hasWord(secondaryBefore) || after.hasPrefix(" de bonus") || after.hasPrefix(" de prime")
                    || after.hasPrefix(" de ventes") || after.hasPrefix(" de chiffre")
                result.append(Money(min: lo, max: hi, currency: currency, period: period, secondary: secondary, sentence: s))
            }
        }
        return result
    }

    static func pay(_ text: FacetText, offer: Offer) -> OfferFacets.Pay {
        var pay = OfferFacets.Pay()
        let salaryText = offer.salaryText.map { FacetText([$0]) }
        let mentions = (salaryText.map(money) ?? []) + money(text)
        let acts = mentions.filter { $0.period == .act }
        let percentPay = text.sentences.first { s in
            percentSign.found(in: s.folded) && s.hasWord(payWords) && !s.hasWord(remoteWords)
        }
        let actSentence = find(text, actPart)
        pay.perAct = !acts.isEmpty || actSentence != nil || percentPay != nil
        if offer.salaryMin != nil || offer.salaryMax != nil {
            pay.min = offer.salaryMin ?? offer.salaryMax
            pay.max = offer.salaryMax ?? offer.salaryMin
            pay.period = offer.salaryPeriod.flatMap(OfferFacets.PayPeriod.init(rawValue:))
            pay.currency = offer.currency ?? "EUR"
            pay.evidence = offer.salaryText ?? "structured data: salary"
            if let base = mentions.first(where: { !$0.secondary && $0.period != nil && $0.period != .act }) {
                if pay.period == nil { pay.period = base.period }
            } else if let act = acts.first(where: { act in
                // The text says per act what the structured data gives per hour or month: the text is right.
                pay.period == nil || [pay.min, pay.max].contains { $0.map { abs($0 - act.min) <= 0.01 * max(1, act.min) } ?? false }
            }) {
                pay.period = .act
                pay.evidence = act.sentence.original
            }
            return pay
        }
        if let base = mentions.first(where: { !$0.secondary && $0.period != nil && $0.period != .act }) {
            pay.min = base.min
            pay.max = base.max
            pay.period = base.period
            pay.currency = base.currency
            pay.evidence = base.sentence.original
        } else if let first = acts.first(where: { !$0.secondary }) ?? acts.first {
            let same = acts.filter { $0.sentence.original == first.sentence.original }
            pay.min = same.map(\.min).min()
            pay.max = same.map(\.max).max()
            pay.period = .act
            pay.currency = first.currency
            pay.evidence = first.sentence.original
        } else if let s = find(text, actOnly) ?? percentPay {
            pay.period = .act
            pay.evidence = s.original
        } else if let loose = mentions.first(where: { !$0.secondary }) {
            // An amount without a period: its size tells (12 € is hourly, 1 850 € monthly, 24 000 € yearly).
            pay.min = loose.min
            pay.max = loose.max
            pay.currency = loose.currency
            pay.period = loose.max < 100 ? .hour : loose.max < 700 ? .day : loose.max < 8000 ? .month : .year
            pay.evidence = loose.sentence.original
        } else if let s = actSentence {
            pay.period = .act
            pay.evidence = s.original
        }
        if pay.perAct && pay.evidence == nil { pay.evidence = (actSentence ?? percentPay)?.original }
        return pay
    }
}
