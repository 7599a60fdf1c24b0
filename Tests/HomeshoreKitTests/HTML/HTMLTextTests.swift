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
}
