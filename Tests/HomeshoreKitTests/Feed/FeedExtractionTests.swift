import Foundation
import Testing
@testable import HomeshoreKit

/// RSS and Atom feeds read by ``PageExtractor`` for `kind: feed` sources, on the project's own fixture feeds
/// (fictional boards and employers).
@Suite struct FeedExtractionTests {
    static func source(_ extra: String = "") throws -> SourceConfig {
        let yaml = """
            version: 1
            sources:
              - name: flux
                kind: feed
                start: ["https://telejobs.example/rss/teletravail.xml"]
            \(extra)
            """
        return try #require(try ConfigLoader.parse(yaml, file: "sources.yaml").source(named: "flux"))
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/feeds/\(name)", withExtension: nil))
        return [UInt8](try Data(contentsOf: url))
    }

    static func read(_ name: String, url: String = "https://telejobs.example/rss/teletravail.xml",
                     source: SourceConfig? = nil) throws -> ListingExtraction {
        let page = Page(url: url, body: try fixture(name), contentType: "application/rss+xml")
        return try PageExtractor(source: source ?? Self.source()).listing(page)
    }

    @Test func readsAnRSS2Feed() throws {
        let result = try Self.read("rss-teletravail.xml")
        #expect(result.warnings.isEmpty)
        #expect(result.items.count == 3)
        let first = result.items[0].offer
        #expect(first.title == "Téléconseiller à domicile H/F – Service client & fidélisation")  // &amp; decoded
        #expect(first.url == "https://telejobs.example/offres/tj-2001.html")
        #expect(first.sourceID == "TJ-2001")
        #expect(first.employer == "Domicall")  // dc:creator
        #expect(first.contract == "cdi")  // from <category>
        #expect(first.remote == "full")
        // 00:30 at +01:00 is still 30 November in UTC, the day every source stores.
        #expect(first.posted == "2026-11-30")
        // CDATA holding HTML, read as text with its list.
        #expect(first.description == "Domicall recrute des téléconseillers en télétravail.\n\n- 1 850 € brut mensuel\n- Formation rémunérée")
        #expect(result.items[0].detailURL == nil)

        let second = result.items[1].offer
        #expect(second.title == "Conseiller SAV (F/H) – rémunération à l’acte")  // numeric character references
        #expect(second.url == "https://telejobs.example/offres/tj-2002.html")  // relative link resolved
        #expect(second.employer == "Relais Client Express")  // the name in <author>'s brackets
        #expect(second.contract == "freelance")
        #expect(second.posted == "2026-11-30")
        // Escaped HTML, with an entity escaped twice inside it.
        #expect(second.description == "Prise d'appels entrants pour un fournisseur d'énergie.\n\n0,80 € par appel traité.")

        let third = result.items[2].offer
        #expect(third.url == "https://telejobs.example/offres/tj-2003.html")  // permalink guid stands for the link
        #expect(third.posted == "2026-11-28")  // two-digit year, CET
        #expect(third.description?.hasPrefix("Vocalia Services\n\nTélétravail partiel") == true)  // content:encoded first
        #expect(third.remote == "hybrid")
        #expect(third.employer == nil)
        #expect(result.next == "https://telejobs.example/rss/teletravail.xml?page=2")
    }

    @Test func readsAnAtomFeed() throws {
        let result = try Self.read("atom-offres.xml", url: "https://carrieres.assisteo.example/offres.atom")
        #expect(result.items.count == 2)
        let first = result.items[0].offer
        #expect(first.title == "Conseiller client à domicile (H/F)")  // type="html" title
        #expect(first.url == "https://carrieres.assisteo.example/offres/88-conseiller-client")  // rel=alternate, not self
        #expect(first.sourceID == "tag:assisteo.example,2026:offre-88")
        #expect(first.employer == "Assistéo")  // the entry's author, not the feed's
        #expect(first.contract == "cdd")  // category label
        #expect(first.posted == "2026-12-02")  // published 23:30 at -02:00
        #expect(first.description == "Vous répondez aux adhérents d’une mutuelle.\n\n- Casque fourni\n- 12,50 € brut de l’heure")
        let second = result.items[1].offer
        #expect(second.url == "https://carrieres.assisteo.example/offres/91-superviseur")  // link without rel
        #expect(second.posted == "2026-11-29")  // updated when nothing was published
        #expect(second.description == "Encadrement d’une équipe de 12 téléconseillers en télétravail.")  // summary
        #expect(second.employer == nil)
        #expect(result.next == "https://carrieres.assisteo.example/offres.atom?page=2")
    }

    @Test func readsAnRSS1FeedInLatin1() throws {
        let result = try Self.read("rss1-offres.rdf", url: "https://serviceclientpro.example/rss")
        #expect(result.encoding.hasPrefix("ISO-8859-1"))
        #expect(result.items.map(\.offer.title) == ["Télévendeur à domicile"])
        let offer = try #require(result.items.first?.offer)
        #expect(offer.employer == "CallHome Partners")
        #expect(offer.contract == "interim")
        #expect(offer.posted == "2026-11-27")
        #expect(offer.url == "https://serviceclientpro.example/offres/scp-901.html")
    }

