import Testing

@testable import HomeshoreKit

/// A small page whose structure exercises every supported selector form.
let cssFixture = """
    <html><head><title>Offres</title></head><body>
    <div id="main" class="container wide">
      <ul class="offers">
        <li class="offer" data-id="1" lang="fr"><a class="title" href="/jobs/1">Dev Swift</a></li>
        <li class="offer sponsored" data-id="2" lang="fr-CA"><a class="title" href="https://x.example/jobs/2.html">Ops</a></li>
        <li class="offer-old" data-id="3" lang="en"><a href="/jobs/3">Old</a></li>
        <li class=" offer  new " data-id="4" title="it's &quot;new&quot;"><span>New</span><a class="title" href="/jobs/4">QA</a></li>
        <li></li>
      </ul>
      <p id="intro" class="lead">Intro <em>text</em></p>
      <p class="note">Note</p>
      <span class="note">Tag</span>
    </div>
    <div id="footer"><p>Foot</p></div>
    </body></html>
    """

@Suite struct CSSTests {
    /// Each CSS selector next to an independent, hand-written XPath selecting the same nodes in `cssFixture`.
    static let equivalents: [(css: String, xpath: String)] = [
        ("li", "//li"),
        ("LI", "//li"),
        ("*", "//*"),
        ("#intro", "//p[@id='intro']"),
        (".offer", "//li[@data-id='1' or @data-id='2' or @data-id='4']"),
        ("li.offer.sponsored", "//li[@data-id='2']"),
        (".note", "//p[@class='note'] | //span[@class='note']"),
        ("span.note", "//span[@class='note']"),
        ("[data-id]", "//li[@data-id]"),
        ("li[data-id=\"2\"]", "//li[@data-id='2']"),
        ("li[data-id='2']", "//li[@data-id='2']"),
        ("li[data-id=2]", "//li[@data-id='2']"),
        ("li[ data-id = 2 ]", "//li[@data-id='2']"),
        ("a[href^='/jobs']", "//a[@href='/jobs/1' or @href='/jobs/3' or @href='/jobs/4']"),
        ("a[href$='.html']", "//a[@href='https://x.example/jobs/2.html']"),
        ("a[href$='s/1']", "//a[@href='/jobs/1']"),
        ("a[href*=example]", "//a[@href='https://x.example/jobs/2.html']"),
        ("li[class~=new]", "//li[@data-id='4']"),
        ("li[class~=offer]", "//li[@data-id='1' or @data-id='2' or @data-id='4']"),
        ("li[lang|=fr]", "//li[@data-id='1' or @data-id='2']"),
        ("li[title=\"it's \\\"new\\\"\"]", "//li[@data-id='4']"),
        ("ul li", "//li"),
        ("#main a", "//a"),
        ("#footer p", "//div[@id='footer']/p"),
        ("div > p", "//p"),
        ("body > div > p", "//p"),
        ("ul > a", "//a[false()]"),
        ("div>ul>li>a.title", "//a[@class='title']"),
        ("p + p", "//p[@class='note']"),
        ("ul+p", "//p[@id='intro']"),
        ("li + li", "//li[position() > 1]"),
        ("p ~ span", "//span[@class='note']"),
        ("ul ~ p", "//div[@id='main']/p"),
        ("li:first-child", "//li[@data-id='1']"),
        ("p:first-child", "//div[@id='footer']/p"),
        ("span:first-child", "//li/span"),
        ("li:last-child", "//li[last()]"),
        ("li:only-child", "//li[false()]"),
        ("li a:only-child", "//a[@href='/jobs/1' or @href='/jobs/3' or contains(@href, 'example')]"),
        ("li:empty", "//li[not(node())]"),
        ("li:nth-child(2)", "//li[2]"),
        ("li:nth-child(odd)", "//li[position() mod 2 = 1]"),
        ("li:nth-child(even)", "//li[position() mod 2 = 0]"),
        ("li:nth-child(2n+1)", "//li[position() mod 2 = 1]"),
        ("li:nth-child(3n+1)", "//li[position() = 1 or position() = 4]"),
        ("li:nth-child(-n+2)", "//li[position() <= 2]"),
        ("li:nth-child(n+4)", "//li[position() >= 4]"),
        ("li:nth-child( 2n - 1 )", "//li[position() mod 2 = 1]"),
        ("li:nth-last-child(1)", "//li[last()]"),
        ("li:nth-last-child(2)", "//li[@data-id='4']"),
        ("li:not(.offer)", "//li[@data-id='3'] | //li[not(@data-id)]"),
        ("li:not([data-id])", "//li[not(@data-id)]"),
        ("a:not([href^='/'])", "//a[contains(@href, 'example')]"),
        ("p:not(#intro)", "//p[not(@id)]"),
        ("li:not(:first-child):not(:last-child)", "//li[position() > 1 and position() < 5]"),
        ("div :not(li)", "//div//*[not(self::li)]"),
        ("li.offer, p.note", "//li[@data-id='1' or @data-id='2' or @data-id='4'] | //p[@class='note']"),
        ("#intro,#footer", "//*[@id='intro' or @id='footer']"),
        (".offer .title", "//li[@data-id='1' or @data-id='2' or @data-id='4']/a[@class='title']"),
        ("#\\69ntro", "//p[@id='intro']"),
    ]

