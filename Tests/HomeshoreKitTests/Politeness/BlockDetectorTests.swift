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
}
