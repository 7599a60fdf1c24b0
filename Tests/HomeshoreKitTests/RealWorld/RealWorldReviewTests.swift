import Foundation
import Testing
@testable import HomeshoreKit

/// The real review pages of ../shared/realworld (Trustpilot, Glassdoor, Indeed), read with no recipe (JSON-LD,
/// microdata) or with a recipe written here, against ground_truth.json.
@Suite(.enabled(if: RealWorld.available, "../shared/realworld is absent")) struct RealWorldReviewTests {
    static func source(_ yaml: String) throws -> SourceConfig {
        let text = """
            version: 1
            sources:
              - name: reviews-test
                kind: reviews
                employer: Test Employer
                start: ["https://reviews.example/"]
            \(yaml.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
            """
        return try #require(try ConfigLoader.parse(text, file: "test.yaml").sources.first)
    }

    @Test func trustpilotBTReviewsComeFromJSONLD() throws {
        let file = "trustpilot/bottasai_bt_com_reviews_en.html"
        let truth = try RealWorld.truth(for: file)
        let page = try RealWorld.page(file, url: "https://www.trustpilot.com/review/bt.com")
        let result = try PageExtractor(source: Self.source("")).reviews(page)
        #expect(result.reviews.count == RealWorld.number(truth["jsonld_review_count"]).map { Int($0) })
        let aggregate = try #require(truth["aggregate"] as? [String: Any])
        #expect(result.aggregate?.rating == Double(RealWorld.string(aggregate["ratingValue"]) ?? ""))
        #expect(result.aggregate?.count == Int(RealWorld.string(aggregate["reviewCount"]) ?? ""))
        #expect(Set(result.reviews.map(\.key)).count == result.reviews.count, "each review once")
        let examples = try #require(truth["examples"] as? [[String: Any]])
        #expect(examples.count == 3)
        for example in examples {
            let author = RealWorld.string(example["author"])
            let matches = result.reviews.filter { $0.author == author }
            guard matches.count == 1, let review = matches.first else {
                Issue.record("\(author ?? "?"): \(matches.count) reviews")
                continue
            }
            #expect(review.stars == Double(RealWorld.string(example["rating"]) ?? ""))
            #expect(review.title == RealWorld.string(example["headline"]))
            let published = try #require(RealWorld.string(example["datePublished"]))
            #expect(review.date == String(published.prefix(10)))
            #expect(review.language == RealWorld.string(example["inLanguage"]))
            let start = try #require(RealWorld.string(example["body_start"]))
            #expect(review.text?.hasPrefix(start) == true, "\(review.text ?? "")")
            #expect(review.employer == "Test Employer")
        }
    }

    @Test func glassdoorEmployerAggregateRatingAndRoles() throws {
        let file = "glassdoor/csshlok_reviews_tcs_en.html"
        let truth = try RealWorld.truth(for: file)
        let page = try RealWorld.page(file, url: "https://www.glassdoor.com/Reviews/Tata-Consultancy-Services-Reviews-E13461.htm")
        let result = try PageExtractor(source: Self.source("")).reviews(page)
        let aggregate = try #require(truth["EmployerAggregateRating"] as? [String: Any])
        #expect(result.aggregate?.rating == Double(RealWorld.string(aggregate["ratingValue"]) ?? ""))
        #expect(result.aggregate?.count == Int(RealWorld.string(aggregate["ratingCount"]) ?? ""))
        #expect(result.aggregate?.name == RealWorld.string(aggregate["name"]))
        #expect(result.reviews.count == RealWorld.number(truth["jsonld_review_count"]).map { Int($0) })
        for example in try #require(truth["examples"] as? [[String: Any]]) {
            let author = try #require(RealWorld.string(example["author"]))
            let title = RealWorld.string(example["reviewBody(=title)"])
            let matches = result.reviews.filter { $0.author == author && $0.text == title }
            guard matches.count == 1, let review = matches.first else {
                Issue.record("\(author): \(matches.count) reviews")
                continue
            }
            #expect(review.stars == Double(RealWorld.string(example["rating"]) ?? ""))
            #expect(review.roleText == author)
            #expect(review.role == (author.hasPrefix("Current") ? .currentEmployee : .formerEmployee))
            #expect(review.language == "en")
        }
    }

    @Test func indeedMicrodataReview() throws {
        let file = "indeed/fragment_johncosch_company_review_hubspot_2017.html"
        let truth = try RealWorld.truth(for: file)
        let page = try RealWorld.page(file, url: "https://www.indeed.com/cmp/Hubspot/reviews")
        let result = try PageExtractor(source: Self.source("")).reviews(page)
        #expect(result.reviews.count == 1)
        let review = try #require(result.reviews.first)
        #expect(review.stars == Double(RealWorld.string(truth["ratingValue"]) ?? ""))
        #expect(review.title?.hasPrefix(RealWorld.string(truth["review_title_start"]) ?? "-") == true)
        #expect(review.author == "Channel Account Executive")
        #expect(review.role == .currentEmployee)
        #expect(review.text?.hasPrefix("The training here is very in depth") == true)
        // With a recipe, the whole subtitle is the role's text, as the ground truth reads it.
        let recipe = try Self.source("""
            items: "css: div[itemtype='http://schema.org/Review']"
            fields:
              role: "css: div.cmp-review-subtitle"
              stars: "css: meta[itemprop=ratingValue] @content"
            """)
        let read = try PageExtractor(source: recipe).reviews(page)
        #expect(read.reviews.first?.roleText == RealWorld.string(truth["author_role"]))
        #expect(read.reviews.first?.role == .currentEmployee)
        #expect(read.reviews.first?.stars == 5)
    }

    @Test func trustpilotOldFragmentThroughARecipe() throws {
        let file = "trustpilot/fragment_johncosch_single_review_2017.html"
        let truth = try RealWorld.truth(for: file)
        let page = try RealWorld.page(file, url: "https://www.trustpilot.com/review/www.hubspot.com")
        let recipe = try Self.source("""
            items: "css: div.review"
            fields:
              id: "css: div.review @data-reviewmid"
              author: "css: a.user-review-name-link"
              stars: "css: div.star-rating @class"
              date: "css: time @datetime"
              title: "css: h3.review-title"
              text: "css: div.review-body"
              url: "css: a.review-title-link @href"
            """)
        let result = try PageExtractor(source: recipe).reviews(page)
        #expect(result.reviews.count == RealWorld.number(truth["reviews"]).map { Int($0) })
        let review = try #require(result.reviews.first)
        #expect(review.author == RealWorld.string(truth["author"]))
        #expect(review.stars == 3)
        #expect(RealWorld.string(truth["stars"])?.hasPrefix("3") == true)
        #expect(review.title == RealWorld.string(truth["title"]))
        #expect(review.date == "2016-04-11")
        #expect(review.reviewID == "570bf3ad0000ff00094f4ac6")
        #expect(review.url == "https://www.trustpilot.com/reviews/570bf3ad0000ff00094f4ac6")
        #expect(review.language == "en")
    }

    @Test func theBundledTrustpilotSourcesReadARealTrustpilotPage() throws {
        let file = "trustpilot/bottasai_bt_com_reviews_en.html"
        let truth = try RealWorld.truth(for: file)
        let sources = try RealWorld.config().sources.filter { $0.kind == .reviews && $0.start.contains { $0.contains("trustpilot") } }
        #expect(!sources.isEmpty)
        for source in sources {
            let page = try RealWorld.page(file, url: source.start[0])
            let result = try PageExtractor(source: source).reviews(page)
            #expect(result.reviews.count == RealWorld.number(truth["jsonld_review_count"]).map { Int($0) }, "\(source.name)")
            #expect(result.reviews.allSatisfy { $0.employer == source.employer && $0.stars != nil }, "\(source.name)")
        }
    }
}
