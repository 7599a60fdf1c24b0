import Foundation

/// `sources test`: what a source's recipe and the page's JSON-LD extract from one page.
public struct RecipeTest: Sendable {
    /// The records extracted, in page order.
    public var offers: [Offer]
    /// Per record, the recipe fields that came out empty.
    public var missing: [[OfferField]]
    /// The links the crawl would follow, per record.
    public var detailURLs: [String?]
    public var next: String?
    public var warnings: [String]
    public var encoding: String

    /// Reads a page from a file, or fetches it.
    /// - Throws: when the file cannot be read or the fetch fails, naming the file or URL.
    public static func page(file: String?, url: String?, userAgent: String) async throws -> Page {
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CrawlError(description: "\(file): cannot read the file")
            }
            let absolute = URL(fileURLWithPath: file).absoluteString
            return Page(url: absolute, body: [UInt8](data), contentType: nil)
        }
        var options = FetchOptions()
        options.userAgent = userAgent
        let fetcher = try Fetcher(options: options)
        defer { fetcher.close() }
        let response = await fetcher.fetch(FetchRequest(url: url ?? "", headers: [], tag: 0))
        if let error = response.error { throw CrawlError(description: "\(error)") }
        guard (200..<300).contains(response.status) else {
            throw CrawlError(description: "\(url ?? ""): HTTP \(response.status)")
        }
        return Page(url: response.finalURL, body: response.body, contentType: response.contentType)
    }

    /// Runs a source's recipe on a page, as a listing page or as a detail page.
    /// - Throws: ``HTMLError`` when a selector cannot be evaluated.
    public static func run(source: SourceConfig, page: Page, asDetail: Bool) throws -> RecipeTest {
        let extractor = PageExtractor(source: source)
        if asDetail {
            let empty = ListingItem(offer: Offer(source: source.name, url: page.url), detailURL: nil, missing: [])
            let (offer, warnings) = try extractor.detail(page, completing: empty)
            let encoding = Charset.decode(page.body, contentType: page.contentType).encoding
            return RecipeTest(offers: [offer], missing: [[]], detailURLs: [nil], next: nil, warnings: warnings,
                encoding: encoding)
        }
        let listing = try extractor.listing(page)
        return RecipeTest(offers: listing.items.map(\.offer), missing: listing.items.map(\.missing),
            detailURLs: listing.items.map(\.detailURL), next: listing.next, warnings: listing.warnings,
            encoding: listing.encoding)
    }

    /// The offer as a JSON object with the export's keys; the facets (`remote`, `contract`, `pay`, `hours`,
    /// `channels`, `tasks`, `equipment`, `training`) are objects with their evidence.
    static func record(_ o: Offer) -> [String: Any] {
        let values: [String: Any?] = [
            "title": o.title, "employer": o.employer, "location": o.location, "postal_code": o.postalCode,
            "remote": o.remote, "contract": o.contract, "employment_type": o.employmentType,
            "salary_min": o.salaryMin, "salary_max": o.salaryMax, "salary_period": o.salaryPeriod,
            "currency": o.currency, "salary_text": o.salaryText, "posted": o.posted, "valid_through": o.validThrough,
            "source_id": o.sourceID, "url": o.url, "description": o.description,
        ]
        var record = values.mapValues { $0 ?? NSNull() }
        record.merge(FacetExtractor.facets(for: o).jsonObject) { _, facet in facet }
        return record
    }

    /// The result as JSON: `count`, `next`, `encoding`, `warnings` and `offers`.
    public var json: String {
        let records: [[String: Any]] = offers.indices.map { i in
            var r = Self.record(offers[i])
            r["missing"] = missing[i].map(\.rawValue)
            r["follow"] = detailURLs[i] ?? NSNull()
            return r
        }
        let object: [String: Any] = [
            "count": offers.count, "next": next ?? NSNull(), "encoding": encoding, "warnings": warnings,
            "offers": records,
        ]
        return OfferExport.encode(object, pretty: true)
    }

    /// The result as text for a terminal.
    public var text: String {
        var lines = ["\(offers.count) records (page read as \(encoding))"]
        for (i, o) in offers.enumerated() {
            lines.append("")
            lines.append("[\(i + 1)] \(o.title ?? "(no title)")")
            let pairs: [(String, String?)] = [
                ("employer", o.employer), ("location", o.location), ("postal_code", o.postalCode), ("remote", o.remote),
                ("contract", o.contract), ("salary", o.salaryText ?? salaryLine(o)), ("posted", o.posted),
                ("id", o.sourceID), ("url", o.url), ("follow", detailURLs[i]),
                ("description", o.description.map { String($0.prefix(100)) }),
            ]
            for (key, value) in pairs { if let value, !value.isEmpty { lines.append("    \(key): \(value)") } }
            if !missing[i].isEmpty { lines.append("    empty: \(missing[i].map(\.rawValue).joined(separator: ", "))") }
        }
        if let next { lines.append("\nnext page: \(next)") }
        for warning in warnings { lines.append("warning: \(warning)") }
        return lines.joined(separator: "\n")
    }

    private func salaryLine(_ o: Offer) -> String? {
        guard let min = o.salaryMin else { return nil }
        let max = o.salaryMax ?? min
        return "\(min)-\(max) \(o.currency ?? "") \(o.salaryPeriod ?? "")"
    }
}
