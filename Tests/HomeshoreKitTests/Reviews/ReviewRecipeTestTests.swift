import Foundation
import Testing
@testable import HomeshoreKit

@Suite struct ReviewRecipeTestTests {
    @Test func sourcesTestShowsTheReviewsOfAPage() throws {
        let data = try Data(contentsOf: DemoSites.folder.appendingPathComponent("reviews/parleocom.html"))
        let source = try #require(try ConfigLoader.parse("""
            version: 1
            sources:
              - name: avis-parleocom
                kind: reviews
                employer: ParleoCom
                start: ["https://avis.example/parleocom"]
            """, file: "t.yaml").sources.first)
        let result = try ReviewRecipeTest.run(source: source,
            page: Page(url: "https://avis.example/parleocom", body: [UInt8](data), contentType: nil))
        let text = ReviewRecipeTest.text(result)
        #expect(text.hasPrefix("2 reviews"))
        #expect(text.contains("aggregate rating: 3.50 / 5 (2 ratings)"))
        #expect(text.contains("author: Benoît R."))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ReviewRecipeTest.json(result).utf8)) as? [String: Any])
        #expect(json["count"] as? Int == 2)
        #expect((json["reviews"] as? [[String: Any]])?.first?["stars"] as? Double == 4)
    }
}
