import Foundation

/// Turns the text a recipe selected into offer fields: dates, salaries, contracts and links read.
enum RecipeValues {
    static func offer(from fields: [OfferField: String], source: String, page: Page) -> Offer {
        var offer = Offer(source: source, url: "")
        for (field, raw) in fields {
            let value = HTMLText.normalizeSpace(raw)
            guard !value.isEmpty else { continue }
            switch field {
            case .id: offer.sourceID = value
            case .title: offer.title = value
            case .url: offer.url = URLText.resolve(value, against: page.url) ?? ""
            case .employer: offer.employer = value
            case .location: offer.location = value
            case .postalCode: offer.postalCode = value
            case .contract: offer.contract = ContractText.normalise(value)
            case .salary:
                offer.salaryText = value
                JobPostingReader.apply(SalaryText.parse(value), to: &offer)
            case .posted: offer.posted = DateText.day(value, now: page.fetchedAt)
            case .validThrough: offer.validThrough = DateText.day(value, now: page.fetchedAt)
            case .remote: offer.remote = RemoteText.classify(value)
            case .description: offer.description = HTMLText.trimmingWhitespaceAndNewlines(raw)
            }
        }
        return offer
    }
}
