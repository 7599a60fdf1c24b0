import Foundation
@testable import HomeshoreKit

/// A small fictional job board served on 127.0.0.1 whose pages can be made to misbehave one by one: a listing
/// `/list.html` linking `/offers/1.html` ... `/offers/N.html`, each with a JSON-LD JobPosting, and `/robots.txt`.
final class FaultSite: @unchecked Sendable {
    typealias Fault = @Sendable (_ hit: Int, _ request: LoopbackServer.Request) -> LoopbackServer.Response?

    let offers: Int
    private let lock = NSLock()
    private var faults: [String: Fault] = [:]
    private var hits: [String: [Date]] = [:]
    private var robotsText: String? = "User-agent: *\nDisallow: /private/\n"
    private var listingItems: Int?
    var server: LoopbackServer!

    init(offers: Int = 5) throws {
        self.offers = offers
        server = try LoopbackServer { [unowned self] request in self.respond(request) }
    }

    deinit { server.stop() }

    var base: String { server.baseURL }

    /// Makes `path` misbehave: the fault is asked first, with the number of the hit (1 for the first request).
    func fault(_ path: String, _ fault: @escaping Fault) { lock.withLock { faults[path] = fault } }
    func clearFaults() { lock.withLock { faults.removeAll() } }
    func robots(_ text: String?) { lock.withLock { robotsText = text } }
    /// Shows only the first `count` items on the listing (a site redesign that hides them from the recipe).
    func showItems(_ count: Int?) { lock.withLock { listingItems = count } }
    func hitTimes(_ path: String) -> [Date] { lock.withLock { hits[path] ?? [] } }
    func hitCount(_ path: String) -> Int { hitTimes(path).count }

    func config(extra: String = "", recipe: Bool = true) throws -> SourcesConfig {
        let items = recipe ? """
                items: "css: li.offer"
                fields:
                  id: "css: li.offer @data-id"
                  title: "css: a.title"
                  url: "css: a.title @href"
                  employer: "css: span.company"
                follow: url
            """ : ""
        let yaml = """
            version: 1
            defaults: {delay: 0s, per_host: 4}
            sources:
              - name: board
                start: ["\(base)/list.html"]
            \(items)
            \(extra)
            """
        return try ConfigLoader.parse(yaml, file: "fault-sources.yaml")
    }

    static func offerPage(_ n: Int) -> String {
        """
        <html><head><meta charset="utf-8"><title>Offre \(n)</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"JobPosting",
        "title":"Téléconseiller à domicile n°\(n) H/F","hiringOrganization":{"@type":"Organization","name":"Domicall"},
        "datePosted":"2026-11-2\(n % 10)","employmentType":"FULL_TIME","jobLocationType":"TELECOMMUTE",
        "jobLocation":{"@type":"Place","address":{"addressLocality":"Lille","postalCode":"59000"}},
        "description":"<p>Répondre aux appels des clients depuis votre domicile.</p>"}</script></head>
        <body><h1>Téléconseiller à domicile n°\(n) H/F</h1><p>\(String(repeating: "Texte de l'offre. ", count: 40))</p></body></html>
        """
    }

    func listing() -> String {
        let shown = lock.withLock { listingItems } ?? offers
        let items = (1...offers).prefix(shown).map {
            "<li class=\"offer\" data-id=\"O-\($0)\"><a class=\"title\" href=\"/offers/\($0).html\">Téléconseiller n°\($0)</a>"
                + "<span class=\"company\">Domicall</span></li>"
        }
        return "<html><head><meta charset=\"utf-8\"></head><body><ul>\(items.joined())</ul></body></html>"
    }

    private func respond(_ request: LoopbackServer.Request) -> LoopbackServer.Response {
        let (fault, hit): (Fault?, Int) = lock.withLock {
            hits[request.path, default: []].append(Date())
            return (faults[request.path], hits[request.path]!.count)
        }
        if let fault, let response = fault(hit, request) { return response }
        let response: LoopbackServer.Response
        switch request.path {
        case "/robots.txt":
            guard let text = lock.withLock({ robotsText }) else { return .notFound() }
            response = .text(text)
        case "/list.html":
            response = .html(listing())
        case let path where path.hasPrefix("/offers/"):
            guard let n = Int(path.dropFirst("/offers/".count).dropLast(".html".count)), (1...offers).contains(n) else {
                return .notFound()
            }
            response = .html(Self.offerPage(n))
        default:
            return .notFound()
        }
        return Self.conditional(response, request)
    }

    /// Adds an ETag and answers 304 when the client already has this version.
    static func conditional(_ response: LoopbackServer.Response, _ request: LoopbackServer.Request) -> LoopbackServer.Response {
        let etag = "\"\(Fingerprint.of(response.body))\""
        if request.headers["if-none-match"] == etag {
            return LoopbackServer.Response(status: 304, headers: [("ETag", etag)])
        }
        var response = response
        response.headers.append(("ETag", etag))
        return response
    }
}

extension CrawlOptions {
    /// Fast options for tests: no delay, short retries and timeouts.
    static var fastForTests: CrawlOptions {
        var options = CrawlOptions()
        options.delayOverride = 0
        options.retryBase = 0.05
        options.totalTimeout = 3
        options.lowSpeedTime = 1
        options.maxBodyBytes = 1 << 20
        return options
    }
}
