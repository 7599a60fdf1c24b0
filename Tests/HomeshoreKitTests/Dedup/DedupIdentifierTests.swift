import Foundation
import Testing
@testable import HomeshoreKit

/// The employer's own reference (a schema.org `identifier` whose `name` is the hiring organisation) decides whether
/// two pages are one job: read from real JSON-LD markup, weighed by the grouper, and applied through the store.
@Suite struct DedupIdentifierTests {
    /// A detail page of a fictional board, its JSON-LD carrying the employer's reference.
    static func page(title: String, town: String, reference: String?, issuer: String = "Kaliocall",
                     description: String) -> [UInt8] {
        let identifier = reference.map {
            #","identifier":{"@type":"PropertyValue","name":"\#(issuer)","value":"\#($0)"}"#
        } ?? ""
        return Array("""
            <html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"JobPosting",
            "title":"\(title)","hiringOrganization":{"@type":"Organization","name":"Kaliocall SAS"}\(identifier),
            "jobLocation":{"@type":"Place","address":{"addressLocality":"\(town)","postalCode":"59000"}},
            "employmentType":"FULL_TIME","description":"\(description)"}</script></head><body></body></html>
            """.utf8)
    }

    static func offer(_ source: String, _ body: [UInt8]) throws -> Offer {
        let config = try ConfigLoader.parse("""
            version: 1
            sources:
              - name: \(source)
                start: ["https://\(source).example/"]
            """, file: "identifier.yaml")
        let page = Page(url: "https://\(source).example/offre/\(Fingerprint.of(body))", body: body, contentType: "text/html")
        return try #require(try PageExtractor(source: config.sources[0]).listing(page).items.first?.offer)
    }

    @Test func theReferenceIsReadOnlyWhenTheEmployerIssuedIt() throws {
        let own = try Self.offer("a", Self.page(title: "Téléconseiller", town: "Lille", reference: "KC-2291", description: "x"))
        #expect(own.employerReference == "KC-2291")
        // A board's own number (issued by someone else) is not the employer's reference.
        let board = try Self.offer("b", Self.page(title: "Téléconseiller", town: "Lille", reference: "HW-77",
                                                   issuer: "HelloBoard", description: "x"))
        #expect(board.employerReference == nil)
    }

    @Test func theSameReferenceMergesAndDifferentOnesKeepApart() throws {
        let grouper = OfferGrouper()
        // Two pages of one job that share little text: the reference alone decides.
        let a = try Self.offer("hellotaf", Self.page(title: "Conseiller client à domicile H/F", town: "Lille", reference: "KC-2291",
            description: "Prise d'appels entrants pour un fournisseur d'énergie, horaires du lundi au vendredi."))
        let b = try Self.offer("indeedo", Self.page(title: "Chargé de relation clientèle (F/H)", town: "Lille", reference: "KC-2291",
            description: "Vous répondez aux abonnés d'un distributeur de gaz et d'électricité par téléphone."))
        // Two jobs whose pages are word for word the same but for the reference: two openings, kept apart.
        let c = try Self.offer("hellotaf", Self.page(title: "Téléconseiller à domicile H/F", town: "Lille", reference: "KC-3001",
            description: "Kaliocall recrute des téléconseillers pour un opérateur télécom."))
        let d = try Self.offer("indeedo", Self.page(title: "Téléconseiller à domicile H/F", town: "Lille", reference: "KC-3002",
            description: "Kaliocall recrute des téléconseillers pour un opérateur télécom."))
        // Without references, those two would be one job: the test shows the reference is what keeps them apart.
        var cPlain = c, dPlain = d
        cPlain.employerReference = nil
        dPlain.employerReference = nil
        for o in [a, b, c, d] { grouper.observe(grouper.features(of: o, facets: nil)) }
        #expect(grouper.same(a, b))
        #expect(!grouper.same(c, d))
        #expect(grouper.same(cPlain, dPlain))
    }

    @Test func theStoreGroupsByReference() throws {
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        let offers = [
            try Self.offer("hellotaf", Self.page(title: "Conseiller client à domicile H/F", town: "Lille", reference: "KC-2291",
                description: "Prise d'appels entrants pour un fournisseur d'énergie.")),
            try Self.offer("indeedo", Self.page(title: "Chargé de relation clientèle (F/H)", town: "Lille", reference: "KC-2291",
                description: "Vous répondez aux abonnés d'un distributeur de gaz et d'électricité.")),
            try Self.offer("hellotaf", Self.page(title: "Téléconseiller à domicile H/F", town: "Lille", reference: "KC-3001",
                description: "Kaliocall recrute des téléconseillers pour un opérateur télécom.")),
            try Self.offer("indeedo", Self.page(title: "Téléconseiller à domicile H/F", town: "Lille", reference: "KC-3002",
                description: "Kaliocall recrute des téléconseillers pour un opérateur télécom.")),
        ]
        _ = try store.save(offers, run: nil)
        _ = try store.assignGroups()
        let stored = try store.offers()
        func group(_ reference: String, _ source: String) -> Int64? {
            stored.first { $0.offer.employerReference == reference && $0.offer.source == source }?.groupID
        }
        #expect(stored.count == 4)
        #expect(group("KC-2291", "hellotaf") != nil && group("KC-2291", "hellotaf") == group("KC-2291", "indeedo"))
        #expect(group("KC-3001", "hellotaf") != group("KC-3002", "indeedo"))
        #expect(Set(stored.compactMap(\.groupID)).count == 3)
    }
}
