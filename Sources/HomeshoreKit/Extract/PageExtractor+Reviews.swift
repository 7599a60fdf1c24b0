import Foundation

extension PageExtractor {
    /// Extracts the reviews of a review page: the source's recipe when it has `items`, else the page's JSON-LD
    /// Reviews, else its microdata Reviews; the aggregate rating from its JSON-LD; the next page from `next`.
    /// - Throws: ``HTMLError`` when a selector cannot be evaluated.
    public func reviews(_ page: Page) throws -> ReviewExtraction {
        let decoded = page.utf8Page
        let jsonld = JSONLD(blocks: PageScan.jsonLDBlocks(in: decoded.utf8), url: page.url)
        let employer = source.employer ?? source.name
        var result = ReviewExtraction(reviews: [], aggregate: ReviewReader.aggregate(in: jsonld), next: nil,
            warnings: jsonld.warnings, encoding: decoded.encoding)
        let fromJSONLD = ReviewReader.reviews(in: jsonld, source: source.name, employer: employer, pageURL: page.url)
        if source.items == nil, source.next == nil, !fromJSONLD.isEmpty {
            result.reviews = fromJSONLD
            return result
        }
        let document = try HTMLDocument(utf8: PageScan.strippingScriptsAndStyles(decoded.utf8), url: page.url)
        if let items = source.items {
            for node in try document.select(items) {
                var fields: [ReviewField: String] = [:]
                for (field, selector) in source.reviewFields {
                    if let value = try document.string(selector, in: node), !value.isEmpty { fields[field] = value }
                }
                result.reviews.append(Self.review(from: fields, source: source.name, employer: employer, page: page))
            }
        } else if !fromJSONLD.isEmpty {
            result.reviews = fromJSONLD
        } else {
            result.reviews = try ReviewMicrodata.reviews(in: document, source: source.name, employer: employer,
                pageURL: page.url)
        }
        if let next = source.next, let link = try document.string(next, in: nil) {
            let resolved = URLText.resolve(link, against: page.url)
            if resolved != page.url { result.next = resolved }
        }
        return result
    }

    /// Turns the text a review recipe selected into a review.
    static func review(from fields: [ReviewField: String], source: String, employer: String, page: Page) -> Review {
        var review = Review(source: source, url: page.url, employer: employer)
        for (field, raw) in fields {
            let value = HTMLText.normalizeSpace(raw)
            guard !value.isEmpty else { continue }
            switch field {
            case .id: review.reviewID = value
            case .author: review.author = value
            case .role:
                review.roleText = value
                review.role = ReviewRole.detect(value)
            case .date: review.date = JobPostingReader.day(value) ?? DateText.day(value, now: page.fetchedAt)
            case .stars: review.stars = RatingText.parse(value)
            case .title: review.title = value
            case .text: review.text = HTMLText.trimmingWhitespaceAndNewlines(raw)
            case .url: review.url = URLText.resolve(value, against: page.url) ?? page.url
            }
        }
        if review.role == nil, let author = review.author, let role = ReviewRole.detect(author) {
            review.role = role
            review.roleText = author
        }
        review.completeLanguage()
        return review
    }
}
