import Foundation
import Testing
@testable import HomeshoreKit

@Suite struct ReviewStoreTests {
    static func review(_ author: String, employer: String, id: String? = nil, stars: Double = 4) -> PendingReview {
        var r = Review(source: "reviews-a", url: "https://reviews.example/a", employer: employer)
        r.author = author
        r.reviewID = id
        r.date = "2026-11-02"
        r.title = "Avis de \(author)"
        r.text = "Très bonne ambiance."
        r.stars = stars
        return PendingReview(r)
    }

    @Test func reviewsAreKeptOncePerSourceAndKey() throws {
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        let first = try store.save(reviews: [Self.review("Anne", employer: "Fictive SAS"), Self.review("Bob", employer: "Fictive", id: "r2")])
        #expect(first["reviews-a"]?.new == 2)
        let again = try store.save(reviews: [Self.review("Anne", employer: "Fictive SAS"),
                                             Self.review("Bob", employer: "Fictive", id: "r2", stars: 2)])
        #expect(again["reviews-a"]?.new == 0)
        #expect(again["reviews-a"]?.seen == 2)
        let stored = try store.reviews()
        #expect(stored.count == 2)
        #expect(Set(stored.map(\.employerID)).count == 1, "Fictive SAS and Fictive are one employer")
        #expect(stored.first { $0.review.author == "Bob" }?.review.stars == 2)
        #expect(stored.first?.analysis.sentiment.score ?? 0 > 0)
    }

    @Test func offersAndReviewsShareTheirEmployerAndAliasesMerge() throws {
        let folder = TemporaryFolder()
        let store = try OfferStore(folder: folder.path)
        var a = Offer(source: "board", url: "https://board.example/1")
        a.employer = "DOMICALL SAS"
        var b = Offer(source: "board", url: "https://board.example/2")
        b.employer = "Webhelp"
        var c = Offer(source: "board", url: "https://board.example/3")
        c.employer = "Relais Client Pro"
        _ = try store.save([a, b, c], run: nil)
        _ = try store.save(reviews: [Self.review("Anne", employer: "Domicall"), Self.review("Cléo", employer: "Concentrix"),
                                     Self.review("Dan", employer: "Relais Client Express")])
        #expect(try store.employers().count == 5, "Webhelp is not yet known as Concentrix")
        try store.registerAliases(["Concentrix": ["Webhelp"]])
        let employers = try store.employers()
        #expect(employers.map(\.name).sorted() == ["Concentrix", "Domicall", "Relais Client Express", "Relais Client Pro"])
        let offers = try store.offers()
        let reviews = try store.reviews()
        func employer(ofOffer name: String) -> Int64? { offers.first { $0.offer.employer == name }?.employerID }
        func employer(ofReview author: String) -> Int64? { reviews.first { $0.review.author == author }?.employerID }
        #expect(employer(ofOffer: "DOMICALL SAS") == employer(ofReview: "Anne"))
        #expect(employer(ofOffer: "Webhelp") == employer(ofReview: "Cléo"))
        #expect(employer(ofOffer: "Relais Client Pro") != employer(ofReview: "Dan"))
        #expect(try store.employer(named: "webhelp.com")?.name == "Concentrix")
        #expect(try store.employer(named: "domicall.fr")?.name == "Domicall")
    }

    @Test func reviewRecipeFieldsAreCheckedWithLocatedErrors() throws {
        let text = """
            version: 1
            sources:
              - name: reviews-x
                kind: reviews
                employer: Fictive
                start: ["https://reviews.example/"]
                items: "css: div.review"
                fields:
                  autor: "css: .name"
                  stars: "css: .rating"
            """
        #expect {
            try ConfigLoader.parse(text, file: "s.yaml")
        } throws: { error in
            "\(error)".contains("s.yaml:9:") && "\(error)".contains("did you mean 'author'?")
        }
        let ok = try ConfigLoader.parse(text.replacingOccurrences(of: "autor", with: "author"), file: "s.yaml")
        #expect(ok.sources[0].reviewFields.keys.sorted() == [.author, .stars])
    }

    @Test(arguments: [("4", 4.0), ("4,5/5", 4.5), ("8 / 10", 4.0), ("3 out of 5", 3.0), ("star-rating count-3 size-medium", 3.0),
                      ("Note : 2 sur 5", 2.0), ("9/10", 4.5)])
    func ratingsAreReadOutOfFive(_ text: String, _ stars: Double) {
        #expect(RatingText.parse(text) == stars)
    }
}
