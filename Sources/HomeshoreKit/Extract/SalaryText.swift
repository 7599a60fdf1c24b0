import Foundation

/// A salary read from text: an amount or a range, a period and a currency.
public struct Salary: Sendable, Equatable {
    public var min: Double?
    public var max: Double?
    /// `hour`, `day`, `week`, `month`, `year` or `act`.
    public var period: String?
    public var currency: String?
}

/// Reads salaries as French and English pages write them: `12,50 € brut / heure`, `1 850 € brut mensuel`,
/// `24 000 - 28 000 € / an`, `35 k€`, `0,80 € par appel`, `$18/hr`.
public enum SalaryText {
    /// Words that give the period, checked in this order (the act first: "0,50 € par appel" is per act).
    static let periods: [(String, [String])] = [
        ("act", ["à l'acte", "a l'acte", "par acte", "par appel", "par rendez-vous", "par rdv", "par vente", "par contrat",
                 "per call", "per act", "per appointment", "commission"]),
        ("hour", ["/ heure", "/heure", "par heure", "de l'heure", "horaire", "/h", "/ h", " h ", "per hour", "an hour",
                  "/hr", "hourly"]),
        ("day", ["par jour", "/ jour", "/jour", "journalier", "per day", "a day", "daily"]),
        ("week", ["par semaine", "/ semaine", "/semaine", "hebdomadaire", "per week", "weekly"]),
        ("month", ["par mois", "/ mois", "/mois", "mensuel", "mensuelle", "per month", "a month", "monthly"]),
        ("year", ["par an", "/ an", "/an", "annuel", "annuelle", "par année", "k€", "k €", "keur", "per year", "a year",
                  "/yr", "annually", "yearly", "per annum"]),
    ]

    /// Parses a salary text.
    /// - Parameter text: the salary as written.
    /// - Returns: the salary, or nil when the text holds no amount and no period.
    public static func parse(_ text: String) -> Salary? {
        let lower = " " + text.lowercased().replacingOccurrences(of: "’", with: "'") + " "
        var salary = Salary()
        for (period, words) in periods where words.contains(where: { lower.contains($0) }) {
            salary.period = period
            break
        }
        if lower.contains("€") || lower.contains("eur") { salary.currency = "EUR" }
        else if lower.contains("$") || lower.contains("usd") { salary.currency = "USD" }
        else if lower.contains("£") || lower.contains("gbp") { salary.currency = "GBP" }
        let thousands = lower.contains("k€") || lower.contains("k €") || lower.contains("keur")
            || lower.range(of: #"\d\s?k\b"#, options: .regularExpression) != nil
        var amounts = numbers(in: lower)
        if thousands { amounts = amounts.map { $0 < 1000 ? $0 * 1000 : $0 } }
        if let first = amounts.first {
            salary.min = first
            salary.max = amounts.count > 1 ? amounts[1] : first
            if let lo = salary.min, let hi = salary.max, hi < lo { salary.min = hi; salary.max = lo }
        }
        if salary.min == nil && salary.period == nil { return nil }
        return salary
    }

    /// The numbers of a text, French style understood: `1 850`, `1 850,50`, `12,50`, `1.850`, `35000.00`; a comma
    /// or point followed by exactly three digits groups thousands (`24,000`), else it is the decimal mark.
    static func numbers(in text: String) -> [Double] {
        var result: [Double] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        func isGroupSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\u{00A0}" || s == "\u{202F}" }
        while i < scalars.count {
            guard isDigit(scalars[i]) else { i += 1; continue }
            var integer = ""
            var fraction = ""
            while i < scalars.count {
                if isDigit(scalars[i]) {
                    integer.unicodeScalars.append(scalars[i])
                    i += 1
                } else if (isGroupSpace(scalars[i]) || scalars[i] == "." || scalars[i] == ",") 
                    && i + 3 < scalars.count && isDigit(scalars[i + 1]) && isDigit(scalars[i + 2]) && isDigit(scalars[i + 3])
                    && !(i + 4 < scalars.count && isDigit(scalars[i + 4]))
                {
                    // a thousands separator: exactly three digits follow
                    i += 1
                } else {
                    break
                }
            }
            if i + 1 < scalars.count, scalars[i] == "," || scalars[i] == ".", isDigit(scalars[i + 1]) {
                i += 1
                while i < scalars.count, isDigit(scalars[i]) {
                    fraction.unicodeScalars.append(scalars[i])
                    i += 1
                }
            }
            if let value = Double(fraction.isEmpty ? integer : "\(integer).\(fraction)") { result.append(value) }
        }
        return result
    }
}
