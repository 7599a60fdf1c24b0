import Foundation

extension PageExtractor {
    /// Extracts the entries of an RSS or Atom feed as listing items.
    ///
    /// Each entry gives its title, link, id, date, description (HTML read as text) and author; the source's
    /// `employer:` (a provider's own feed) comes before the author, and the source's `fields:` (selectors relative
    /// to the `<item>` or `<entry>`) before both. Categories that name a contract or remote work fill those in.
    /// With `follow`, each entry's link is opened and its page completes the offer, as for listing items. An Atom
    /// `rel="next"` link (RFC 5005), or the source's `next:`, is the next page.
    /// - Throws: ``FeedError`` naming the URL when nothing can be recovered or the document is no feed;
    ///   ``HTMLError`` when a selector cannot be evaluated.
    func feedListing(_ page: Page) throws -> ListingExtraction {
        let document: HTMLDocument
        let problem: String?
        do {
            (document, problem) = try HTMLDocument.parsingXML(page.body, url: page.url)
        } catch {
            let reason: String
            if case .unparsable(let why) = error { reason = why } else { reason = "\(error)" }
            throw FeedError(url: page.url, reason: "not an RSS or Atom feed: not XML, and nothing could be recovered (\(reason))")
        }
        let reader = try FeedReader(document: document, url: page.url)
        // Links resolve against the feed's URL; a feed read from a file (`sources test --file`) has none of use,
        // so its own `rel="self"` (or its site's) link stands in.
        var base = page
        if !(page.url.hasPrefix("http://") || page.url.hasPrefix("https://")),
            let own = URLText.resolve(try reader.ownLink(), against: "https://localhost/")
        {
            base.url = own
        }
        var result = ListingExtraction(items: [], next: nil, warnings: [], encoding: "\(document.xmlEncoding) (\(reader.format.rawValue))")
        if let problem {
            result.warnings.append("\(page.url): the feed is not well-formed XML (\(problem)); read what could be recovered")
        }
        for (index, (node, entry)) in try reader.entries().enumerated() {
            guard entry.title != nil || entry.link != nil else {
                result.warnings.append("\(page.url): entry \(index + 1) has neither title nor link; skipped")
                continue
            }
            var offer = Offer(source: source.name, url: URLText.resolve(entry.link, against: base.url) ?? "")
            offer.sourceID = entry.id.map(HTMLText.normalizeSpace).flatMap { $0.isEmpty ? nil : $0 }
            offer.title = entry.title
            offer.posted = entry.date.flatMap { FeedDate.day($0, now: page.fetchedAt) }
            offer.description = entry.body.map(HTMLText.plainText(fromHTML:)).flatMap { $0.isEmpty ? nil : $0 }
            offer.employer = source.employer ?? entry.author.map(HTMLText.normalizeSpace)
            offer.contract = ContractText.fromEmploymentTypes(entry.categories)
            offer.remote = entry.categories.lazy.compactMap(RemoteText.classify).first
            let (fields, missing) = try recipeFields(in: document, item: node)
            if !fields.isEmpty {
                offer = offer.overlaid(with: RecipeValues.offer(from: fields, source: source.name, page: base))
            }
            var detailURL: String?
            if let follow = source.follow {
                detailURL = follow == .url && fields[.url] == nil
                    ? (offer.url.isEmpty ? nil : offer.url) : URLText.resolve(fields[follow], against: base.url)
            }
            // An entry with no link of its own is still one offer: key it apart from its neighbours.
            if offer.url.isEmpty { offer.url = detailURL ?? "\(page.url)#entry-\(index + 1)" }
            if detailURL == nil { offer = offer.completedFromText() }
            result.items.append(ListingItem(offer: offer, detailURL: detailURL, missing: missing))
        }
        let next = try source.next.map { selector throws(HTMLError) in try document.string(selector, in: nil) }
            ?? reader.nextPage()
        if let resolved = URLText.resolve(next, against: base.url), resolved != page.url { result.next = resolved }
        return result
    }
}
