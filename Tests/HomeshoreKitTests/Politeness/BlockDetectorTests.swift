import Foundation
import Testing
@testable import HomeshoreKit

@Suite struct BlockDetectorTests {
    static let realworld = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/realworld")
    static var available: Bool { FileManager.default.fileExists(atPath: realworld.path) }

    static func pages(blocked: Bool) -> [String] {
        guard available else { return [] }
        var result: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: realworld.path)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".html") else { continue }
            let isBlockPage = path.hasPrefix("blocked/") && !(path as NSString).lastPathComponent.hasPrefix("notblocked_")
            if isBlockPage == blocked { result.append(path) }
        }
        return result.sorted()
    }

    @Test(.enabled(if: available, "../shared/realworld is absent"), arguments: pages(blocked: true))
    func realChallengePagesAreBlocks(_ path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: Self.realworld.appendingPathComponent(path)))
        let block = BlockDetector.block(status: 200, utf8: bytes)
        #expect(block != nil, "\(path) not detected")
    }

    @Test(.enabled(if: available, "../shared/realworld is absent"), arguments: pages(blocked: false))
    func realJobAndReviewPagesAreNotBlocks(_ path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: Self.realworld.appendingPathComponent(path)))
        let block = BlockDetector.block(status: 200, utf8: bytes)
        #expect(block == nil, "\(path) flagged: \(block.map(\.description) ?? "")")
    }

    /// Pages the project owns: fictional walls and fictional content pages with decoys.
    @Test(arguments: [
        ("<html><head><title>Just a moment...</title></head><body>Checking</body></html>", 403, true),
        ("<html><body><h1>Vérification requise</h1><p>Nous avons détecté un trafic inhabituel.</p></body></html>", 200, true),
        ("<html><body><h1>Access denied</h1><p>You do not have access.</p></body></html>", 403, true),
        ("<html><body><p>Too many requests. Please verify you are human.</p></body></html>", 429, true),
        ("<html><body><script>window._cf_chl_opt={cType:'managed'}</script></body></html>", 503, true),
    ] as [(String, Int, Bool)])
    func ownFixtures(_ html: String, _ status: Int, _ blocked: Bool) {
        #expect((BlockDetector.block(status: status, utf8: Array(html.utf8)) != nil) == blocked)
    }

    @Test func aLongPageWithAHiddenCaptchaIsContent() {
        let offers = (1...40).map { "<li><h2>Téléconseiller à domicile H/F n°\($0)</h2><p>Domicall recrute, CDI, 1 850 € brut mensuel, télétravail complet.</p></li>" }
        let html = "<html><body><div style=\"display:none\"><p>Verify you are human</p><div class=\"cf-turnstile\"></div></div><ul>"
            + offers.joined() + "</ul><script src=\"/cdn-cgi/challenge-platform/scripts/jsd/main.js\"></script></body></html>"
        #expect(BlockDetector.block(status: 200, utf8: Array(html.utf8)) == nil)
    }
    /// The first, byte-at-a-time version of `visibleBytes`: the definition the memchr version keeps to.
    static func referenceVisibleBytes(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var i = bytes.startIndex
        var lastSpace = true
        func lower(_ b: UInt8) -> UInt8 { (65...90).contains(b) ? b + 32 : b }
        func startsWith(_ word: String, at index: Int) -> Bool {
            var j = index
            for c in word.utf8 {
                guard j < bytes.endIndex, lower(bytes[j]) == c else { return false }
                j += 1
            }
            return true
        }
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "<") {
                for skipped in ["script", "style", "template"] where startsWith("<" + skipped, at: i) {
                    var j = i + 1
                    while j < bytes.endIndex, !(bytes[j] == UInt8(ascii: "<") && startsWith("</" + skipped, at: j)) { j += 1 }
                    i = j
                    break
                }
                while i < bytes.endIndex, bytes[i] != UInt8(ascii: ">") { i += 1 }
                i += 1
                if !lastSpace { out.append(32); lastSpace = true }
                continue
            }
            if b == 32 || b == 9 || b == 10 || b == 13 {
                if !lastSpace { out.append(32); lastSpace = true }
            } else {
                out.append(b)
                lastSpace = false
            }
            i += 1
        }
        if out.last == 32 { out.removeLast() }
        if out.first == 32 { out.removeFirst() }
        return out
    }

    /// The visible text is the reference's on every real page, cut at many places (unclosed scripts, tags cut
    /// in the middle), and on hostile snippets.
    @Test func visibleTextMatchesTheReference() throws {
        var pages = try (Self.pages(blocked: true) + Self.pages(blocked: false)).map {
            [UInt8](try Data(contentsOf: Self.realworld.appendingPathComponent($0)))
        }
        pages += [
            "<SCRIPT>a<b</SCRIPT >x", "<script>never closed", "a  <style>p{}</STYLE>  b\t\r\n c", "<template><p>t</template>",
            "<scripts>x</scripts>y", "< p>q</p", "<", ">", "", "   ", "<b>1</b><i>2</i>", "x<script", "x</script>y<",
        ].map { Array($0.utf8) }
        // Words of every length and alignment, capitals, every ASCII byte and bytes beyond it, between spaces of
        // every kind and tags.
        let ascii = String(decoding: (0..<0x80).map(UInt8.init), as: UTF8.self)
        for shift in 0..<9 {
            pages.append(Array((String(repeating: "Z", count: shift) + " ÉTÉ\tAbcdefghIJKLMNOPq@[`{ \r\n"
                + ascii + "<b>XY</b>Çà    va\u{A0}BIEN  " + String(repeating: "Q", count: 17 - shift)).utf8))
        }
        pages.append((0...255).map(UInt8.init) + (0...255).map { UInt8(255 - $0) })
        var checked = 0
        for page in pages {
            for cut in Set([page.count, page.count / 2, page.count / 3, page.count * 7 / 8, min(page.count, 1_000)]) {
                let slice = page[0..<cut]
                let reference = Self.referenceVisibleBytes(slice)
                #expect(BlockDetector.visibleBytes(slice) == reference, "cut at \(cut)")
                #expect(BlockDetector.visibleBytes(slice, lowered: true) == reference.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 },
                        "cut at \(cut)")
                checked += 1
            }
        }
        #expect(checked > 20)
    }

    /// Characters are counted as Swift counts them, on real pages' visible text and on texts of every kind of scalar.
    @Test func characterCountMatchesSwift() throws {
        var texts: [[UInt8]] = (Self.available ? try (Self.pages(blocked: true) + Self.pages(blocked: false)).map {
            BlockDetector.visibleBytes(ArraySlice([UInt8](try Data(contentsOf: Self.realworld.appendingPathComponent($0)))))
        } : [])
        texts += ["", "abc", "é e\u{0301} 🇫🇷 👍🏽 ❤️ \u{200D}", "ﬁn ‰ €", "a\r\nb"].map { Array($0.utf8) }
        texts += [[0xFF, 0x41, 0xC3], [0xE2, 0x82], [0x41, 0x80, 0x80]]
        for v in stride(from: 0x80, to: 0x30000, by: 7) {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let c = String(Character(scalar))
            texts.append(Array("a\(c)b \(c)\(c)".utf8))
        }
        for text in texts {
            #expect(BlockDetector.characterCount(text) == String(decoding: text, as: UTF8.self).count, "\(text.prefix(40))")
        }
    }

    /// One pass over the page's `_`s finds what the four searches found: the three spellings of the challenge
    /// options and Incapsula's resource, exactly (case counts), overlapping, at the edges, among other `_`s.
    @Test func markersMatchTheFourSearches() {
        let snippets = ["window._cf_chl_opt={", "_cf_chl_opt={a}", "x _cf_chl_opt = 1", "_cf_chl_opt", "_cf_chl_opt=", "_cf_chl_opt ",
                        "indow._cf_chl_opt", "window_cf_chl_opt", "_cf_chl_opt_cf_chl_opt={", "<script>var _cf_chl_opt;</script>",
                        "window._cf_chl_op", "", "_cf_chl_opt {", "a_cf_chl_opt =", "window._cf_chl_opt", "window._CF_CHL_OPT={",
                        "_Incapsula_Resource", "__Incapsula_Resource?x", "_incapsula_resource", "_Incapsula_Resourc",
                        "_Incapsula_Resource window._cf_chl_opt", "a_b_c_d_e", "_", "__cf_chl_opt={", "_Incapsula__Resource"]
        func challenge(_ s: String) -> Bool { s.contains("window._cf_chl_opt") || s.contains("_cf_chl_opt={") || s.contains("_cf_chl_opt =") }
        var found = 0
        for snippet in snippets + snippets.map({ "<p>page_x</p>" + $0 + "<p>end_</p>" }) {
            let markers = BlockDetector.markers(ArraySlice(Array(snippet.utf8)))
            #expect(markers.challenge == challenge(snippet), "\(snippet)")
            #expect(markers.incapsula == snippet.contains("_Incapsula_Resource"), "\(snippet)")
            if challenge(snippet) || markers.incapsula { found += 1 }
        }
        #expect(found >= 14)
    }
}
