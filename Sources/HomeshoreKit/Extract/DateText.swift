import Foundation

/// Dates as pages write them, read into days (`YYYY-MM-DD`) or instants.
public enum DateText {
    static let frenchMonths = [
        "janvier": 1, "janv": 1, "fevrier": 2, "février": 2, "fevr": 2, "févr": 2, "mars": 3, "avril": 4, "avr": 4,
        "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "août": 8, "septembre": 9, "sept": 9,
        "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "decembre": 12, "décembre": 12, "dec": 12, "déc": 12,
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "october": 10,
        "november": 11, "december": 12,
    ]

    /// Parses an absolute date or date-time: ISO 8601 (`2026-11-28`, `2026-11-28T06:00:00Z`, with offset or
    /// fraction), `28/11/2026`, `28.11.2026`, `28 novembre 2026`, `November 28, 2026`.
    /// - Returns: the instant (midnight UTC for a bare date), or nil.
    public static func parse(_ text: String) -> Date? {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let (y, m, d, rest) = isoDay(t) {
            guard var date = utcDate(y, m, d) else { return nil }
            if rest.first == "T" || rest.first == " " {
                let time = String(rest.dropFirst())
                if let seconds = timeOfDay(time) { date.addTimeInterval(seconds) }
            }
            return date
        }
        let parts = t.lowercased().split(whereSeparator: { " ,/.-".contains($0) }).map(String.init)
        if parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]), c > 999 {
            return utcDate(c, b, a)  // day first, as in France
        }
        if parts.count >= 3 {
            let words = parts.filter { !["le", "du", "the", "on", "publié", "publiée", "posted"].contains($0) }
            for i in 0..<max(0, words.count - 1) {
                if let month = frenchMonths[words[i]] {
                    let day = i > 0 ? Int(words[i - 1]) : nil
                    let after = words.dropFirst(i + 1).compactMap { Int($0) }
                    if let day, let year = after.first, year > 999 { return utcDate(year, month, day) }
                    if after.count >= 2, after[0] <= 31, after[1] > 999 { return utcDate(after[1], month, after[0]) }
                }
            }
        }
        return nil
    }

    /// Parses a date as a listing page writes it, relative words included: `aujourd'hui`, `hier`,
    /// `il y a 3 jours`, `3 days ago`, `il y a 2 semaines`, besides every form ``parse(_:)`` reads.
    /// - Parameters:
    ///   - text: the date text.
    ///   - now: the moment the page was fetched.
    /// - Returns: the day as `YYYY-MM-DD`, or nil.
    public static func day(_ text: String, now: Date) -> String? {
        if let date = parse(text) { return dayString(date) }
        let t = text.lowercased().replacingOccurrences(of: "’", with: "'")
        if t.contains("aujourd'hui") || t.contains("today") || t.contains("à l'instant") || t.contains("just now")
            || t.contains("heure") || t.contains("hour") || t.contains("minute")
        {
            return dayString(now)
        }
        if t.contains("hier") || t.contains("yesterday") { return dayString(now.addingTimeInterval(-86_400)) }
        let number = t.split(whereSeparator: { !$0.isNumber }).first.flatMap { Int($0) } ?? 1
        let units: [(String, Double)] = [("jour", 1), ("day", 1), ("semaine", 7), ("week", 7), ("mois", 30), ("month", 30)]
        for (word, days) in units where t.contains(word) {
            return dayString(now.addingTimeInterval(-Double(number) * days * 86_400))
        }
        return nil
    }

    /// The UTC day of an instant, `YYYY-MM-DD`.
    public static func dayString(_ date: Date) -> String {
        let c = utcCalendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// An instant as ISO 8601 in UTC with seconds, e.g. `2026-11-30T06:00:00Z`.
    /// Worked out from the seconds since 1970 (the proleptic Gregorian calendar, which is Foundation's after 1582)
    /// for instants from 1970 to 9999; `timestampReference` (Calendar) for others. Every stored row gets one.
    public static func timestamp(_ date: Date) -> String {
        let t = date.timeIntervalSince1970
        guard t >= 0, t < 253_402_300_800 else { return timestampReference(date) }
        let seconds = Int(t.rounded(.down))
        let days = seconds / 86_400, rest = seconds % 86_400
        // Days since 1970-01-01 to year, month, day (H. Hinnant's civil_from_days).
        let z = days + 719_468
        let era = z / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return dayString(y, m, d) + "T" + two(rest / 3_600) + ":" + two(rest % 3_600 / 60) + ":" + two(rest % 60) + "Z"
    }

    /// `timestamp` with Foundation's calendar: the definition it keeps to.
    static func timestampReference(_ date: Date) -> String {
        let c = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0,
            c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// True when `utcDate(y, m, d)` is a date: the same ranges, and the day within its month of the Gregorian
    /// calendar (29 February in leap years only), without asking `Calendar`.
    static func isValidDay(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        guard (1...12).contains(m), (1...31).contains(d), (1900...2200).contains(y) else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return d <= days
    }

    /// `yyyy-MM-dd` for a year of four digits (`String(format: "%04d-%02d-%02d")` without Foundation's formatter).
    static func dayString(_ y: Int, _ m: Int, _ d: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year = y < 10 ? "000\(y)" : y < 100 ? "00\(y)" : y < 1000 ? "0\(y)" : "\(y)"
        return year + "-" + two(m) + "-" + two(d)
    }

    static func utcDate(_ y: Int, _ m: Int, _ d: Int) -> Date? {
        guard (1...12).contains(m), (1...31).contains(d), (1900...2200).contains(y) else { return nil }
        let components = DateComponents(year: y, month: m, day: d)
        guard let date = utcCalendar.date(from: components) else { return nil }
        // Reject 31 February and the like: the calendar rolls them over.
        return utcCalendar.component(.day, from: date) == d ? date : nil
    }

    static func isoDay(_ t: String) -> (Int, Int, Int, Substring)? {
        let u = Array(t.utf8)
        guard u.count >= 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        func number(_ r: Range<Int>) -> Int? {
            var n = 0
            for i in r {
                guard (48...57).contains(u[i]) else { return nil }
                n = n * 10 + Int(u[i] - 48)
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        return (y, m, d, t.dropFirst(10))
    }

    /// Seconds from midnight UTC for `HH:MM[:SS[.fff]][Z|±HH:MM]`.
    static func timeOfDay(_ s: String) -> Double? {
        let u = Array(s.utf8)
        guard u.count >= 5, let h = Int(String(decoding: u[0..<2], as: UTF8.self)),
            let m = Int(String(decoding: u[3..<5], as: UTF8.self))
        else { return nil }
        var seconds = Double(h * 3600 + m * 60)
        var i = 5
        if u.count >= 8, u[5] == UInt8(ascii: ":"), let sec = Int(String(decoding: u[6..<8], as: UTF8.self)) {
            seconds += Double(sec)
            i = 8
        }
        while i < u.count, u[i] == UInt8(ascii: ".") || (48...57).contains(u[i]) { i += 1 }
        if i < u.count, u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-"), u.count >= i + 6,
            let oh = Int(String(decoding: u[(i + 1)..<(i + 3)], as: UTF8.self)),
            let om = Int(String(decoding: u[(i + 4)..<(i + 6)], as: UTF8.self))
        {
            let offset = Double(oh * 3600 + om * 60)
            seconds += u[i] == UInt8(ascii: "+") ? -offset : offset
        }
        return seconds
    }
}
