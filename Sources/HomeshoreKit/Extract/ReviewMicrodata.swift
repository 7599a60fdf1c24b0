import Foundation

/// Reads schema.org `Review` microdata (`itemscope itemtype="http://schema.org/Review"`, `itemprop=...`) from a
/// page's DOM, with no recipe.
enum ReviewMicrodata {
    /// Every microdata Review of a document, in document order.
    static func reviews(in document: HTMLDocument, source: String, employer: String,
                        pageURL: String) throws(HTMLError) -> [Review] {
        let items = try document.select(xpath: "//*[@itemscope][contains(@itemtype, 'schema.org/Review')]", in: nil)
        var reviews: [Review] = []
        for item in items {
            var review = Review(source: source, url: pageURL, employer: employer)
            let depth = try scopeDepth(of: item, in: document)
            func property(_ name: String) throws(HTMLError) -> HTMLNode? {
                try document.select(xpath: ".//*[@itemprop='\(name)'][count(ancestor::*[@itemscope]) = \(depth)]",
                    in: item).first
            }
            if let author = try property("author") {
                review.author = try nestedValue(author, "name", in: document) ?? value(author)
            }
            if let rating = try property("reviewRating") {
                if let given = try nestedValue(rating, "ratingValue", in: document).flatMap(JSONLD.number) {
                    let best = try nestedValue(rating, "bestRating", in: document).flatMap(JSONLD.number)
                    review.stars = RatingText.normalise(given, best: best)
                }
            }
            let name = try property("name").flatMap(value)
            let headline = try property("headline").flatMap(value)
            review.title = name ?? headline
            let body = try property("reviewBody").flatMap(value)
            let description = try property("description").flatMap(value)
            review.text = body ?? description
            review.date = try property("datePublished").flatMap(value).flatMap(JobPostingReader.day)
            review.language = try property("inLanguage").flatMap(value)
            if let link = try property("url").flatMap(value) { review.url = URLText.resolve(link, against: pageURL) ?? pageURL }
            review.reviewID = item.attribute("id") ?? item.attribute("itemid")
            // The author's relation to the employer is rarely marked up; the review's own text says it
            // ("Channel Account Executive (Current Employee) – Cambridge, MA").
            if let role = ReviewRole.detect(review.author ?? "") {
                review.role = role
                review.roleText = review.author
            } else if let role = ReviewRole.detect(item.text, employeesOnly: true) {
                review.role = role
            }
            review.completeLanguage()
            reviews.append(review)
        }
        return reviews
    }

    /// How many item scopes hold the node, itself included: its own properties sit exactly that deep.
    static func scopeDepth(of node: HTMLNode, in document: HTMLDocument) throws(HTMLError) -> Int {
        let selector = try Selector(parsing: "xpath: count(ancestor-or-self::*[@itemscope])")
        return Int(try document.string(selector, in: node) ?? "0") ?? 0
    }

    /// The value of a nested item's property (an author's `name`, a rating's `ratingValue`).
    static func nestedValue(_ node: HTMLNode, _ name: String, in document: HTMLDocument) throws(HTMLError) -> String? {
        guard node.attribute("itemscope") != nil else { return nil }
        let depth = try scopeDepth(of: node, in: document)
        let found = try document.select(
            xpath: "descendant::*[@itemprop='\(name)'][count(ancestor::*[@itemscope]) = \(depth)]", in: node)
        return found.first.flatMap(value)
    }

    /// A property's value as microdata defines it: `content`, `datetime`, a link's `href`, else the text.
    static func value(_ node: HTMLNode) -> String? {
        let raw: String?
        if let content = node.attribute("content") {
            raw = content
        } else if node.name == "time", let datetime = node.attribute("datetime") {
            raw = datetime
        } else if ["a", "link"].contains(node.name), let href = node.attribute("href") {
            raw = href
        } else {
            raw = node.text
        }
        let text = HTMLText.normalizeSpace(raw ?? "")
        return text.isEmpty ? nil : text
    }
}
