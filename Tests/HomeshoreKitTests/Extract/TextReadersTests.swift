import Foundation
import Testing
@testable import HomeshoreKit

@Suite struct SalaryTextTests {
    @Test(arguments: [
        ("12,50 € brut / heure", 12.5, 12.5, "hour", "EUR"),
        ("1 850 € brut mensuel", 1850, 1850, "month", "EUR"),
        ("1\u{00A0}850,50 € par mois", 1850.5, 1850.5, "month", "EUR"),
        ("1\u{202F}800 € brut mensuel", 1800, 1800, "month", "EUR"),
        ("24 000 - 28 000 € / an", 24_000, 28_000, "year", "EUR"),
        ("35 000 - 45 000 € / an", 35_000, 45_000, "year", "EUR"),
        ("De 1.800 à 2.100 EUR par mois", 1800, 2100, "month", "EUR"),
        ("35 k€ - 40 k€", 35_000, 40_000, "year", "EUR"),
        ("0,50 € par appel", 0.5, 0.5, "act", "EUR"),
        ("$18/hr", 18, 18, "hour", "USD"),
        ("£24,000 a year", 24_000, 24_000, "year", "GBP"),
    ] as [(String, Double, Double, String, String)])
    func amountsAndPeriods(_ text: String, _ min: Double, _ max: Double, _ period: String, _ currency: String) throws {
        let salary = try #require(SalaryText.parse(text))
        #expect(salary.min == min)
        #expect(salary.max == max)
        #expect(salary.period == period)
        #expect(salary.currency == currency)
    }

    @Test func payPerActWithoutAmount() throws {
        let salary = try #require(SalaryText.parse("Rémunération à l'acte"))
        #expect(salary.period == "act")
        #expect(salary.min == nil)
    }

    @Test func noSalary() {
        #expect(SalaryText.parse("Selon profil") == nil)
    }
}

@Suite struct DateTextTests {
    static let now = DateText.parse("2026-11-30T08:00:00Z")!

    @Test(arguments: [
        ("2026-11-27", "2026-11-27"), ("2026-11-27T23:30:00Z", "2026-11-27"),
        ("2026-11-27T23:30:00-02:00", "2026-11-28"), ("2026-08-06T07:39:35.941Z", "2026-08-06"),
        ("27/11/2026", "2026-11-27"), ("27.11.2026", "2026-11-27"), ("27 novembre 2026", "2026-11-27"),
        ("Publié le 3 février 2026", "2026-02-03"), ("November 27, 2026", "2026-11-27"),
        ("aujourd'hui", "2026-11-30"), ("Hier", "2026-11-29"), ("il y a 3 jours", "2026-11-27"),
        ("Il y a 2 semaines", "2026-11-16"), ("5 days ago", "2026-11-25"), ("il y a 4 heures", "2026-11-30"),
    ])
    func days(_ text: String, _ day: String) {
        #expect(DateText.day(text, now: Self.now) == day)
    }

    @Test(arguments: ["", "bientôt", "31/02/2026", "2026-13-01"])
    func notDates(_ text: String) {
        #expect(DateText.day(text, now: Self.now) == nil)
    }
}

@Suite struct ContractTextTests {
    @Test(arguments: [("CDI", "cdi"), ("Intérim", "interim"), ("CDD de 6 mois", "cdd"), ("Freelance", "freelance"),
                      ("Statut auto-entrepreneur", "freelance"), ("Alternance", "apprenticeship"),
                      ("Stage", "internship"), ("Portage salarial", "portage"), ("Vacation", "Vacation")])
    func badges(_ text: String, _ token: String) {
        #expect(ContractText.normalise(text) == token)
    }

    @Test func wordsAreWholeWords() {
        // "stage" inside "Stagecoach" is no internship.
        #expect(ContractText.normalise("Stagecoach") == "Stagecoach")
    }

    @Test func employmentTypes() {
        #expect(ContractText.fromEmploymentTypes(["FULL_TIME"]) == nil)
        #expect(ContractText.fromEmploymentTypes(["FULL_TIME", "CONTRACTOR"]) == "freelance")
        #expect(ContractText.fromEmploymentTypes(["INTERN"]) == "internship")
    }
}

/// The fast paths of date and link reading against the Foundation code they stand for.
@Suite struct TextReaderFastPathTests {
    @Test func dayValidityAndFormatMatchTheCalendar() {
        var valid = 0
        for y in [1899, 1900, 1901, 1904, 1999, 2000, 2023, 2024, 2025, 2026, 2027, 2100, 2104, 2200, 2201] {
            for m in 0...13 {
                for d in 0...32 {
                    let reference = DateText.utcDate(y, m, d) != nil
                    #expect(DateText.isValidDay(y, m, d) == reference, "\(y)-\(m)-\(d)")
                    if reference {
                        valid += 1
                        #expect(DateText.dayString(y, m, d) == String(format: "%04d-%02d-%02d", y, m, d))
                    }
                }
            }
        }
        #expect(valid > 4000)
        #expect(DateText.dayString(7, 3, 9) == "0007-03-09")
    }

