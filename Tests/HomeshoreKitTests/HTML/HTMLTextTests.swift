import Testing

@testable import HomeshoreKit

@Suite struct HTMLTextTests {
    @Test(arguments: [
        ("<p>Bonjour</p><p>Nous recrutons&nbsp;!</p>", "Bonjour\n\nNous recrutons !"),
        ("&lt;p&gt;Bonjour&lt;/p&gt;&lt;p&gt;Au revoir&lt;/p&gt;", "Bonjour\n\nAu revoir"),
        ("&amp;lt;p&amp;gt;Double&amp;lt;/p&amp;gt;", "Double"),
        ("<p>Missions :</p><ul><li>Coder</li><li> Tester <b>bien</b></li></ul><p>Fin</p>",
         "Missions :\n\n- Coder\n- Tester bien\n\nFin"),
        ("Ligne 1<br>Ligne 2<br/><br><br>Ligne 3", "Ligne 1\nLigne 2\n\nLigne 3"),
        ("<div>a</div><div>b</div>", "a\nb"),
        ("<h2>Profil</h2>Bac+5   en\n  informatique", "Profil\n\nBac+5 en informatique"),
        ("<p>  </p><p></p><p>Seul</p><p> </p>", "Seul"),
        ("<table><tr><td>Salaire</td><td>40 k€</td></tr><tr><td>Lieu</td><td>Lyon</td></tr></table>", "Salaire 40 k€\nLieu Lyon"),
        ("<p>R&amp;D &eacute;quipe &#233; &#x2019; &rsquo;</p>", "R&D équipe é ’ ’"),
        ("<p>Script<script>alert(1)</script> et style<style>p{}</style></p>", "Script et style"),
        ("Texte   simple\u{00A0}sans balises", "Texte simple sans balises"),
        ("  Deux lignes\n\n\n\nde texte  ", "Deux lignes\n\nde texte"),
        ("Salaire &amp; avantages", "Salaire & avantages"),
        ("", ""),
        ("<ol><li><p>Un</p></li><li>Deux</li></ol>", "- Un\n- Deux"),
    ])
    func rendersReadableText(html: String, expected: String) {
        #expect(HTMLText.plainText(fromHTML: html) == expected)
    }

    @Test(arguments: [
        ("  a \t b\n\nc  ", "a b c"),
        ("\u{00A0}35\u{202F}000\u{00A0}€\u{2009}", "35 000 €"),
        ("", ""),
        ("   ", ""),
        ("déjà", "déjà"),
    ])
    func normalizesSpace(input: String, expected: String) {
        #expect(HTMLText.normalizeSpace(input) == expected)
    }
    /// The byte version of `normalizeSpace` gives the scalar version's answer for every scalar of the first two
    /// planes, alone, between words and in runs.
    @Test func normalizeSpaceMatchesTheScalarVersion() {
        var differences: [UInt32] = []
        for v in 0..<0x20000 {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let c = String(Character(scalar))
            for text in [c, "a\(c)b", " \(c)\(c) x\u{00A0}\(c)\u{3000}", "\(c)é\u{FEFF}\(c)"] {
                if HTMLText.normalizeSpace(text) != HTMLText.normalizeSpaceReference(text) { differences.append(UInt32(v)) }
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(20).map { String($0, radix: 16) })")
    }

    /// The written-out white space is the Unicode property's, for every scalar.
    @Test func isSpaceMatchesTheUnicodeProperty() {
        var differences: [UInt32] = []
        for v in 0...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            if HTMLText.isSpace(scalar) != HTMLText.isSpaceReference(scalar) { differences.append(UInt32(v)) }
        }
        #expect(differences.isEmpty, "\(differences.prefix(20).map { String($0, radix: 16) })")
    }

    /// Text nodes copied by runs give the text that copying them scalar by scalar gave: on markup with spaces of
    /// every kind, accents, emoji, entities and scalars of every length, alone and in runs.
    @Test func runRenderingMatchesScalarRendering() {
        var fragments = [
            "<p>Bonjour</p><p>Nous recrutons&nbsp;!</p>", "<ul><li> Tester <b>bien</b></li></ul>",
            "<p>\u{00A0}35\u{202F}000\u{00A0}€\u{2009}brut\u{3000}/\u{1680}mois\u{FEFF}\u{200B}x</p>",
            "<div>Téléconseiller·e à domicile — 📞 appels entrants 👍🏽 🇫🇷</div><p>e\u{0301} ﬁn\u{85}NEL\u{2028}</p>",
            "<p>&#x1F4DE; &#233; &#xFFFD; &#0; &#xD800; &#x110000; &amp;&lt;x&gt;</p>", "<td>a</td><td>\t\n\r b \u{0B}\u{0C}</td>",
            "<p>\u{FFFD}\u{FFFF}\u{10FFFF}\u{E000}</p>",
        ]
        for v in Array(0x80..<0x800) + Array(stride(from: 0x800, to: 0x30000, by: 37)) + [0x1680, 0x2000, 0x200A, 0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF] {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let c = String(Character(scalar))
            fragments.append("<p>a\(c)b \(c)\(c) <i>\(c)</i>x\(c)</p>")
        }
        for html in fragments {
            #expect(HTMLText.plainText(fromHTML: html) == HTMLText.plainTextReference(fromHTML: html), "\(html)")
        }
    }

