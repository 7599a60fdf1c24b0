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
        #expect(header == "id,title,employer,location,remote,contract,salary_min,salary_max,salary_period,currency,posted,first_seen,last_seen,source,url,postal_code,employment_type,valid_through,source_id,salary_text,description")
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
