import Foundation

/// Dates as feeds write them: RFC 822 in RSS (`Tue, 01 Dec 2026 08:30:00 +0100`), RFC 3339 in Atom.
enum FeedDate {
    static let months = ["jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
        "oct": 10, "nov": 11, "dec": 12]
    /// RFC 822's zone names, plus the central European ones that French feeds write although RFC 822 lacks them.
    static let zones = ["GMT": 0, "UT": 0, "UTC": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7,
        "MDT": -6, "PST": -8, "PDT": -7, "CET": 1, "CEST": 2]

    /// The UTC day of a feed's date: RFC 822 (two- or four-digit year, zone as offset or name), else every form
    /// ``DateText/day(_:now:)`` reads (RFC 3339, French dates...).
    /// - Returns: `YYYY-MM-DD`, or nil when the text is no date.
    static func day(_ text: String, now: Date) -> String? {
        if let date = rfc822(text) { return DateText.dayString(date) }
        return DateText.day(text, now: now)
    }

    /// Parses an RFC 822 date-time (RFC 1123's four-digit years too); the day name is optional.
    static func rfc822(_ text: String) -> Date? {
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
        if let first = words.first, first.last == "," || (first.count == 3 && Int(first) == nil) {
            words.removeFirst()
        } else if let first = words.first, first.contains(",") {
            words[0] = String(first.split(separator: ",").last ?? "")
        }
        guard words.count >= 3, let day = Int(words[0]), let month = months[String(words[1].prefix(3)).lowercased()],
            var year = Int(words[2])
        else { return nil }
        if words[2].count == 2 { year += year < 70 ? 2000 : 1900 }
        guard var date = DateText.utcDate(year, month, day) else { return nil }
        guard words.count >= 4 else { return date }
        let time = words[3].split(separator: ":").map { Int($0) }
        guard time.count >= 2, time.allSatisfy({ $0 != nil }), let hour = time[0], let minute = time[1],
            (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        date.addTimeInterval(Double(hour * 3600 + minute * 60 + (time.count > 2 ? time[2]! : 0)))
        if words.count >= 5 {
            let zone = words[4]
            if let hours = zones[zone.uppercased()] {
                date.addTimeInterval(Double(-hours * 3600))
            } else if zone.count == 5, let sign = zone.first, sign == "+" || sign == "-", let value = Int(zone.dropFirst()) {
                let offset = Double((value / 100) * 3600 + (value % 100) * 60)
                date.addTimeInterval(sign == "+" ? -offset : offset)
            }
        }
        return date
    }
}
