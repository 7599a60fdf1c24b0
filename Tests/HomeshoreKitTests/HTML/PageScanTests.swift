import Testing

@testable import HomeshoreKit

@Suite struct PageScanTests {
    static let tricky = """
        <html><head>
        <script>var s = "<script type='application/ld+json'>{\\"no\\":1}";</script>
        <SCRIPT TYPE="application/ld+json">{"@type":"JobPosting","title":"A"}</SCRIPT>
        <script data-x="1" type='application/ld+json' id=ld2 >
          {"@type":"Organization"}
        </script >
        <!-- <script type="application/ld+json">{"commented":true}</script> -->
        <script async type=application/ld+json nonce="abc">{"n":3}</Script>
        <script type=" Application/LD+JSON ">{"n":4}</script>
        <script type="application/ld+json;charset=utf-8">{"n":5}</script>
        <script type="application/json">{"not":"ld"}</script>
        <script type="application/ld+jsonx">{"not":"ld"}</script>
        <style>p::before { content: "<script type=application/ld+json>{}</script>" }</style>
        <scripts type="application/ld+json">{"not":"a script"}</scripts>
        </head><body><p>text</p>
        <script type="application/ld+json"></script>
        <script type="application/ld+json">{"unterminated":true}
        """

    @Test func findsEveryJSONLDBlock() {
        let blocks = PageScan.jsonLDBlocks(in: Array(Self.tricky.utf8))
        #expect(blocks == [
            "{\"@type\":\"JobPosting\",\"title\":\"A\"}",
            "{\"@type\":\"Organization\"}",
            "{\"n\":3}",
            "{\"n\":4}",
            "{\"n\":5}",
            "{\"unterminated\":true}",
        ])
    }

    @Test func jsonLDBlocksOfAPageWithoutAnyAreEmpty() {
        #expect(PageScan.jsonLDBlocks(in: Array("<p>x</p><script>1</script>".utf8)).isEmpty)
        #expect(PageScan.jsonLDBlocks(in: []).isEmpty)
        #expect(PageScan.jsonLDBlocks(in: Array("<script type=application/ld+json".utf8)).isEmpty)
    }

    @Test func aScriptInsideATitleOrATextareaIsText() {
        let page = """
            <html><head><TITLE lang=fr><script type="application/ld+json">{"n":1}</script></TITLE>
            <script type="application/ld+json">{"n":2}</script></head><body>
            <textarea name=t><script type="application/ld+json">{"n":3}</script></textarea>
            <script type="application/ld+json">{"n":4}</script><title>x</title></body></html>
            """
        #expect(PageScan.jsonLDBlocks(in: Array(page.utf8)) == ["{\"n\":2}", "{\"n\":4}"])
    }

    @Test func jsonLDKeepsNonASCIIText() {
        let page = "<script type=\"application/ld+json\">{\"title\":\"Développeur·se – CDI\"}</script>"
        #expect(PageScan.jsonLDBlocks(in: Array(page.utf8)) == ["{\"title\":\"Développeur·se – CDI\"}"])
    }

    @Test(arguments: [
        ("<p>a</p><script>var x = '<p>';</script><p>b</p>", "<p>a</p><script></script><p>b</p>"),
        ("<SCRIPT src=x.js></SCRIPT>", "<SCRIPT src=x.js></SCRIPT>"),
        ("<script type=\"a>b\">x</script>", "<script type=\"a>b\">x</script>".replacingOccurrences(of: ">x<", with: "><")),
        ("<style media=print>p{}</STYLE ><p>", "<style media=print></STYLE ><p>"),
        ("<scripts>kept</scripts><styles>kept</styles>", "<scripts>kept</scripts><styles>kept</styles>"),
        ("<!-- <script>kept</script> --><script>gone</script>", "<!-- <script>kept</script> --><script></script>"),
        ("<p>x</p><script>unterminated <p>", "<p>x</p><script>"),
        ("<script>a</script><script>b</script><style>c</style>d", "<script></script><script></script><style></style>d"),
        ("no tags at all", "no tags at all"),
        ("", ""),
    ])
    func stripsScriptAndStyleContents(input: String, expected: String) {
        #expect(String(decoding: PageScan.strippingScriptsAndStyles(Array(input.utf8)), as: UTF8.self) == expected)
    }

    @Test func strippedPageParsesToTheSameText() throws {
        let page = Array(Self.tricky.utf8) + Array("</script><ul><li class=o>1</li><li class=o>2</li></ul>".utf8)
        let selector = try Selector(parsing: "li.o")
        let full = try HTMLDocument(utf8: page).select(selector).map(\.text)
        let stripped = try HTMLDocument(utf8: PageScan.strippingScriptsAndStyles(page)).select(selector).map(\.text)
        #expect(full == ["1", "2"])
        #expect(stripped == full)
    }
}
