import Foundation
import Testing
@testable import HomeshoreKit

/// Real pages saved from job boards, beside the project in ../shared/realworld, with their ground truth.
/// They are evaluation data: read in place, never copied into the repository. Every test here is disabled (and
/// shown as skipped) when the folder is absent.
enum RealWorld {
    /// The package root: this file is Tests/HomeshoreKitTests/RealWorld/RealWorldRecipeTests.swift.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let directory: URL = packageRoot.appendingPathComponent("../shared/realworld").standardizedFileURL
    static let groundTruthFile = directory.appendingPathComponent("ground_truth.json")

    static var available: Bool { FileManager.default.fileExists(atPath: groundTruthFile.path) }

    /// ground_truth.json: per file (path relative to realworld/), what the page holds.
    static func groundTruth() throws -> [String: [String: Any]] {
        let data = try Data(contentsOf: groundTruthFile)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
    }

    static func truth(for file: String) throws -> [String: Any] {
        try #require(try groundTruth()[file], "ground_truth.json has no entry for \(file)")
    }

    /// The repository's own sources.yaml, the one the tool crawls with.
    static func config() throws -> SourcesConfig {
        try ConfigLoader.load(path: packageRoot.appendingPathComponent("sources.yaml").path)
    }

    static func source(_ name: String) throws -> SourceConfig {
        try #require(try config().source(named: name), "sources.yaml has no source \(name)")
    }

    /// A saved page, given the URL it was served at so that its links resolve as they would in a crawl.
    static func page(_ file: String, url: String) throws -> Page {
        let data = try Data(contentsOf: directory.appendingPathComponent(file))
        return Page(url: url, body: [UInt8](data), contentType: nil)
    }

    /// Every saved HTML page, as paths relative to realworld/.
    static func allPages() -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".html") }.sorted()
    }

    static func string(_ value: Any?) -> String? {
        switch value {
        case let s as String: return s
        case let n as NSNumber: return n.stringValue
        default: return nil
        }
    }

    static func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }
}

/// A saved listing page and the source of sources.yaml whose recipe reads it.
struct ListingCase: Sendable, CustomTestStringConvertible {
    var file: String
    var source: String
    /// The URL the page was served at (its links are relative).
    var url: String
    /// The ground truth key of the offer id in the examples, when the page has one.
    var idKey: String?
    /// What a detail link built by the recipe starts with.
    var detailPrefix: String?
    var testDescription: String { file }
}

/// A saved offer page and the source of sources.yaml that follows links to such pages.
struct DetailCase: Sendable, CustomTestStringConvertible {
    var file: String
    var source: String
    var url: String
    var testDescription: String { file }
}

@Suite(.enabled(if: RealWorld.available, "../shared/realworld is absent"))
struct RealWorldRecipeTests {
    static let listings: [ListingCase] = [
        ListingCase(file: "hellowork/mohamedb94_serp_assistant_medecin_idf.html", source: "hellowork-teleconseiller",
            url: "https://www.hellowork.com/fr-fr/emploi/recherche.html?k=assistant+medecin&l=ile+de+france",
            idKey: "offer_id", detailPrefix: "https://www.hellowork.com/fr-fr/emplois/"),
        ListingCase(file: "hellowork/mohamedb94_serp_facteur.html", source: "hellowork-conseiller-client-teletravail",
            url: "https://www.hellowork.com/fr-fr/emploi/recherche.html?k=facteur&l=",
            idKey: "offer_id", detailPrefix: "https://www.hellowork.com/fr-fr/emplois/"),
        ListingCase(file: "indeed/dalton_us_serp_georgetown_ga.html", source: "indeed-teleconseiller-teletravail",
            url: "https://www.indeed.com/jobs?q=&l=Georgetown%2C+GA", idKey: "jk", detailPrefix: nil),
        ListingCase(file: "linkedin/mohanarangan_guest_serp_python_worldwide.html",
            source: "linkedin-teleconseiller-remote",
            url: "https://www.linkedin.com/jobs/search?keywords=python&location=Worldwide", idKey: nil, detailPrefix: nil),
        ListingCase(file: "linkedin/wolfandal_fr_jobs_stage_serp.html", source: "linkedin-teleconseiller-remote",
            url: "https://fr.linkedin.com/jobs/search?keywords=Stage&location=France", idKey: nil, detailPrefix: nil),
    ]