    @Test(arguments: equivalents)
    func selectsTheSameNodesAsTheHandWrittenXPath(css: String, xpath: String) throws {
        let document = try HTMLDocument(html: cssFixture)
        let translated = try CSS.xpath(for: css)
        let viaCSS = try document.select(xpath: translated, in: nil).map(\.pointer)
        let expected = try document.select(xpath: xpath, in: nil).map(\.pointer)
        #expect(viaCSS == expected, "\(css) → \(translated)")
        if !xpath.contains("false()") {
            #expect(!expected.isEmpty, "the reference XPath \(xpath) should match something")
        }
    }

    @Test func translationIsRelativeToTheContextNode() throws {
        let document = try HTMLDocument(html: cssFixture)
        let items = try document.select(Selector(parsing: "li.offer"))
        #expect(items.count == 3)
        let sponsored = try #require(items.dropFirst().first)
        // From an item, a selector finds its descendants…
        let links = try document.select(Selector(parsing: "a"), in: sponsored)
        #expect(links.map { $0.attribute("href") } == ["https://x.example/jobs/2.html"])
        // …or the item itself.
        #expect(try document.select(Selector(parsing: ".sponsored"), in: sponsored).count == 1)
        #expect(try document.select(Selector(parsing: "li:first-child"), in: sponsored).isEmpty)
    }

    @Test func usesDescendantOrSelfLikeCssselect() throws {
        #expect(try CSS.xpath(for: "li.offer").hasPrefix("descendant-or-self::li["))
        #expect(try CSS.xpath(for: "a, b") == "descendant-or-self::a | descendant-or-self::b")
    }

    static let badSelectors: [(selector: String, reason: String)] = [
        ("", "empty selector"),
        ("   ", "empty selector"),
        ("li[data-id", "unclosed '['"),
        ("li[", "unclosed '['"),
        ("li[data-id='2'", "unclosed '['"),
        ("li[title='x]", "unclosed string"),
        ("li[href!=x]", "unknown attribute operator '!='"),
        ("a[href=x i]", "case flags"),
        ("a[href=]", "value after"),
        ("li..offer", "class name"),
        ("li.", "class name"),
        ("#", "id"),
        ("a >", "nothing after it"),
        ("> a", "unexpected '>'"),
        ("a > > b", "unexpected '>'"),
        ("li,", "empty selector in comma group"),
        (",li", "empty selector in comma group"),
        ("li,,p", "empty selector in comma group"),
        ("a:hover", "unsupported pseudo-class ':hover'"),
        ("p::before", "pseudo-elements"),
        ("li:contains('x')", "unsupported pseudo-class ':contains()'"),
        ("li:nth-child(foo)", "bad argument 'foo'"),
        ("li:nth-child()", "bad argument"),
        ("li:nth-child(2", "unclosed '('"),
        ("li:nth-child", "needs an argument"),
        ("li:not(.a .b)", "one simple selector"),
        ("li:not(.a", "unclosed '('"),
        ("li:not()", "empty"),
        ("li:not(:not(.a))", "cannot be nested"),
        ("svg|rect", "namespaces"),
        ("[xlink|href]", "namespaces"),
        ("div!", "unexpected '!'"),
        ("a\\", "dangling"),
        ("\\31 23", "cannot be expressed in XPath"),
        ("li @href", "unexpected '@'"),
    ]

    @Test(arguments: badSelectors)
    func refusesBadSelectors(selector: String, reason: String) {
        #expect {
            try CSS.xpath(for: selector)
        } throws: { error in
            guard case .badSelector(let named, let actual) = error as? HTMLError else { return false }
            return named == selector && actual.contains(reason)
        }
    }

    @Test func describesTheSelectorAndTheReason() {
        #expect(throws: HTMLError.badSelector(selector: "li[data-id", reason: "unclosed '['")) {
            try CSS.xpath(for: "li[data-id")
        }
        let error = HTMLError.badSelector(selector: "li[data-id", reason: "unclosed '['")
        #expect(error.description == "bad CSS selector 'li[data-id': unclosed '['")
    }

    @Test(arguments: [("it's", "\"it's\""), ("say \"hi\"", "'say \"hi\"'"), ("a'b\"c", "concat('a', \"'\", 'b\"c')")])
    func quotesXPathLiterals(text: String, literal: String) {
        #expect(CSSTranslator.literal(text) == literal)
    }
}
