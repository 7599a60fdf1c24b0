import Foundation
import Testing
@testable import HomeshoreKit

/// The digest wired to the real reputations: after a crawl of the demo sites (offers and review pages), each
/// employer section carries the score computed from its reviews, best employers first.
@Suite struct DigestReputationTests {
    @Test func digestSectionsCarryReputationsFromTheReviews() async throws {
        let folder = TemporaryFolder()
        let (_, store, demo) = try await DemoCrawlTests.crawl(into: folder)
        defer { demo.server.stop() }
        let seams = DigestSeams.reading(store, aliases: demo.config.employerAliases)
        let digest = try DigestBuilder(store: store, config: DigestConfig(), seams: seams,
            aliases: demo.config.employerAliases).build(since: nil)
        let byName = Dictionary(digest.sections.map { ($0.employer.name, $0.employer) }, uniquingKeysWith: { a, _ in a })
        let reputations = Dictionary(uniqueKeysWithValues: try EmployerReport.reputations(in: store).map {
            ($0.employer.name, $0.score)
        })
        let bad = try #require(byName["Relais Client Express"])
        #expect(abs((bad.score ?? 0) - (reputations["Relais Client Express"]?.score ?? 9)) < 1e-6)
        #expect(bad.reviewCount == 9)
        #expect(bad.flags.contains("non payment"))
        let good = try #require(byName["Vocalia Services"])
        #expect((good.score ?? 0) > (bad.score ?? 5))
        // Best employers first: scored sections in decreasing score.
        let scores = digest.sections.compactMap(\.employer.score)
        #expect(scores == scores.sorted(by: >))
        #expect(byName["Domicall"]?.score != nil)  // "DOMICALL SAS" offers resolve to Domicall's reviews
    }
}
