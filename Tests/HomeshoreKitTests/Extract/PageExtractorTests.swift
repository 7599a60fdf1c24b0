import Foundation
import Testing
@testable import HomeshoreKit

/// The listing-then-detail path of ``PageExtractor`` on small fictional pages.
@Suite struct PageExtractorDetailTests {
    static let yaml = """
        version: 1
        sources:
          - name: board
            kind: offers
            start: ["https://board.example/recherche"]
            items: "css: li[data-offer]"
            fields:
              id: "css: li @data-offer"
              title: "css: a.titre"
              url: "css: a.titre @href"
            follow: url
        """

    static let listing = """
        <html><body><ul>
          <li data-offer="1001"><a class="titre" href="/offres/1001.html">Téléconseiller à domicile H/F</a></li>
        </ul></body></html>
        """

    /// A detail page whose JSON-LD `identifier` is the employer's own reference, not the board's id.
    static let detail = """
        <html><head><script type="application/ld+json">
        {"@context": "https://schema.org", "@type": "JobPosting", "title": "Téléconseiller à domicile H/F",
         "identifier": {"@type": "PropertyValue", "name": "Domicall", "value": "REF-77A"},
         "hiringOrganization": {"@type": "Organization", "name": "Domicall"},
         "datePosted": "2026-11-02T08:00:00Z"}
        </script></head><body><h1>Téléconseiller à domicile H/F</h1></body></html>
        """

    static func page(_ html: String, _ url: String) -> Page {
        Page(url: url, body: Array(html.utf8), contentType: "text/html; charset=utf-8")
    }

    @Test func listingIdSurvivesTheDetailPagesIdentifier() throws {
        let source = try #require(try ConfigLoader.parse(Self.yaml, file: "s.yaml").source(named: "board"))
        let extractor = PageExtractor(source: source)
        let listing = try extractor.listing(Self.page(Self.listing, "https://board.example/recherche"))
        let item = try #require(listing.items.first)
        #expect(item.offer.sourceID == "1001")
        #expect(item.detailURL == "https://board.example/offres/1001.html")

        let (offer, _) = try extractor.detail(Self.page(Self.detail, "https://board.example/offres/1001.html"),
            completing: item)
        #expect(offer.sourceID == "1001")
        #expect(offer.key == item.offer.key)
        #expect(offer.employer == "Domicall")
        #expect(offer.posted == "2026-11-02")
    }

    @Test func detailWithoutListingIdTakesTheIdentifier() throws {
        let source = try #require(try ConfigLoader.parse(Self.yaml, file: "s.yaml").source(named: "board"))
        let url = "https://board.example/offres/1001.html"
        let empty = ListingItem(offer: Offer(source: "board", url: url), detailURL: url, missing: [])
        let (offer, _) = try PageExtractor(source: source).detail(Self.page(Self.detail, url), completing: empty)
        #expect(offer.sourceID == "REF-77A")
    }
}

/// A page decoded once (by the crawl, to look for a block page) is not decoded again by extraction, and gives what
/// decoding it gives.
@Suite struct DecodedPageReuseTests {
    @Test func aDecodedPageIsUsedAsItIs() throws {
        let body = Array("<html><head><meta charset=\"windows-1252\"></head><body>caf\u{E9}</body></html>".utf8).map { $0 == 0xC3 ? 0xE9 : $0 }
            .filter { $0 != 0xA9 }
        let fresh = Page(url: "https://jobs.example/p", body: body, contentType: "text/html")
        let decoded = Charset.decode(body, contentType: "text/html")
        #expect(decoded.encoding == "windows-1252")
        #expect(fresh.utf8Page == decoded)
        let handed = Page(url: fresh.url, body: body, contentType: "text/html", decoded: decoded)
        #expect(handed.utf8Page == decoded)
        // What is handed over is what extraction reads: a page handed another text extracts that text.
        let other = Charset.decode(Array("<html><body>th\u{E9}</body></html>".utf8), contentType: "text/html; charset=utf-8")
        let swapped = Page(url: fresh.url, body: body, contentType: "text/html", decoded: other)
        #expect(swapped.utf8Page.utf8 == other.utf8)
    }
}