    static let details: [DetailCase] = [
        DetailCase(file: "hellowork/wilzwert_detail_employe_fruits_legumes_toulouse_jsonld.html",
            source: "hellowork-teleconseiller", url: "https://www.hellowork.com/fr-fr/emplois/65789313.html"),
        DetailCase(file: "welcometothejungle/wilzwert_detail_jsonld_unwrapped.html",
            source: "welcometothejungle-service-client-remote",
            url: "https://www.welcometothejungle.com/fr/companies/vaduo-fr/jobs/developpeur-fullstack-java-js-confirme-h-f_lille"),
        DetailCase(file: "indeed/dinie_au_detail_senior_devops_jsonld.html", source: "indeed-teleconseiller-teletravail",
            url: "https://au.indeed.com/viewjob?jk=0000000000000000"),
    ]

    @Test(arguments: listings)
    func listingRecipeReproducesGroundTruth(_ c: ListingCase) throws {
        let truth = try RealWorld.truth(for: c.file)
        let result = try RecipeTest.run(source: RealWorld.source(c.source), page: RealWorld.page(c.file, url: c.url),
            asDetail: false)
        let expectedCount = try #require(RealWorld.number(truth["item_count"]))
        #expect(Double(result.offers.count) == expectedCount, "\(c.file): item count")

        // Every item has the fields the recipe selects for every offer, and a link of the site.
        for (i, offer) in result.offers.enumerated() {
            #expect(offer.title?.isEmpty == false, "\(c.file) item \(i + 1): no title")
            #expect(offer.employer?.isEmpty == false, "\(c.file) item \(i + 1): no employer")
            #expect(offer.location?.isEmpty == false, "\(c.file) item \(i + 1): no location")
            #expect(offer.sourceID?.isEmpty == false, "\(c.file) item \(i + 1): no id")
            #expect(offer.url.hasPrefix("https://"), "\(c.file) item \(i + 1): url \(offer.url)")
            if let prefix = c.detailPrefix {
                let link = result.detailURLs[i] ?? ""
                #expect(link.hasPrefix(prefix) && link.contains(offer.sourceID ?? "?"), "\(c.file) item \(i + 1): \(link)")
            }
        }

        let examples = try #require(truth["examples"] as? [[String: Any]])
        #expect(!examples.isEmpty)
        for example in examples {
            let title = try #require(RealWorld.string(example["title"]))
            let company = RealWorld.string(example["company"])
            let offer: Offer
            if let key = c.idKey, let id = RealWorld.string(example[key]) {
                offer = try #require(result.offers.first { $0.sourceID == id }, "\(c.file): no offer with id \(id)")
                #expect(offer.title == title, "\(c.file) offer \(id)")
            } else {
                offer = try #require(result.offers.first { $0.title == title && $0.employer == company },
                    "\(c.file): no offer '\(title)' by \(company ?? "-")")
            }
            #expect(offer.employer == company, "\(c.file): employer of '\(title)'")
            if let location = RealWorld.string(example["location"]) {
                #expect(offer.location == location, "\(c.file): location of '\(title)'")
            }
            if let contract = RealWorld.string(example["contract"]) {
                #expect(offer.contract == ContractText.normalise(contract), "\(c.file): contract of '\(title)'")
            }
        }
    }

    /// Pagination: HelloWork's pages are form buttons (the recipe builds the next URL), Indeed's a link.
    @Test func nextPages() throws {
        let hellowork = try RecipeTest.run(source: RealWorld.source("hellowork-teleconseiller"),
            page: RealWorld.page("hellowork/mohamedb94_serp_facteur.html",
                url: "https://www.hellowork.com/fr-fr/emploi/recherche.html?k=facteur&l="), asDetail: false)
        let next = try #require(hellowork.next)
        #expect(next.hasPrefix("https://www.hellowork.com/fr-fr/emploi/recherche.html?k=teleconseiller"))
        #expect(next.hasSuffix("&p=2"))

        let indeed = try RecipeTest.run(source: RealWorld.source("indeed-teleconseiller-teletravail"),
            page: RealWorld.page("indeed/dalton_us_serp_georgetown_ga.html", url: "https://www.indeed.com/jobs?q="),
            asDetail: false)
        let indeedNext = try #require(indeed.next)
        #expect(indeedNext.hasPrefix("https://www.indeed.com/jobs?"))
        #expect(indeedNext.hasSuffix("start=10"))
    }

    /// Indeed's offer link is the plain offer page built from the card's key, not the ad-click redirect.
    @Test func indeedLinksAreOfferPages() throws {
        let result = try RecipeTest.run(source: RealWorld.source("indeed-teleconseiller-teletravail"),
            page: RealWorld.page("indeed/dalton_us_serp_georgetown_ga.html", url: "https://fr.indeed.com/jobs?q=x"),
            asDetail: false)
        for offer in result.offers {
            #expect(offer.url == "https://fr.indeed.com/viewjob?jk=\(offer.sourceID ?? "?")")
        }
    }

    /// Welcome to the Jungle's offer pages link to similar offers: the source follows each once.
    @Test func welcomeToTheJungleFollowsOfferLinks() throws {
        let c = Self.details[1]
        let result = try RecipeTest.run(source: RealWorld.source(c.source), page: RealWorld.page(c.file, url: c.url),
            asDetail: false)
        let links = result.detailURLs.compactMap { $0 }
        #expect(!links.isEmpty)
        #expect(Set(links).count == links.count, "each offer link once")
        for link in links {
            #expect(link.hasPrefix("https://www.welcometothejungle.com/fr/companies/") && link.contains("/jobs/"), "\(link)")
        }
    }

    @Test(arguments: details)
    func detailPageJSONLDReproducesGroundTruth(_ c: DetailCase) throws {
        let truth = try RealWorld.truth(for: c.file)
        let postings = try #require(truth["jsonld_jobposting"] as? [[String: Any]])
        let result = try RecipeTest.run(source: RealWorld.source(c.source), page: RealWorld.page(c.file, url: c.url),
            asDetail: true)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        let offer = try #require(result.offers.first)
        try checkJobPosting(offer, against: try #require(postings.first), file: c.file)
    }

    /// With no recipe at all, the JSON-LD reader finds every JobPosting of every saved page, and nothing on the
    /// pages that have none.
    @Test func genericJSONLDReaderOnEveryPage() throws {
        let generic = try #require(try ConfigLoader.parse("""
            version: 1
            sources:
              - name: generic
                kind: offers
                start: ["https://example.org/"]
            """, file: "generic.yaml").sources.first)
        let truth = try RealWorld.groundTruth()
        let pages = RealWorld.allPages()
        #expect(pages.count >= 20)
        var checked = 0
        for file in pages {
            let result = try RecipeTest.run(source: generic, page: RealWorld.page(file, url: "https://example.org/page"),
                asDetail: false)
            if file.contains("_WRAPPED_") {
                // The whole WTTJ page pasted inside a stub's <title>. A title's content is text up to the first
                // `</title`, which here is the pasted page's own title: what follows, its JSON-LD included, is markup
                // again for a browser, and for the JSON-LD scan (HTML/PageScan), which reads titles as text.
                #expect(result.offers.count == 1, "\(file)")
                #expect(result.offers.first?.title == "Développeur Fullstack Java-JS confirmé H/F")
                continue
            }
            let expected = truth[file]?["jsonld_jobposting"] as? [[String: Any]] ?? []
            #expect(result.offers.count == expected.count, "\(file): JobPostings found")
            for (offer, posting) in zip(result.offers, expected) {
                try checkJobPosting(offer, against: posting, file: file)
                checked += 1
            }
        }
        #expect(checked == 3)
    }

    /// An offer against a ground-truth JobPosting: title, hiringOrganization, addressLocality, postalCode,
    /// datePosted (its day as written), employmentType, baseSalary.
    func checkJobPosting(_ offer: Offer, against posting: [String: Any], file: String) throws {
        #expect(offer.title == RealWorld.string(posting["title"]), "\(file): title")
        #expect(offer.employer == RealWorld.string(posting["hiringOrganization"]), "\(file): employer")
        #expect(offer.location == RealWorld.string(posting["addressLocality"]), "\(file): location")
        #expect(offer.postalCode == RealWorld.string(posting["postalCode"]), "\(file): postal code")
        let datePosted = try #require(RealWorld.string(posting["datePosted"]))
        #expect(offer.posted == String(datePosted.prefix(10)), "\(file): posted")
        let types: [String] = (posting["employmentType"] as? [String])
            ?? RealWorld.string(posting["employmentType"]).map { [$0] } ?? []
        #expect(offer.employmentType == types, "\(file): employment type")
        if let salary = posting["baseSalary"] as? [String: Any] {
            #expect(offer.currency == RealWorld.string(salary["currency"]), "\(file): currency")
            let value = salary["value"] as? [String: Any] ?? [:]
            #expect(offer.salaryMin == RealWorld.number(value["minValue"]), "\(file): salary min")
            #expect(offer.salaryMax == RealWorld.number(value["maxValue"]), "\(file): salary max")
            let unit = RealWorld.string(value["unitText"]) ?? RealWorld.string(salary["unitText"])
            #expect(offer.salaryPeriod == unit.flatMap { Self.periods[$0.uppercased()] }, "\(file): salary period")
        }
    }

    /// schema.org unitText values as the offer's salary period.
    static let periods = ["HOUR": "hour", "DAY": "day", "WEEK": "week", "MONTH": "month", "YEAR": "year",
        "YEARLY": "year", "MONTHLY": "month", "HOURLY": "hour"]
}

/// A saved listing of a site sources.yaml does not configure, with a recipe written here for it.
struct OtherSiteCase: Sendable, CustomTestStringConvertible {
    var file: String
    var idKey: String
    /// The recipe: `items` and `fields` of a source, as sources.yaml would write them.
    var recipe: String
    var testDescription: String { file }
}

/// Listings of sites Homeshore does not crawl (Monster, StepStone, Glassdoor, Indeed's 2020 cards): the recipe
/// engine must read their markup too, with recipes that live in this test.
@Suite(.enabled(if: RealWorld.available, "../shared/realworld is absent"))
struct RealWorldOtherSitesTests {
    static let cases: [OtherSiteCase] = [
        OtherSiteCase(file: "monster/fragment_osvaldo111_job_cards_2020.html", idKey: "jobid", recipe: """
                items: "css: section.card-content"
                fields:
                  id: "css: section @data-jobid"
                  title: "css: h2.title a"
                  employer: "css: div.company .name"
                  location: "css: div.location .name"
                  url: "css: h2.title a @href"
            """),
        OtherSiteCase(file: "stepstone/harish_de_serp_werkstudent_ai.html", idKey: "id", recipe: """
                items: "css: article[data-testid=job-item]"
                fields:
                  id: "css: article @id"
                  title: "css: [data-at=job-item-title]"
                  employer: "css: [data-at=job-item-company-name]"
                  location: "css: [data-at=job-item-location]"
                  url: "css: a[data-at=job-item-title] @href"
            """),
        OtherSiteCase(file: "glassdoor/fragment_taejoonn_serp_cards_2020.html", idKey: "id", recipe: """
                items: "css: li.react-job-listing"
                fields:
                  id: "css: li @data-id"
                  title: "css: li @data-normalize-job-title"
                  location: "css: span.loc"
                  url: "css: a.jobTitle @href"
            """),
        OtherSiteCase(file: "indeed/fragment_taejoonn_serp_cards_2020.html", idKey: "jk", recipe: """
                items: "css: div.jobsearch-SerpJobCard"
                fields:
                  id: "css: div @data-jk"
                  title: "css: h2.title a.jobtitle"
                  employer: "css: span.company"
                  location: "css: div.location"
                  url: "xpath: concat('/viewjob?jk=', ./@data-jk)"
            """),
    ]

    // Glassdoor's ground truth titles are the cards' normalised titles (data-normalize-job-title: "Software
    // Engineer" for a card showing "Software Engineer, Product"), so its recipe reads that attribute.

    /// Text compared without the space some ground truth puts before punctuation (bs4's `get_text(" ")` writes
    /// `<b>Engineer</b>, Recent` as "Engineer , Recent").
    static func loose(_ text: String?) -> String? {
        text.map { HTMLText.normalizeSpace($0).replacingOccurrences(of: " ,", with: ",") }
    }

    @Test(arguments: cases)
    func recipeReadsTheListing(_ c: OtherSiteCase) throws {
        let truth = try RealWorld.truth(for: c.file)
        let yaml = """
            version: 1
            sources:
              - name: other
                kind: offers
                start: ["https://example.org/"]
            \(c.recipe)
            """
        let source = try #require(try ConfigLoader.parse(yaml, file: "other.yaml").sources.first)
        let result = try RecipeTest.run(source: source, page: RealWorld.page(c.file, url: "https://example.org/jobs"),
            asDetail: false)
        let expectedCount = try #require(RealWorld.number(truth["item_count"]))
        #expect(Double(result.offers.count) == expectedCount, "\(c.file): item count")
        for (i, offer) in result.offers.enumerated() {
            #expect(offer.title?.isEmpty == false && offer.sourceID?.isEmpty == false, "\(c.file) item \(i + 1)")
        }
        let examples = try #require(truth["examples"] as? [[String: Any]])
        #expect(!examples.isEmpty)
        for example in examples {
            let id = try #require(RealWorld.string(example[c.idKey]))
            let offer = try #require(result.offers.first { $0.sourceID == id }, "\(c.file): no offer \(id)")
            #expect(Self.loose(offer.title) == Self.loose(RealWorld.string(example["title"])), "\(c.file) \(id): title")
            if let company = RealWorld.string(example["company"]) {
                #expect(offer.employer == company, "\(c.file) \(id): employer")
            }
            #expect(offer.location == RealWorld.string(example["location"]), "\(c.file) \(id): location")
        }
    }
}

/// The descriptions of the real pages' JSON-LD render as libxml2's tree renders them, whichever way `plainText`
/// takes (`simpleMarkup` or libxml2).
@Suite(.enabled(if: RealWorld.available, "../shared/realworld is absent"))
struct RealWorldDescriptionTests {
    static func descriptions(in value: Any, into found: inout [String]) {
        if let object = value as? [String: Any] {
            for (key, item) in object {
                if key == "description", let text = item as? String { found.append(text) }
                descriptions(in: item, into: &found)
            }
        } else if let array = value as? [Any] {
            for item in array { descriptions(in: item, into: &found) }
        }
    }

    @Test func descriptionsRenderAsLibxml2RendersThem() throws {
        var found: [String] = []
        for file in RealWorld.allPages() {
            let bytes = try [UInt8](Data(contentsOf: RealWorld.directory.appendingPathComponent(file)))
            for block in PageScan.jsonLDBlocks(in: bytes) {
                if let json = try? JSONSerialization.jsonObject(with: Data(block.utf8), options: [.fragmentsAllowed]) {
                    Self.descriptions(in: json, into: &found)
                }
            }
        }
        let markup = found.filter { $0.contains("<") }
        var simple = 0
        for html in markup {
            #expect(HTMLText.plainText(fromHTML: html) == HTMLText.plainTextReference(fromHTML: html), "\(html.prefix(300))")
            if HTMLText.simpleMarkup(html) != nil { simple += 1 }
        }
        #expect(markup.count >= 3, "\(found.count) descriptions, \(markup.count) with markup")
        print("real JSON-LD descriptions: \(found.count), with markup \(markup.count), read without libxml2 \(simple)")
    }
}
