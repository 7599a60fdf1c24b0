import Foundation
import Testing
@testable import HomeshoreKit

/// Every format escapes what was scraped; the Atom feed and the JSON parse.
@Suite struct DigestFormatTests {
    static func hostileDigest() throws -> (Digest, TemporaryFolder) {
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        var bad = Offer(source: "evil", url: "https://jobs.example/a?x=1&y=\"><script>alert(1)</script>")
        bad.title = "<script>alert('x')</script> Téléconseiller\" onmouseover=\"alert(2)"
        bad.employer = "Evil & <b>Co</b>"
        bad.location = "<img src=x onerror=alert(3)>"
        bad.description = "**bold** [link](javascript:alert(4))"
        var js = Offer(source: "evil2", url: "javascript:alert(5)")
        js.sourceID = "js"
        js.title = "Chargé \u{1B}[31mclientèle"
        js.employer = "Evil & <b>Co</b>"
        _ = try store.save([bad, js], run: nil)
        return (try DigestBuilder(store: store, config: DigestConfig()).build(since: nil), folder)
    }

    @Test func htmlShowsScrapedMarkupAsText() throws {
        let (digest, _) = try Self.hostileDigest()
        let html = DigestFormat.html.render(digest, language: .en)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("\" onmouseover="))
        #expect(!html.contains("href=\"javascript:"), "a javascript: URL must not become a link")
        #expect(html.contains("evil2: javascript:alert(5)"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Téléconseiller&quot; onmouseover=&quot;alert(2)"))
        #expect(html.contains("href=\"https://jobs.example/a?x=1&amp;y=&quot;&gt;&lt;script&gt;"))
        #expect(!html.contains("\u{1B}"))
        // Self-contained: no script, no external resource.
        #expect(!html.contains(" src=\""))
        #expect(!html.contains("<link"))
    }

    @Test func markdownTextAndAtomAreInert() throws {
        let (digest, _) = try Self.hostileDigest()
        let markdown = DigestFormat.markdown.render(digest, language: .en)
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("\\<script\\>"))
        let text = DigestFormat.text.render(digest, language: .en, color: false)
        #expect(!text.contains("\u{1B}"), "scraped escape sequences are removed")
        let colored = DigestFormat.text.render(digest, language: .en, color: true)
        #expect(colored.contains("\u{1B}[1m"))
        let atom = DigestFormat.atom.render(digest, language: .en)
        let parsed = try HTMLDocument.parsingXML(Array(atom.utf8), url: nil)
        #expect(parsed.problem == nil, "\(parsed.problem ?? "")")
        #expect(try parsed.document.select(Selector(parsing: "xpath: //*[local-name()='entry']")).count == 2)
        #expect(!atom.contains("javascript:"))
        let json = DigestFormat.json.render(digest, language: .en)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((object?["sections"] as? [Any])?.count == 1)
    }
}
