import Foundation
import Testing
@testable import HomeshoreKit

@Suite struct OfferExportTests {
    func stored(_ title: String, id: Int64 = 1) -> StoredOffer {
        var o = Offer(source: "board", url: "https://jobs.example/o?id=1&x=2")
        o.title = title
        o.employer = "Relais Client Express"
        o.description = "Ligne 1\nLigne 2, avec \"guillemets\"; et point-virgule"
        o.salaryMin = 12.5
        o.salaryMax = 13
        return StoredOffer(id: id, offer: o, firstSeen: "2026-11-30T06:00:00Z", lastSeen: "2026-11-30T06:00:00Z")
    }

    @Test func headerIsStable() {
        let header = OfferExport.csv([]).split(separator: "\n").first.map(String.init)
        #expect(header == "id,title,employer,location,remote,contract,salary_min,salary_max,salary_period,currency,posted,first_seen,last_seen,source,url,postal_code,employment_type,valid_through,source_id,salary_text,description,hours,hours_per_week,schedule,channels,tasks,equipment,training,pay_per_act,employer_score,employer_score_low,employer_score_high,employer_reviews,employer_flags,group_id,sources,urls")
    }

    @Test(arguments: ["=HYPERLINK(\"http://evil.example\")", "+33 1 23", "-2+3", "@SUM(A1)", "\tTab", "\rCR"])
    func formulasAreNeutralised(_ title: String) throws {
        let rows = try CSVReader.rows(OfferExport.csv([stored(title)]))
        #expect(rows[1][1] == "'" + title)
    }

    @Test func quotingRoundTrips() throws {
        let offer = stored("Conseiller, \"chat\" H/F")
        let rows = try CSVReader.rows(OfferExport.csv([offer]))
        #expect(rows.count == 2)
        #expect(rows[1][1] == "Conseiller, \"chat\" H/F")
        #expect(rows[1][OfferExport.columns.firstIndex(of: "description")!] == offer.offer.description)
        #expect(rows[1][OfferExport.columns.firstIndex(of: "salary_min")!] == "12.5")
        #expect(rows[1][OfferExport.columns.firstIndex(of: "salary_max")!] == "13")
        #expect(rows[1][OfferExport.columns.firstIndex(of: "url")!] == "https://jobs.example/o?id=1&x=2")
    }

    @Test func excelFlavour() throws {
        let text = OfferExport.csv([stored("Téléconseiller; à domicile")], excel: true)
        #expect(text.hasPrefix("\u{FEFF}id;title;"))
        #expect(text.contains("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n") || text.contains("\"Ligne 1\nLigne 2"))
        let rows = try CSVReader.rows(text, separator: ";")
        #expect(rows[1][1] == "Téléconseiller; à domicile")
    }

    @Test func jsonAndJSONLines() throws {
        let offers = [stored("A", id: 1), stored("B", id: 2)]
        let array = try JSONSerialization.jsonObject(with: Data(OfferExport.json(offers, lines: false).utf8)) as? [[String: Any]]
        #expect(array?.count == 2)
        #expect(array?[1]["title"] as? String == "B")
        #expect(array?[0]["salary_min"] as? Double == 12.5)
        #expect(array?[0]["location"] is NSNull)
        let lines = OfferExport.json(offers, lines: true).split(separator: "\n")
        #expect(lines.count == 2)
        let second = try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any]
        #expect(second?["id"] as? Int == 2)
    }
}