    @Test func aProvidersOwnFeedNamesItsEmployerAndFieldsComeFirst() throws {
        let source = try Self.source("""
                employer: Assistéo
                fields:
                  location: "xpath: ./atom:category[@scheme='lieu']/@term"
                  title: "xpath: concat('[Assistéo] ', ./atom:title)"
            """)
        #expect(source.employer == "Assistéo")
        let result = try Self.read("atom-offres.xml", url: "https://carrieres.assisteo.example/offres.atom", source: source)
        #expect(result.items.allSatisfy { $0.offer.employer == "Assistéo" })  // also where the entry has no author
        #expect(result.items[0].offer.title == "[Assistéo] Conseiller client <em>à domicile</em> (H/F)")
        #expect(result.items.allSatisfy { $0.missing == [.location] })
    }

    @Test func followingOpensEachEntrysLink() throws {
        let source = try Self.source("    follow: url")
        let result = try Self.read("rss-teletravail.xml", source: source)
        #expect(result.items.map(\.detailURL) == [
            "https://telejobs.example/offres/tj-2001.html", "https://telejobs.example/offres/tj-2002.html",
            "https://telejobs.example/offres/tj-2003.html",
        ])
        // The detail page's JSON-LD completes the entry, which keeps its feed id.
        let detail = Page(url: "https://telejobs.example/offres/tj-2001.html", body: Array("""
            <html><head><script type="application/ld+json">{"@type":"JobPosting","title":"Téléconseiller à domicile",
            "hiringOrganization":{"name":"Domicall SAS"},"jobLocation":{"address":{"addressLocality":"Amiens",
            "postalCode":"80000"}}}</script></head></html>
            """.utf8), contentType: "text/html")
        let (offer, _) = try PageExtractor(source: source).detail(detail, completing: result.items[0])
        #expect(offer.location == "Amiens")
        #expect(offer.employer == "Domicall SAS")
        #expect(offer.sourceID == "TJ-2001")
        #expect(offer.posted == "2026-11-30")
    }

    @Test func aBrokenFeedIsRecoveredWithAWarning() throws {
        let result = try Self.read("malformed.xml", url: "https://emploidomicile.example/rss")
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.hasPrefix("https://emploidomicile.example/rss: the feed is not well-formed XML (line ") == true)
        let titles = result.items.compactMap(\.offer.title)
        #expect(titles.first?.hasPrefix("Téléconseiller") == true)
        #expect(titles.contains("Conseiller fidélisation"))
        #expect(result.items.first?.offer.url == "https://emploidomicile.example/annonces/3001.html")
    }

    /// An external entity naming a local file is neither read nor expanded; an internal one is plain text.
    @Test func externalEntitiesAreNeverExpanded() throws {
        let passwd = (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8)) ?? "root:"
        let firstLine = String(passwd.split(separator: "\n").first ?? "root:")
        let result = try Self.read("xxe.xml")
        let offer = try #require(result.items.first?.offer)
        #expect(offer.title == "Téléconseiller Domicall")
        #expect(offer.description == "Avant après")
        let everything = [offer.title, offer.description, offer.employer, offer.location].compactMap { $0 }.joined()
        #expect(!everything.contains(firstLine))
        #expect(!everything.contains("root:"))
    }

    @Test(arguments: [
        ("<html><body><p>Pas un flux</p></body></html>", "not an RSS or Atom feed: the root element is <html>"),
        ("Bonjour, ceci n'est pas du XML", "not an RSS or Atom feed: not XML, and nothing could be recovered"),
        ("", "the document is empty"),
        ("<feed><entry><title>Sans espace de noms</title></entry></feed>", "the root element is <feed>"),
    ])
    func aPageThatIsNoFeedIsAnErrorNamingItsURL(_ body: String, _ expected: String) throws {
        let page = Page(url: "https://telejobs.example/rss/cassé.xml", body: Array(body.utf8), contentType: nil)
        do {
            _ = try PageExtractor(source: Self.source()).listing(page)
            Issue.record("no error for \(body)")
        } catch let error as FeedError {
            #expect(error.url == page.url)
            #expect(error.description.hasPrefix("https://telejobs.example/rss/cassé.xml: "))
            #expect(error.description.contains(expected), "\(error)")
        }
    }

    @Test func aFeedReadFromAFileResolvesLinksAgainstItsOwnAddress() throws {
        let result = try Self.read("rss-teletravail.xml", url: "file:///tmp/teletravail.xml")
        #expect(result.items[1].offer.url == "https://telejobs.example/offres/tj-2002.html")
    }
}
