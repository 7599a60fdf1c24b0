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
