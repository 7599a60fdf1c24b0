import Foundation

/// A fetched page handed to extraction.
public struct Page: Sendable {
    /// The page's final URL (after redirects): links resolve against it.
    public var url: String
    /// The body as it arrived, in any charset.
    public var body: [UInt8]
    /// The Content-Type header, for its charset.
    public var contentType: String?
    /// When the page was fetched, for relative dates ("il y a 3 jours").
    public var fetchedAt: Date
    /// The body in UTF-8 when whoever made the page decoded it already (the crawl does, to look for a block page),
    /// so that extraction does not decode it again.
    public private(set) var decoded: DecodedPage?

    public init(url: String, body: [UInt8], contentType: String?, fetchedAt: Date = Date(), decoded: DecodedPage? = nil) {
        self.url = url
        self.body = body
        self.contentType = contentType
        self.fetchedAt = fetchedAt
        self.decoded = decoded
    }

    /// The body in UTF-8: `decoded`, or ``Charset/decode(_:contentType:)`` now.
    public var utf8Page: DecodedPage { decoded ?? Charset.decode(body, contentType: contentType) }
}

/// An item of a listing page: what the listing says of an offer, and the link to its detail page.
public struct ListingItem: Sendable, Codable {
    public var offer: Offer
    /// The detail page to open, when the source follows links.
    public var detailURL: String?
    /// Fields the recipe selects that came out empty for this item.
    public var missing: [OfferField]
}

/// What one listing page yields.
public struct ListingExtraction: Sendable, Codable {
    public var items: [ListingItem]
    /// The next listing page, when there is one.
    public var next: String?
    public var warnings: [String]
    /// The charset the page was read in, and how it was decided.
    public var encoding: String
}

/// Extraction of offers from pages, driven by a source's recipe: JSON-LD first, the recipe where it has one.
/// A DOM is built only when the recipe needs one, and then once per page.
public struct PageExtractor: Sendable {
    public let source: SourceConfig

    public init(source: SourceConfig) {
        self.source = source
    }

    /// Extracts the items of a listing (or start) page; for a `feed` source, the entries of the feed.
    /// - Throws: ``HTMLError`` when a selector cannot be evaluated, ``FeedError`` when a feed cannot be read.
    public func listing(_ page: Page) throws -> ListingExtraction {
        if source.kind == .feed { return try feedListing(page) }
        let decoded = page.utf8Page
        let jsonld = JSONLD(blocks: PageScan.jsonLDBlocks(in: decoded.utf8), url: page.url)
        var result = ListingExtraction(items: [], next: nil, warnings: jsonld.warnings, encoding: decoded.encoding)
        let postings = JobPostingReader.offers(in: jsonld, source: source.name, pageURL: page.url)
        guard source.needsDOM else {
            result.items = postings.map { posting in
                var offer = posting.completedFromText()
                offer.url = CanonicalURL.canonical(offer.url, dropping: source.trackingParameters)
                return ListingItem(offer: offer, detailURL: nil, missing: [])
            }
            return result
        }
        let document = try HTMLDocument(utf8: PageScan.strippingScriptsAndStyles(decoded.utf8), url: page.url)
        if let items = source.items {
            for node in try document.select(items) {
                let (fields, missing) = try recipeFields(in: document, item: node)
                var offer = RecipeValues.offer(from: fields, source: source.name, page: page)
                var detailURL: String?
                if let follow = source.follow {
                    detailURL = URLText.resolve(fields[follow], against: page.url)
                }
                if offer.url.isEmpty { offer.url = detailURL ?? page.url }
                offer.url = CanonicalURL.canonical(offer.url, dropping: source.trackingParameters)
                if detailURL == nil { offer = offer.completedFromText() }
                result.items.append(ListingItem(offer: offer, detailURL: detailURL, missing: missing))
            }
        } else {
            result.items = postings.map { ListingItem(offer: $0.completedFromText(), detailURL: nil, missing: []) }
        }
        if let next = source.next, let link = try document.string(next, in: nil) {
            let resolved = URLText.resolve(link, against: page.url)
            if resolved != page.url { result.next = resolved }
        }
        return result
    }