    /// Descriptions of paragraphs, headings, lists, divs and inline elements rendered without libxml2
    /// (`simpleMarkup`) give what libxml2's tree gives: random nestings of the accepted elements (lists in items,
    /// blocks in divs, several elements at the top) with white space of every kind inside, between and around them,
    /// entities, empty elements, `<br>` in its three spellings, text of every script, `>` and quotes. Anything else (other tags, attributes, upper case, other entities, control characters,
    /// misnested or unclosed tags, text where libxml2 would move it) is left to libxml2.
    @Test func simpleMarkupWithoutLibxml2MatchesLibxml2() {
        let words = ["Bonjour", "à", "domicile", " ", "  ", "\n", "\t", "\r\n", "\u{00A0}", "\u{202F}", "\u{3000}", "&amp;",
            "&lt;", "&gt;", "&quot;", "&#39;", "&nbsp;", ">", "\"", "'", "é", "📞", "👍🏽", "e\u{0301}", "35 000 €", "ﬁn",
            "\u{85}", "\u{2028}", "\u{FEFF}", "x", ".", "-", "&amp;amp;", "\u{FFFD}", "<br>", "<br/>", "<br />"]
        let spaces = ["", " ", "\n", "\n\t ", "\r\n"]
        let inline = ["b", "strong", "i", "em", "u", "span"]
        var state: UInt64 = 17
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        func phrasing(_ depth: Int) -> String {
            (0..<next(6)).map { _ in
                if depth < 3 && next(4) == 0 {
                    let tag = inline[next(inline.count)]
                    return "<\(tag)>" + phrasing(depth + 1) + "</\(tag)>"
                }
                return words[next(words.count)]
            }.joined()
        }
        let blocks = ["p", "h2", "h4"]
        /// Paragraphs, lists, divs and (but at the top) text, nested as `simpleMarkup` accepts them, white space
        /// around each.
        func flow(_ depth: Int, top: Bool = false) -> String {
            (0..<(1 + next(3))).map { _ in
                let space = spaces[next(spaces.count)]
                switch next(depth < 2 ? (top ? 3 : 4) : 2) {
                case 0:
                    let tag = blocks[next(blocks.count)]
                    return space + "<\(tag)>" + phrasing(0) + "</\(tag)>"
                case 1:
                    let list = next(2) == 0 ? "ul" : "ol"
                    return space + "<\(list)>" + (0..<next(4)).map { _ in
                        spaces[next(spaces.count)] + "<li>" + (next(2) == 0 ? phrasing(0) : flow(depth + 1)) + "</li>"
                    }.joined() + spaces[next(spaces.count)] + "</\(list)>"
                case 2:
                    return space + "<div>" + phrasing(0) + flow(depth + 1) + phrasing(0) + "</div>"
                default:
                    return space + phrasing(0)
                }
            }.joined() + spaces[next(spaces.count)]
        }
        var fast = 0
        for _ in 0..<3000 {
            // At the top, text may only be white space: phrasing goes inside a block there.
            let html = flow(0, top: true)
            let quick = HTMLText.simpleMarkup(html)
            #expect(quick == HTMLText.plainTextReference(fromHTML: html), "\(html)")
            #expect(HTMLText.plainText(fromHTML: html) == HTMLText.plainTextReference(fromHTML: html), "\(html)")
            if quick != nil { fast += 1 }
        }
        #expect(fast == 3000)
        for html in ["<p class=\"a\">x</p>", "<P>x</P>", "<p>x</p><br>", "<p>a<div>b</div></p>", "<p>&eacute;</p>", "<p>&amp</p>",
                     "<p>x\u{01}</p>", "<p>x\u{0C}</p>", "<p>x\u{7F}</p>", "<p>\u{FFFF}</p>", "<p>x", "<p>x</p>y", "x<p>y</p>",
                     "<p>x</p >", "<p>x</P>", "  ", "<p>&#x27;</p>", "<ul>x<li>y</li></ul>", "<li>x</li>",
                     "<p><p>x</p></p>", "<ul><p>x</p></ul>", "<p><ul><li>x</li></ul></p>", "<b>x</b>", "<p><b>x</p></b>",
                     "<p><!-- c -->x</p>", "<p><div>x</div></p>", "<p>a</br>b</p>", "<ul><br></ul>", "<li>x</li>",
                     "<ul><li>a<li>b</li></ul>", "<h2><p>x</p></h2>", "<b><p>x</p></b>", "<div><li>x</li></div>"] {
            #expect(HTMLText.simpleMarkup(html) == nil, "\(html)")
            #expect(HTMLText.plainText(fromHTML: html) == HTMLText.plainTextReference(fromHTML: html), "\(html)")
        }
    }

    /// `Charset.wellFormedScalar` says a sequence is well-formed exactly when Swift's decoding reads it as one scalar
    /// of that many bytes, and gives that scalar: every lead byte with every second byte, and third and fourth
    /// bytes at the edges of the continuation range and outside it.
    @Test func wellFormedScalarsAreSwiftsOwn() {
        var checked = 0
        for b0 in 0x80...0xFF {
            for b1 in 0...0xFF {
                for tail in [[0x80, 0x80], [0xBF, 0xBF], [0x41, 0x80], [0x80, 0x41], [0xBF]] as [[Int]] {
                    let bytes = ([b0, b1] + tail).map(UInt8.init)
                    let fast = bytes.withUnsafeBufferPointer { Charset.wellFormedScalar($0, at: 0) }
                    var expected: (Unicode.Scalar, Int)?
                    for length in 2...min(4, bytes.count) {
                        let scalars = String(decoding: bytes.prefix(length), as: UTF8.self).unicodeScalars
                        if scalars.count == 1, scalars.first! != "\u{FFFD}" || bytes.prefix(length) == [0xEF, 0xBF, 0xBD] {
                            expected = (scalars.first!, length)
                            break
                        }
                    }
                    #expect(fast?.0 == expected?.0 && fast?.1 == expected?.1, "\(bytes)")
                    checked += 1
                }
            }
        }
        #expect(checked == 128 * 256 * 5)
    }
}