    @Test func timestampsMatchTheCalendar() {
        var instants: [Double] = [0, 0.5, 59.999, 86_399, 86_400, 951_782_400, 951_868_799.9, 1_798_675_200, 4_102_444_800,
                                  7_258_118_399, 253_402_300_799, -1, -0.5, 253_402_300_800, 1_000_000_000_000]
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            instants.append(Double(x >> 11) / Double(1 << 53) * 7_300_000_000 + Double(x % 1000) / 1000)
        }
        for t in instants {
            let date = Date(timeIntervalSince1970: t)
            #expect(DateText.timestamp(date) == DateText.timestampReference(date), "\(t)")
        }
    }

    @Test func plainAbsoluteLinksResolveAsFoundationDoes() {
        let schemes = ["http://", "https://", "HTTP://", "Https://", "ftp://", "http:/", ""]
        let hosts = ["jobs.example", "Jobs.Example.COM", "127.0.0.1:8080", "user:pw@host.example", "[::1]:80", "", "-x.example",
                     "h\u{e9}bergeur.example", "xn--hbergeur-bya.example"]
        let paths0 = ["/", "/offres/12.html", "/a/../b", "/./a//b", "/a%20b", "/a%zz", "/a b", "/~user/", "/a'b(c)*", "/a|b"]
        let paths = ["", "/", "/offres/12.html", "/a/../b", "/./a//b", "/a%20b", "/a%zz", "/a%2", "/caf\u{e9}", "/a b", "/a|b",
                     "/a\\b", "/~user/", "/a'b(c)*", "/a\"b", "/<a>", "/a^b", "/a`b", "/a{b}"]
        let tails = ["", "?utm_source=x&id=3", "?q=a+b;c", "#top", "?a=%E9#x", "?", "#", " ", "\t", "\n", "?a=[1]"]
        let bases = ["https://board.example/list?page=2", "http://127.0.0.1:4000/", "https://Board.Example:8443", "http://x.example#f",
                     "https://user@x.example/a/b/c.html?q=1", "HTTPS://X.example/", "http://x.example/%zz", "https://[::1]/"]
        var plain = 0, total = 0
        for scheme in schemes {
            for host in hosts {
                for path in paths {
                    for tail in tails {
                        let link = scheme + host + path + tail
                        for base in bases {
                            total += 1
                            let reference = URLText.resolveReference(link, against: base)
                            #expect(URLText.resolve(link, against: base) == reference, "\(link) against \(base)")
                            if URLText.isPlainAbsolute(link) {
                                plain += 1
                                #expect(reference == link, "\(link)")
                            }
                        }
                    }
                }
            }
        }
        #expect(plain > 1000)
        // Absolute paths against every base: kept as written after the origin when plain, else Foundation's answer.
        var pathsKept = 0
        for path in paths0 + paths0.flatMap({ p in tails.map { p + $0 } }) + ["/", "/.", "/..", "/a/.", "/a/..", "/.a/..b/...", "/%2e/x",
                                                                              "/%2E%2E/x", "/a/%2e", "/a?b/../c", "/a#/./", "/.?x", "/..#y"] {
            for base in bases {
                let reference = URLText.resolveReference(path, against: base)
                #expect(URLText.resolve(path, against: base) == reference, "\(path) against \(base)")
                if URLText.isPlainPath(path), URLText.plainOrigin(base) != nil { pathsKept += 1 }
            }
        }
        #expect(pathsKept > 100)
        #expect(URLText.resolve("  https://jobs.example/a ", against: "https://x.example/") == "https://jobs.example/a")
        #expect(URLText.resolve("/offres/3", against: "https://x.example/list") == "https://x.example/offres/3")
        #expect(URLText.resolve("javascript:void(0)", against: "https://x.example/") == nil)
    }
}

@Suite struct EmploymentTypeTableTests {
    /// The table of schema.org types gives what working each one out gives, and lists stop at the first type that
    /// says something, as before.
    @Test func tableMatchesTheRules() {
        #expect(ContractText.schemaTypes.count == 19)
        for (type, token) in ContractText.schemaTypes {
            #expect(token == ContractText.fromEmploymentType(type), "\(type)")
        }
        #expect(ContractText.fromEmploymentTypes(["FULL_TIME", "TEMPORARY"]) == "cdd")
        #expect(ContractText.fromEmploymentTypes(["CDI", "CONTRACTOR"]) == ContractText.fromEmploymentType("CDI"))
        #expect(ContractText.fromEmploymentTypes(["FULL_TIME", "PART_TIME"]) == nil)
        #expect(ContractText.fromEmploymentTypes(["intern"]) == "internship")
    }
}