    /// The values the source's `fields:` select in one item, and the fields that came out empty.
    /// - Throws: ``HTMLError`` when a selector cannot be evaluated.
    func recipeFields(in document: HTMLDocument, item: HTMLNode) throws -> (values: [OfferField: String], missing: [OfferField]) {
        var values: [OfferField: String] = [:]
        var missing: [OfferField] = []
        for (field, selector) in source.fields.sorted(by: { $0.key < $1.key }) {
            if let value = try document.string(selector, in: item), !value.isEmpty {
                values[field] = value
            } else {
                missing.append(field)
            }
        }
        return (values, missing)
    }

    /// Completes a listing item with its detail page: the detail's JSON-LD JobPosting over the listing's fields,
    /// then the source's `detail:` fields over both.
    /// - Returns: the completed offer and warnings.
    /// - Throws: ``HTMLError`` when a detail selector cannot be evaluated.
    public func detail(_ page: Page, completing item: ListingItem) throws -> (offer: Offer, warnings: [String]) {
        let parts = try detailParts(page)
        return (complete(item, with: parts), parts.warnings)
    }

    /// What a detail page says of its offer, before it is merged with the listing's item: kept in the HTTP cache so
    /// that an unchanged page (304) is not parsed again.
    /// - Throws: ``HTMLError`` when a detail selector cannot be evaluated.
    public func detailParts(_ page: Page) throws -> DetailExtraction {
        let decoded = page.utf8Page
        let jsonld = JSONLD(blocks: PageScan.jsonLDBlocks(in: decoded.utf8), url: page.url)
        var parts = DetailExtraction(url: page.url, posting: nil, recipe: nil, warnings: jsonld.warnings)
        if var posting = JobPostingReader.offers(in: jsonld, source: source.name, pageURL: page.url).first {
            posting.url = page.url
            parts.posting = posting
        }
        if !source.detail.isEmpty {
            let document = try HTMLDocument(utf8: PageScan.strippingScriptsAndStyles(decoded.utf8), url: page.url)
            var fields: [OfferField: String] = [:]
            for (field, selector) in source.detail {
                if let value = try document.string(selector, in: nil), !value.isEmpty { fields[field] = value }
            }
            var fromRecipe = RecipeValues.offer(from: fields, source: source.name, page: page)
            fromRecipe.url = page.url
            parts.recipe = fromRecipe
        }
        return parts
    }

    /// A listing item completed with what its detail page says.
    public func complete(_ item: ListingItem, with parts: DetailExtraction) -> Offer {
        var offer = item.offer
        offer.url = parts.url
        if var posting = parts.posting {
            // The listing's id is the site's own id of the offer, the key the crawl knows it by; a JSON-LD
            // `identifier` is often the employer's reference (HelloWork: offer 65789313, identifier REF43908R),
            // and taking it would key the same offer differently depending on whether its detail page loaded.
            if item.offer.sourceID != nil { posting.sourceID = nil }
            offer = offer.overlaid(with: posting)
        }
        if let recipe = parts.recipe { offer = offer.overlaid(with: recipe) }
        offer.url = CanonicalURL.canonical(offer.url, dropping: source.trackingParameters)
        return offer.completedFromText()
    }

    /// ``complete(_:with:)``, taken from what `parts` last completed when that was the same listing offer (the
    /// parts come from the HTTP cache, stored under this source's recipe, so the result would be the same);
    /// otherwise completed now and remembered in `parts`.
    /// - Returns: the offer, and whether `parts` changed (to be stored again).
    func completing(_ item: ListingItem, with parts: inout DetailExtraction) -> (offer: Offer, changed: Bool) {
        if let completed = parts.completed, completed.item == item.offer { return (completed.offer, false) }
        let offer = complete(item, with: parts)
        parts.completed = (item.offer, offer)
        return (offer, true)
    }
}

/// What a detail page says of its offer: its JSON-LD JobPosting and its `detail:` fields.
public struct DetailExtraction: Sendable, Codable {
    /// The page's final URL.
    public var url: String
    public var posting: Offer?
    public var recipe: Offer?
    public var warnings: [String]
    /// The offer these parts last completed (``PageExtractor/complete(_:with:)``), with the listing's offer it
    /// completed: kept with the stored extraction, so that an unchanged listing and page give their offer again
    /// without completing it again (``PageExtractor/completing(_:with:)``).
    var completed: (item: Offer, offer: Offer)?

    enum CodingKeys: String, CodingKey { case url, posting, recipe, warnings }
}
