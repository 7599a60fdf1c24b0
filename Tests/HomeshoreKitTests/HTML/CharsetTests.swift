import Testing

@testable import HomeshoreKit

@Suite struct CharsetTests {
    static let accents = "Développeur à Besançon : cœur, 35 k€, l’équipe «très» sympa"

    /// The page's text encoded as windows-1252, built byte by byte so the test does not rely on our decoder.
    static func windows1252Page(meta: String) -> [UInt8] {
        let special: [Character: UInt8] = ["é": 0xE9, "è": 0xE8, "à": 0xE0, "ç": 0xE7, "œ": 0x9C, "€": 0x80, "’": 0x92, "«": 0xAB, "»": 0xBB]
        let html = "<html><head>\(meta)<title>t</title></head><body><p>\(accents)</p></body></html>"
        return html.map { character in special[character] ?? character.asciiValue! }
    }

    static func text(of page: DecodedPage) throws -> String? {
        try HTMLDocument(utf8: page.utf8).string(Selector(parsing: "p"))
    }

    @Test(arguments: [
        "<meta charset=\"windows-1252\">",
        "<META CHARSET=windows-1252>",
        "<meta charset='iso-8859-1'>",
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">",
        "<meta content='text/html;charset=latin1' http-equiv='content-type'/>",
    ])
    func windows1252DeclaredInMeta(meta: String) throws {
        let page = Charset.decode(Self.windows1252Page(meta: meta), contentType: "text/html")
        #expect(page.encoding == "windows-1252")
        #expect(page.detectedFrom == .meta)
        #expect(try Self.text(of: page) == Self.accents)
    }

    @Test func mislabelledUTF8InTheHeaderFallsBackToWindows1252() throws {
        let page = Charset.decode(Self.windows1252Page(meta: ""), contentType: "text/html; charset=UTF-8")
        #expect(page.encoding == "windows-1252")
        #expect(page.detectedFrom == .fallback)
        #expect(page.declared == "utf-8")
        #expect(try Self.text(of: page) == Self.accents)
    }

    @Test func mislabelledUTF8InMetaFallsBackToWindows1252() throws {
        let page = Charset.decode(Self.windows1252Page(meta: "<meta charset=utf-8>"), contentType: nil)
        #expect(page.detectedFrom == .fallback)
        #expect(try Self.text(of: page) == Self.accents)
    }

    @Test func headerWinsOverMeta() throws {
        let bytes = Self.windows1252Page(meta: "<meta charset=utf-8>")
        let page = Charset.decode(bytes, contentType: "text/html; charset=\"windows-1252\"")
        #expect(page.detectedFrom == .httpHeader)
        #expect(try Self.text(of: page) == Self.accents)
    }