@Suite struct OfferExportFacetTests {
    @Test func facetColumnsComeAfterTheOldOnes() throws {
        let old = ["id", "title", "employer", "location", "remote", "contract", "salary_min", "salary_max", "salary_period",
                   "currency", "posted", "first_seen", "last_seen", "source", "url", "postal_code", "employment_type",
                   "valid_through", "source_id", "salary_text", "description"]
        #expect(Array(OfferExport.columns.prefix(old.count)) == old)
        #expect(Array(OfferExport.columns.dropFirst(old.count)) == [
            "hours", "hours_per_week", "schedule", "channels", "tasks", "equipment", "training", "pay_per_act",
            "employer_score", "employer_score_low", "employer_score_high", "employer_reviews", "employer_flags",
            "group_id", "sources", "urls",
        ])
    }

    @Test func oneRowPerGroupListsEverySourceAndURL() throws {
        var copy = StoredOffer(id: 7, offer: Offer(source: "board", url: "https://jobs.example/7"), firstSeen: "2026-11-30T06:00:00Z", lastSeen: "2026-11-30T06:00:00Z")
        copy.groupID = 3
        copy.copies = [OfferCopy(id: 3, source: "telejobs", url: "https://a.example/1"),
                         OfferCopy(id: 7, source: "emploidomicile", url: "https://b.example/2")]
        let record = OfferExport.record(copy)
        #expect(record["group_id"] as? Int64 == 3)
        #expect(record["sources"] as? String == "telejobs|emploidomicile")
        #expect(record["urls"] as? String == "https://a.example/1 | https://b.example/2")
        copy.copies = []
        #expect(OfferExport.record(copy)["sources"] as? String == copy.offer.source)
    }

    @Test func cellsCarryTheFacets() throws {
        var o = Offer(source: "board", url: "https://jobs.example/1")
        o.title = "Téléconseiller à domicile"
        o.description = """
            Télétravail 2 jours par semaine. CDD ou intérim. Rémunération à l'acte : 0,50 € par appel traité. \
            Temps partiel, 24 heures par semaine, le samedi. Appels entrants et chat. Formation non rémunérée. \
            Vous fournissez votre ordinateur et votre casque.
            """
        let stored = StoredOffer(id: 7, offer: o, firstSeen: "2026-11-30T06:00:00Z", lastSeen: "2026-11-30T06:00:00Z")
        let rows = try CSVReader.rows(OfferExport.csv([stored]))
        func cell(_ column: String) -> String { rows[1][OfferExport.columns.firstIndex(of: column)!] }
        #expect(cell("remote") == "hybrid")
        #expect(cell("contract") == "cdd|interim")
        #expect(cell("salary_min") == "0.5")
        #expect(cell("salary_period") == "act")
        #expect(cell("pay_per_act") == "yes")
        #expect(cell("hours") == "part_time")
        #expect(cell("hours_per_week") == "24")
        #expect(cell("schedule") == "weekend")
        #expect(cell("channels") == "phone|chat")
        #expect(cell("tasks") == "inbound")
        #expect(cell("equipment") == "computer|headset")
        #expect(cell("training") == "unpaid")
        let json = try JSONSerialization.jsonObject(with: Data(OfferExport.json([stored], lines: false).utf8)) as? [[String: Any]]
        let remote = json?.first?["remote"] as? [String: Any]
        #expect(remote?["value"] as? String == "hybrid")
        #expect((remote?["evidence"] as? String)?.contains("2 jours") == true)
        let pay = json?.first?["pay"] as? [String: Any]
        #expect(pay?["period"] as? String == "act")
        #expect(pay?["min"] as? Double == 0.5)
        let contract = json?.first?["contract"] as? [[String: Any]]
        #expect(contract?.compactMap { $0["value"] as? String } == ["cdd", "interim"])
    }
}

@Suite struct OfferExportEmployerTests {
    @Test func employerColumnsCarryTheScore() throws {
        var o = Offer(source: "board", url: "https://jobs.example/1")
        o.employer = "Fictive SAS"
        var stored = StoredOffer(id: 1, offer: o, firstSeen: "2026-11-30T06:00:00Z", lastSeen: "2026-11-30T06:00:00Z")
        stored.employerID = 7
        var review = Review(source: "r", url: "https://reviews.example/1", employer: "Fictive")
        review.stars = 1
        review.date = "2026-11-01"
        review.text = "Jamais payé, une honte."
        let score = EmployerScore.compute([StoredReview(id: 1, employerID: 7, review: review)],
            now: DateText.parse("2026-12-01")!)
        let rows = try CSVReader.rows(OfferExport.csv([stored], scores: [7: score]), separator: ",")
        let cells = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(Double(cells["employer_score"] ?? "") == (score.score * 100).rounded() / 100)
        #expect(cells["employer_reviews"] == "1")
        #expect(cells["employer_flags"] == "non-payment:1")
        #expect(Double(cells["employer_score_low"] ?? "") ?? 9 < Double(cells["employer_score_high"] ?? "") ?? 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(OfferExport.json([stored], lines: false,
            scores: [7: score]).utf8)) as? [[String: Any]])
        let object = try #require(json.first?["employer_score"] as? [String: Any])
        #expect(object["reviews"] as? Int == 1)
        #expect((object["flags"] as? [[String: Any]])?.first?["kind"] as? String == "non-payment")
        #expect(json.first.map { $0["employer_score"] is NSNull } == false)
        let none = try #require(try JSONSerialization.jsonObject(with: Data(OfferExport.json([stored], lines: false).utf8))
            as? [[String: Any]])
        #expect(none.first?["employer_score"] is NSNull)
    }
}
