import Foundation

extension FacetExtractor {
    // MARK: - Hours

    static let fullTimeWords: Phrases = ["temps plein", "temps complet", "full-time", "full time", "plein temps"]
    static let partTimeWords: Phrases = ["temps partiel", "mi-temps", "part-time", "part time", "temps partiel :"]
    /// Sentences where a bare amount of hours (`35 h`) is the working time.
    static let hoursContext = partTimeWords + fullTimeWords + ["cdi", "cdd", "contrat", "interim"]
    /// `24 heures par semaine`, `17 h 30 par semaine`, `20 h/semaine`, `16 hours per week`, `22 heures hebdomadaires`.
    nonisolated(unsafe) static let weeklyHours = try! NSRegularExpression(pattern:
        #"(\d{1,2}(?:[.,]\d)?)\s*(?:h|heures?|hours?|hrs?)(?:\s*(\d{2}))?\s*(?:par semaine|/\s*semaine|hebdomadaires?|hebdo|per week|a week|weekly|/\s*week)"#)
    /// `35 h`, `39 heures`, `(20 heures)`: an amount of hours that is not a time of day (`de 18 h à 22 h`).
    nonisolated(unsafe) static let looseHours = try! NSRegularExpression(pattern:
        #"(?<![a-z0-9] (?:de|a|to|from) )(?<!\d )\b(\d{1,2})\s*(?:h|heures|hours)\b(?!\s*(?:-|a |to |\d))"#)
    nonisolated(unsafe) static let dailyHours = try! NSRegularExpression(pattern:
        #"(\d{1,2})\s*(?:h|heures?|hours?)\s*(?:par jour|per day|a day)"#)
    nonisolated(unsafe) static let workDays = try! NSRegularExpression(pattern:
        #"\b([1-4]|un|deux|trois|quatre|one|two|three|four) (?:jours?|days?) (?:par semaine|per week|a week)"#)
    /// A time range ending late: `de 18 h à 22 h`, `18 h - 23 h`, `19h-22h`.
    nonisolated(unsafe) static let lateRange = try! NSRegularExpression(pattern:
        #"\b\d{1,2}\s*h(?:\d{2})?\s*(?:-|a)\s*(2[1-4]|0[0-6]?)\s*h"#)

    static let partTimePossible = Phrase("temps partiel possible")
    static let weekBytes = [Array("semaine".utf8), Array("hebdo".utf8), Array("week".utf8)]

    /// False when the sentence holds none of `semaine`, `hebdo` and `week`, one of which `weeklyHours` needs.
    static func mayCountWeeks(_ s: FacetText.Sentence) -> Bool {
        weekBytes.contains { Phrase.bytes(of: s.folded, contain: $0) }
    }

    static let perDayBytes = [Array("par jour".utf8), Array("per day".utf8), Array("a day".utf8)]
    static let perWeekBytes = [Array("par semaine".utf8), Array("per week".utf8), Array("a week".utf8)]

    /// False when the sentence holds none of the literal endings `dailyHours` needs (its spaces are literal).
    static func mayCountDailyHours(_ s: FacetText.Sentence) -> Bool {
        perDayBytes.contains { Phrase.bytes(of: s.folded, contain: $0) }
    }

    /// False when the sentence holds none of the literal endings `workDays` needs.
    static func mayCountWorkDays(_ s: FacetText.Sentence) -> Bool {
        perWeekBytes.contains { Phrase.bytes(of: s.folded, contain: $0) }
    }

    /// False when `lateRange` cannot match: every match holds `-` or `a`, then white space, then `2` and one of
    /// `1` to `4`, or `0`. Decided on the bytes of an ASCII sentence (ASCII white space is a superset of what
    /// ICU's `\s` matches there); a sentence with other bytes, where `\s` and `\d` reach further, may always match.
    static func mayEndLate(_ s: FacetText.Sentence) -> Bool {
        guard s.isASCII else { return true }
        var text = s.folded
        return text.withUTF8 { bytes in
            let n = bytes.count
            var i = 0
            while i < n {
                let b = bytes[i]
                i += 1
                guard b == UInt8(ascii: "-") || b == UInt8(ascii: "a") else { continue }
                var j = i
                while j < n && (bytes[j] == 0x20 || (bytes[j] >= 0x09 && bytes[j] <= 0x0D)) { j += 1 }
                guard j < n else { return false }
                if bytes[j] == UInt8(ascii: "0") { return true }
                if bytes[j] == UInt8(ascii: "2"), j + 1 < n, bytes[j + 1] >= UInt8(ascii: "1"), bytes[j + 1] <= UInt8(ascii: "4") {
                    return true
                }
            }
            return false
        }
    }

    static func hours(_ text: FacetText) -> OfferFacets.Hours {
        var hours = OfferFacets.Hours()
        var full: FacetText.Sentence?
        var part: FacetText.Sentence?
        var perWeek: (Double, FacetText.Sentence)?
        for s in text.sentences {
            // Every pattern below needs a digit or a day word: other sentences are not made NSStrings (bridged and
            // measured in UTF-16 at every sentence, they cost more than the patterns' searches).
            let ns: NSString = s.mayHoldDigits || s.mayCountDays ? s.folded as NSString : ""
            let whole = NSRange(location: 0, length: ns.length)
            if full == nil, let r = s.firstWord(fullTimeWords), !negated(s, r) { full = s }
            if part == nil, let r = s.firstWord(partTimeWords), !negated(s, r) {
                // "temps partiel possible", "temps plein ou temps partiel au choix": an option, not the job.
                let rest = s.folded[r.upperBound...]
                if !(rest.hasPrefix(" possible") || rest.hasPrefix(" envisageable")) { part = s }
            }
            if perWeek == nil, s.mayHoldDigits, mayCountWeeks(s), let m = weeklyHours.firstMatch(in: s.folded, range: whole) {
                var value = Double(ns.substring(with: m.range(at: 1)).replacingOccurrences(of: ",", with: ".")) ?? 0
                if m.range(at: 2).location != NSNotFound { value += (Double(ns.substring(with: m.range(at: 2))) ?? 0) / 60 }
                if value > 0 && value <= 48 { perWeek = (value, s) }
            }
            if perWeek == nil, s.hasWord(hoursContext),
               s.mayHoldDigits, !partTimePossible.found(in: s.folded) {
                for m in looseHours.matches(in: s.folded, range: whole) {
                    let value = Double(ns.substring(with: m.range(at: 1))) ?? 0
                    if s.hasWord(partTimeWords) && value >= 5 && value < 35 || value == 35 || value == 39 {
                        perWeek = (value, s)
                        break
                    }
                }
            }
            if part == nil, s.mayHoldDigits, s.mayCountDays, mayCountDailyHours(s), let m = dailyHours.firstMatch(in: s.folded, range: whole),
               let v = Double(ns.substring(with: m.range(at: 1))), v <= 6 {
                part = s
            }
            if part == nil, s.mayCountDays, mayCountWorkDays(s), workDays.firstMatch(in: s.folded, range: whole) != nil,
               !s.hasWord(remoteContext) {
                part = s
            }
        }
        if full != nil && part != nil && full!.original == part!.original && full!.folded.hasWord(["ou", "or"]) {
            // "temps plein ou temps partiel": either; the offer does not decide.
        } else if let (value, s) = perWeek {
            hours.perWeek = value
            hours.value = value >= 35 ? .fullTime : .partTime
            hours.evidence = s.original
        } else if let part {
            hours.value = .partTime
            hours.evidence = part.original
        } else if let full {
            hours.value = .fullTime
            hours.evidence = full.original
        }
        if let p = part, hours.value == .fullTime, hours.perWeek == nil { hours.value = .partTime; hours.evidence = p.original }
        hours.schedule = schedule(text)
        return hours
    }

    static let eveningWords: Phrases = ["soir", "soirs", "soiree", "soirees", "evening", "evenings", "nuit", "nuits", "night",
                               "nights", "nocturne", "nocturnes", "night shift"]
    static let weekendWords: Phrases = ["week-end", "week-ends", "weekend", "weekends", "samedi", "samedis", "dimanche",
                               "dimanches", "saturday", "saturdays", "sunday", "sundays", "7 jours sur 7",
                               "sept jours sur sept", "7j/7", "7/7"]

    static func schedule(_ text: FacetText) -> [OfferFacets.Facet<OfferFacets.Schedule>] {
        var result: [OfferFacets.Facet<OfferFacets.Schedule>] = []
        func free(_ s: FacetText.Sentence, _ r: Range<String.Index>) -> Bool {
            let after = s.folded[r.upperBound...]
            return !negated(s, r, window: 14) && !after.hasPrefix(" libre") && !after.hasPrefix(" off")
        }
        if let s = find(text, eveningWords, where: free) {
            result.append(.init(.evening, evidence: s.original))
        } else if let s = text.sentences.first(where: {
            $0.mayHoldDigits && mayEndLate($0) && lateRange.firstMatch(in: $0.folded, range: NSRange(location: 0, length: ($0.folded as NSString).length)) != nil
        }) {
            result.append(.init(.evening, evidence: s.original))
        }
        if let s = find(text, weekendWords, where: free) { result.append(.init(.weekend, evidence: s.original)) }
        return result
    }

    // MARK: - Channels

    static let channelWords: [(OfferFacets.Channel, Phrases)] = [
        (.phone, ["telephone", "telephonique", "telephoniques", "appel", "appels", "appeler", "appelez", "rappelez",
                  "rappeler", "teleconseiller*", "televente", "televendeur*", "teleprospect*", "teleoperat*",
                  "telesecretariat", "hotline", "hotliner", "decrochez les appels", "call", "calls", "calling", "phone",
                  "telesales", "call center", "call centre", "caller", "callers"]),
        (.email, ["e-mail", "e-mails", "email", "emails", "mail", "mails", "courriel", "courriels", "courrier electronique",
                  "messagerie securisee", "tickets e-mail"]),
        (.chat, ["chat", "chats", "tchat", "live chat", "messagerie instantanee", "discord", "whatsapp"]),
        (.socialMedia, ["reseaux sociaux", "reseau social", "facebook", "instagram", "tiktok", "twitter", "messenger",
                        "social media", "linkedin", "avis google"]),
    ]
    /// Sentences about applying, not about the work: "candidature par e-mail", "entretien téléphonique".
    static let applyingWords: Phrases = ["candidature", "cv", "postuler", "apply", "entretien", "interview", "coordonnees"]

    static func channels(_ text: FacetText) -> [OfferFacets.Facet<OfferFacets.Channel>] {
        var result: [OfferFacets.Facet<OfferFacets.Channel>] = []
        for (channel, words) in channelWords {
            let s = find(text, words) { s, r in
                !s.hasWord(applyingWords) && !negated(s, r, window: 12)
                    && !(channel == .phone && s.folded[r.upperBound...].hasPrefix(" personnel"))
            }
            if let s { result.append(.init(channel, evidence: s.original)) }
        }
        return result
    }

    // MARK: - Tasks

    static let inboundWords: Phrases = [
        "appels entrants", "appel entrant", "reception d'appels", "reception des appels", "prise d'appels",
        "prenez les appels", "prendre les appels", "prenez en charge les appels", "repondez aux appels",
        "repondre aux appels", "traitez les appels", "traiter les appels", "recevez les appels", "recevoir les appels",
        "decrochez les appels", "gerez les appels", "accueil telephonique", "standard telephonique", "inbound",
        "answer calls", "answer patient calls", "answer customer calls", "answer phone calls", "answer the phone",
        "take calls", "handle calls",
    ]
    static let handlingVerbs: Phrases = [
        "repond*", "renseign*", "traite*", "traitez", "gere*", "gerez", "gerer", "assist*", "accompagn*", "inform*",
        "conseill*", "prenez en charge", "accueill*", "orient*", "support", "answer", "handle", "help", "assist",
        "troubleshoot", "provide technical support", "cover",
    ]
    static let outboundWords: Phrases = [
        "appels sortants", "appel sortant", "emission d'appels", "appelez", "appeler les", "appeler des", "rappelez",
        "rappeler", "contactez", "contacter", "relancez", "relancer", "televente", "televendeur*", "teleprospect*",
        "prospection telephonique", "prospection", "vendez par telephone", "vente par telephone", "outbound",
        "telesales", "cold call*", "calling", "call customers", "call respondents", "call homeowners", "call prospects",
        "sell", "enquetes",
    ]
    static let phoneWords: Phrases = ["telephone", "telephonique", "appels", "calls", "phone", "call"]
    static let afterSalesWords: Phrases = [
        "sav", "service apres-vente", "apres-vente", "after-sales", "after sales", "retours", "returns", "reparation",
        "reparations", "repairs", "produits defectueux", "damaged items", "pieces detachees",
    ]
    static let techSupportWords: Phrases = [
        "support technique", "assistance technique", "technical support", "tech support", "hotline informatique",
        "hotliner", "helpdesk", "help desk", "service desk", "support informatique", "technicien support",
        "incidents techniques", "support de niveau",
    ]
    static let appointmentWords: Phrases = [
        "prise de rendez-vous", "prise de rdv", "prenez des rendez-vous", "prenez leurs rendez-vous",
        "prendre des rendez-vous", "fixer des rendez-vous", "fixer un rendez-vous", "fixez des rendez-vous",
        "fixez un rendez-vous", "decrochez des rendez-vous", "decrocher des rendez-vous", "planifiez les visites",
        "organisez les rendez-vous", "l'agenda", "book appointments", "appointment setting", "appointment setter",
        "manage the calendar", "book an appointment",
    ]
    static let moderationWords: Phrases = ["modera*", "modere*", "moderez"]
    static let refundWords: Phrases = ["remboursements", "remboursement"]
    static let parcelWords: Phrases = ["colis", "commande", "commandes", "livraison"]

    static func tasks(_ text: FacetText) -> [OfferFacets.Facet<OfferFacets.JobTask>] {
        var result: [OfferFacets.Facet<OfferFacets.JobTask>] = []
        let notNegated: (FacetText.Sentence, Range<String.Index>) -> Bool = { s, r in !negated(s, r, window: 12) }
        if let s = find(text, inboundWords, where: notNegated) ?? text.sentences.first(where: { s in
            s.hasWord(phoneWords) && s.hasWord(handlingVerbs)
                && !Phrase.replacing("apres-vente", with: "", in: s.folded).hasWord(outboundWords)
                && !s.hasWord(applyingWords)
        }) {
            result.append(.init(.inbound, evidence: s.original))
        }
        if let s = find(text, outboundWords, where: { s, r in notNegated(s, r) && !s.folded[..<r.lowerBound].hasSuffix("apres-") }) { result.append(.init(.outbound, evidence: s.original)) }
        if let s = find(text, afterSalesWords, where: notNegated) ?? text.sentences.first(where: { s in
            s.hasWord(refundWords) && s.hasWord(parcelWords)
        }) {
            result.append(.init(.afterSales, evidence: s.original))
        }
        if let s = find(text, techSupportWords, where: notNegated) { result.append(.init(.techSupport, evidence: s.original)) }
        if let s = find(text, appointmentWords, where: notNegated) {
            result.append(.init(.appointmentSetting, evidence: s.original))
        }
        if let s = find(text, moderationWords, where: notNegated) { result.append(.init(.moderation, evidence: s.original)) }
        return result
    }
}