    @Test func utf8WithByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<meta charset=windows-1252><p>\(Self.accents)</p>".utf8)
        let page = Charset.decode(bytes, contentType: "text/html; charset=iso-8859-1")
        #expect(page.detectedFrom == .byteOrderMark)
        #expect(page.encoding == "UTF-8")
        #expect(page.utf8.first == UInt8(ascii: "<"))
        #expect(try Self.text(of: page) == Self.accents)
    }

    @Test func undeclaredValidUTF8IsKeptAsIs() throws {
        let bytes = Array("<p>\(Self.accents) 😀</p>".utf8)
        let page = Charset.decode(bytes, contentType: "text/html")
        #expect(page.detectedFrom == .validUTF8)
        #expect(page.utf8 == bytes)
        #expect(try Self.text(of: page) == Self.accents + " 😀")
    }

    @Test func undeclaredInvalidUTF8IsWindows1252() throws {
        let page = Charset.decode(Self.windows1252Page(meta: ""), contentType: nil)
        #expect(page.detectedFrom == .fallback)
        #expect(page.encoding == "windows-1252")
        #expect(try Self.text(of: page) == Self.accents)
    }

    @Test(arguments: [false, true])
    func utf16WithByteOrderMark(bigEndian: Bool) throws {
        let html = "<html><body><p>\(Self.accents) 😀</p></body></html>"
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in html.utf16 {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let page = Charset.decode(bytes, contentType: nil)
        #expect(page.detectedFrom == .byteOrderMark)
        #expect(page.encoding == (bigEndian ? "UTF-16BE" : "UTF-16LE"))
        #expect(page.utf8 == Array(html.utf8))
    }

    @Test func otherCharsetsGoThroughIconv() throws {
        // ISO-8859-15 has € at 0xA4 where windows-1252 has ¤.
        let bytes: [UInt8] = Array("<p>35 k".utf8) + [0xA4] + Array("</p>".utf8)
        let page = Charset.decode(bytes, contentType: "text/html; charset=ISO-8859-15")
        #expect(page.detectedFrom == .httpHeader)
        #expect(try Self.text(of: page) == "35 k€")
    }

    @Test func unknownLabelsAreSkipped() {
        let page = Charset.decode(Array("<meta charset=utf-8><p>é</p>".utf8), contentType: "text/html; charset=x-no-such-thing")
        #expect(page.detectedFrom == .meta)
        #expect(page.encoding == "UTF-8")
    }

    @Test func metaAfterFourKilobytesIsIgnored() {
        let bytes = Array(String(repeating: " ", count: 5000).utf8) + Self.windows1252Page(meta: "<meta charset=windows-1252>")
        #expect(Charset.decode(bytes, contentType: nil).detectedFrom == .fallback)
    }

    @Test func metaInsideACommentIsIgnored() {
        let bytes = Array("<!-- <meta charset=koi8-r> --><meta charset=utf-8><p>x</p>".utf8)
        #expect(Charset.decode(bytes, contentType: nil).detectedFrom == .meta)
        #expect(Charset.decode(bytes, contentType: nil).declared == "utf-8")
    }

    @Test(arguments: [
        ([0xC3, 0xA9], true),  // é
        ([0xE2, 0x82, 0xAC], true),  // €
        ([0xF0, 0x9F, 0x98, 0x80], true),  // 😀
        ([0xC0, 0xAF], false),  // overlong /
        ([0xE0, 0x80, 0xAF], false),  // overlong
        ([0xED, 0xA0, 0x80], false),  // surrogate
        ([0xF4, 0x90, 0x80, 0x80], false),  // above U+10FFFF
        ([0xE9], false),  // windows-1252 é
        ([0xC3], false),  // truncated
        ([0xE2, 0x82, 0x41], false),  // bad continuation
        (Array("0123456789abcdef".utf8) + [0xC3, 0xA9] + Array("0123456789".utf8), true),
        (Array("0123456789abcdef".utf8) + [0x80], false),
    ] as [([UInt8], Bool)])
    func validatesUTF8Strictly(bytes: [UInt8], valid: Bool) {
        #expect(Charset.isValidUTF8(bytes) == valid)
    }

    @Test func windows1252TableAgreesWithGlibcIconv() throws {
        // glibc leaves the five unassigned bytes undefined; the WHATWG table maps them to C1 controls.
        for byte in UInt8(0x80)...UInt8(0xFF) where ![0x81, 0x8D, 0x8F, 0x90, 0x9D].contains(byte) {
            let reference = try #require(Iconv.toUTF8([byte], from: "WINDOWS-1252"))
            #expect(Charset.decodeWindows1252([byte]) == reference, "byte 0x\(String(byte, radix: 16))")
        }
    }

    @Test func latin1TableMapsBytesToTheSameCodePoints() {
        let bytes = (0...255).map(UInt8.init)
        let expected = String(String.UnicodeScalarView((0...255).map { Unicode.Scalar(UInt8($0)) }))
        #expect(Charset.decodeLatin1(bytes) == Array(expected.utf8))
        #expect(String(decoding: Charset.decodeWindows1252([0x80, 0x92, 0x9C, 0x81]), as: UTF8.self) == "€’œ\u{81}")
    }
}
