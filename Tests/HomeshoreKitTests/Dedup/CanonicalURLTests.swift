import Testing
@testable import HomeshoreKit

@Suite struct CanonicalURLTests {
    @Test(arguments: [
        ("HTTPS://Www.Example.FR:443/emploi/./offre/../offre/123.html?utm_source=x&b=2&a=1#top",
         "https://www.example.fr/emploi/offre/123.html?a=1&b=2"),
        ("http://board.example:80/o;jsessionid=ABC?id=77&gclid=z&fbclid=y&xtor=AL-1&ref=liste&PHPSESSID=q",
         "http://board.example/o?id=77"),
        ("https://board.example/o?sid=1&source=mail&mc_cid=2&mc_eid=3&msclkid=4", "https://board.example/o"),
        ("https://board.example:8443/a/b/../../c", "https://board.example:8443/c"),
        ("https://board.example/job?id=5&id=3", "https://board.example/job?id=3&id=5"),
    ])
    func canonicalForms(_ url: String, _ expected: String) {
        #expect(CanonicalURL.canonical(url) == expected)
    }

    @Test func configuredParametersAreDroppedAndOthersKept() {
        let url = "https://board.example/o?cmp_campaign=1&cmp_x=2&trk=3&jobId=9"
        #expect(CanonicalURL.canonical(url, dropping: ["cmp_*", "trk"]) == "https://board.example/o?jobId=9")
        #expect(CanonicalURL.canonical(url) == "https://board.example/o?cmp_campaign=1&cmp_x=2&jobId=9&trk=3")
    }

    @Test func twoLinksToOneOfferGiveOneKey() {
        var a = Offer(source: "s", url: "https://Board.example/o/1?utm_medium=flux#apply")
        var b = Offer(source: "s", url: "https://board.example/o/1")
        #expect(a.key == b.key)
        a.sourceID = "1"
        b.sourceID = "1"
        #expect(a.key == b.key)
    }

    @Test func employerNamesAndTitlesNormalise() {
        let names = EmployerName(aliases: ["Concentrix": ["Webhelp"]])
        #expect(names.key("DOMICALL SAS") == names.key("Domicall"))
        #expect(names.key("Callhome Partners SARL") == names.key("CallHome Partners"))
        #expect(names.key("Assisteo") == names.key("Assistéo Groupe"))
        #expect(names.key("Webhelp") == names.key("Concentrix"))
        #expect(names.key("Domicall") != names.key("Vocalia Services"))
        #expect(DedupText.titleWords("Téléconseiller en télétravail (F/H)") == DedupText.titleWords("Conseiller client à domicile H/F"))
        #expect(DedupText.titleWords("Conseiller SAV H/F") == DedupText.titleWords("Conseillère service après-vente F/H"))
    }
    /// The fast path (`isCanonical`) gives `URLComponents`' answer: on URLs built from pieces that are and are not
    /// canonical (case, ports, dot segments, odd characters, queries, fragments), every combination.
    @Test func fastPathMatchesURLComponents() {
        let schemes = ["http://", "https://", "HTTP://", "ftp://", "http:/", ""]
        let hosts = ["example.com", "Example.com", "127.0.0.1", "a-b.example", "", "ex_ample.com", "[::1]", "user@h.fr",
                     "h.fr.", "xn--bcher-kva.example"]
        let ports = ["", ":80", ":443", ":8080", ":08080", ":65535", ":65536", ":123456", ":", ":x"]
        let paths = ["", "/", "/a", "/a/", "//a", "/a/./b", "/a/../b", "/a/.", "/a/..", "/...", "/.a", "/a.", "/a..b/c",
                     "/offres/123-teleconseiller.html", "/A_B~c", "/a b", "/a%20b", "/a;jsessionid=1", "/é", "/a:b", "/a@b",
                     "/a+b", "/a,b", "/a!b", "/.", "/.."]
        let tails = ["", "?", "?id=3", "?utm_source=x", "#top", "?b=2&a=1#f"]
        var checked = 0, fast = 0
        for scheme in schemes {
            for host in hosts {
                for port in ports {
                    for path in paths {
                        for tail in tails {
                            let url = scheme + host + port + path + tail
                            #expect(CanonicalURL.canonical(url) == CanonicalURL.canonicalReference(url), "\(url)")
                            if CanonicalURL.isCanonical(url) { fast += 1 }
                            checked += 1
                        }
                    }
                }
            }
        }
        #expect(fast > 300)
        #expect(checked > 40_000)
    }
}
