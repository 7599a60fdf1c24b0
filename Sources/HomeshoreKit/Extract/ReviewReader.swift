import Foundation

/// Reads schema.org `Review`, `AggregateRating` and `EmployerAggregateRating` objects of a page's JSON-LD, with no
/// recipe: at the top level, in arrays, in `@graph`, and nested in an Organization's `review` list, whether written
/// out or referenced by `@id` (each review once).
public enum ReviewReader {
    /// Every review of a page's JSON-LD, in document order.
    /// - Parameters:
    ///   - jsonld: the page's parsed JSON-LD.
    ///   - source: the source name the reviews get.
    ///   - employer: the employer the source is about.
    ///   - pageURL: the page; relative links resolve against it.
    public static func reviews(in jsonld: JSONLD, source: String, employer: String, pageURL: String) -> [Review] {
        var found: [[String: Any]] = []
        var seen = Set<String>()
        for value in jsonld.values { collect(value, in: jsonld, types: ["Review"], into: &found, seen: &seen, depth: 0) }
        return found.map { review(from: $0, in: jsonld, source: source, employer: employer, pageURL: pageURL) }
    }

    /// The page's aggregate rating of the employer, normalised to 5: the first `EmployerAggregateRating`, else the
    /// first `AggregateRating`.
    public static func aggregate(in jsonld: JSONLD) -> ReviewAggregate? {
        var found: [[String: Any]] = []
        var seen = Set<String>()
        for value in jsonld.values {
            collect(value, in: jsonld, types: ["AggregateRating", "EmployerAggregateRating"], into: &found, seen: &seen,
                depth: 0)
        }
        let best = found.first { JSONLD.types(of: $0).contains("EmployerAggregateRating") } ?? found.first
        guard let object = best, let rating = stars(object) else { return nil }
        let count = JSONLD.number(object["reviewCount"] ?? object["ratingCount"]).map { Int($0) }
        let name = JSONLD.text(jsonld.resolve(object["itemReviewed"]))
        return ReviewAggregate(rating: rating, count: count, name: name)
    }

    /// Walks every value, following `@id` references, collecting objects of the given types once each.
    static func collect(_ value: Any, in jsonld: JSONLD, types: Set<String>, into found: inout [[String: Any]],
                        seen: inout Set<String>, depth: Int) {
        guard depth < 16 else { return }
        if let array = value as? [Any] {
            for item in array { collect(item, in: jsonld, types: types, into: &found, seen: &seen, depth: depth + 1) }
            return
        }
        guard var object = value as? [String: Any] else { return }
        if object.count == 1, object["@id"] != nil {
            // A reference counts only when it names an object of the wanted types: following every reference
            // would walk the page's graph in circles.
            guard let resolved = jsonld.resolve(object) as? [String: Any],
                JSONLD.types(of: resolved).contains(where: types.contains)
            else { return }
            object = resolved
        }
        if JSONLD.types(of: object).contains(where: types.contains) {
            if let id = object["@id"] as? String {
                guard seen.insert(id).inserted else { return }
            }
            found.append(object)
            return
        }
        for (key, child) in object where key != "@context" && (child is [Any] || child is [String: Any]) {
            collect(child, in: jsonld, types: types, into: &found, seen: &seen, depth: depth + 1)
        }
    }

    /// One Review object as a review.
    static func review(from object: [String: Any], in jsonld: JSONLD, source: String, employer: String,
                       pageURL: String) -> Review {
        var review = Review(source: source, url: URLText.resolve(JSONLD.text(object["url"]), against: pageURL) ?? pageURL,
            employer: employer)
        review.reviewID = (object["@id"] as? String) ?? JobPostingReader.identifier(object["identifier"])
        review.author = JSONLD.text(jsonld.resolve(object["author"]))
        if let author = review.author, let role = ReviewRole.detect(author) {
            review.role = role
            review.roleText = author
        }
        review.date = JSONLD.text(object["datePublished"] ?? object["dateCreated"]).flatMap(JobPostingReader.day)
        if let rating = jsonld.resolve(object["reviewRating"]) as? [String: Any] {
            review.stars = stars(rating)
        } else if let value = JSONLD.number(object["reviewRating"]) {
            review.stars = RatingText.normalise(value, best: nil)
        }
        review.title = JSONLD.text(object["headline"]) ?? JSONLD.text(object["name"])
        if let body = JSONLD.text(object["reviewBody"]) ?? JSONLD.text(object["description"]) {
            review.text = body.contains("<") ? HTMLText.plainText(fromHTML: body) : body
        }
        review.language = JSONLD.text(object["inLanguage"])
        review.completeLanguage()
        return review
    }

    /// A Rating's value out of 5.
    static func stars(_ rating: [String: Any]) -> Double? {
        guard let value = JSONLD.number(rating["ratingValue"]) else { return nil }
        return RatingText.normalise(value, best: JSONLD.number(rating["bestRating"]))
    }
}
