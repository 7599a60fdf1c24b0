import Foundation
import Testing
@testable import HomeshoreKit

@Suite struct ConfigLoaderTests {
    static let valid = """
        version: 1
        user_agent: "Homeshore/0.1 (+https://homeshore.example/about)"
        defaults: {delay: 2s, per_host: 2, every: 12h, max_pages: 3}
        employers:
          Domicall: ["Domicall SAS", DOMICALL]
        sources:
          - name: board-a
            kind: offers
            start: ["https://jobs.example/search?q=teleconseiller"]
            items: "css: li.offer"
            fields:
              title: "css: a.title"
              url: "css: a.title @href"
            follow: url
            next: "css: a[rel=next] @href"
            max_pages: 7
          - name: reviews-domicall
            kind: reviews
            employer: Domicall
            start: "https://reviews.example/domicall"
            every: 7d
        """

    @Test func readsAValidFile() throws {
        let config = try ConfigLoader.parse(Self.valid, file: "sources.yaml")
        #expect(config.defaults == {
            var d = SourceDefaults()
            d.delay = 2; d.perHost = 2; d.every = 43_200; d.maxPages = 3
            return d
        }())
        #expect(config.employerAliases["Domicall"] == ["Domicall SAS", "DOMICALL"])
        #expect(config.sources.map(\.name) == ["board-a", "reviews-domicall"])
        let board = try #require(config.source(named: "board-a"))
        #expect(board.maxPages == 7)
        #expect(board.delay == 2)
        #expect(board.follow == .url)
        #expect(board.fields.keys.sorted() == [.title, .url])
        #expect(board.line == 7)
        let reviews = try #require(config.source(named: "reviews-domicall"))
        #expect(reviews.kind == .reviews)
        #expect(reviews.every == 604_800)
        #expect(reviews.maxPages == 3)
        #expect(reviews.start == ["https://reviews.example/domicall"])
    }

    @Test func readsAFeedSource() throws {
        let yaml = """
            version: 1
            sources:
              - name: assisteo-offres
                kind: feed
                employer: Assistéo
                start: ["https://carrieres.assisteo.example/offres.atom"]
                fields:
                  location: "xpath: ./atom:category[@scheme='lieu']/@term"
                follow: url
            """
        let source = try #require(try ConfigLoader.parse(yaml, file: "sources.yaml").source(named: "assisteo-offres"))
        #expect(source.kind == .feed)
        #expect(source.employer == "Assistéo")
        #expect(source.follow == .url)  // a feed's entries always have a link: no 'url' field needed
        #expect(source.items == nil)
        #expect(source.fields.keys.sorted() == [.location])
    }

    /// Broken files: each must give an error at the right place that says what is wrong.
    static let broken: [(yaml: String, line: Int, column: Int, contains: String)] = [
        ("version: 1\nsources:\n  - name: a\n    start: [\"https://x.example/\"]\n    selecter: \"css: li\"\n",
         5, 5, "unknown key 'selecter'"),
        ("version: 1\nsources:\n  - name: a\n    start: [\"https://x.example/\"]\n    iterms: \"css: li\"\n",
         5, 5, "did you mean 'items'?"),
        ("version: 1\nsources:\n  - name: a\n    start: [\"ftp://x.example/\"]\n", 4, 13, "not an http or https URL"),
        ("version: 1\nsources:\n  - name: a\n    start: [\"https://x.example/\"]\n    delay: soon\n", 5, 12,
         "must be a duration"),
        ("version: 1\nsources:\n  - name: a\n    start: [\"https://x.example/\"]\n    max_pages: -3\n", 5, 16,
         "whole number"),
        ("version: 1\nsources:\n  - name: a\n    kind: ofers\n    start: [\"https://x.example/\"]\n", 4, 11,
         "did you mean 'offers'?"),
        ("version: 1\nsources:\n  - name: a\n    start: [\"https://x.example/\"\n", 5, 1, "invalid YAML"),
        ("version: 1\nsources: nope\n", 2, 10, "must be a list"),
        ("sources: []\n", 1, 1, "missing 'version'"),
        ("version: 2\nsources: []\n", 1, 10, "from 1 to 1"),
        ("version: 1\nsources:\n  - name: Bad Name\n    start: [\"https://x.example/\"]\n", 3, 11,
         "lower-case letters"),
        ("version: 1\nsources:\n  - name: a\n    start: [\"https://x.example/\"]\n  - name: a\n    start: [\"https://y.example/\"]\n",
         5, 5, "already used on line 3"),
        ("version: 1\nsources:\n  - name: a\n    start: [\"https://x.example/\"]\n    fields: {title: \"css: h2\"}\n",
         3, 5, "no 'items' selector"),
        ("version: 1\nsources:\n  - name: a\n    start: [\"https://x.example/\"]\n    items: \"css: li\"\n    fields: {title: \"css: h2\"}\n    follow: url\n",
         7, 13, "'follow' must name"),
        ("version: 1\nsources:\n  - name: r\n    kind: reviews\n    start: [\"https://x.example/\"]\n", 3, 5,
         "needs 'employer'"),
        ("version: 1\nsources:\n  - name: a\n", 3, 5, "needs 'start'"),
        ("version: 1\ndefaults: {per_host: many}\nsources: []\n", 2, 22, "whole number"),
        ("version: 1\nsources:\n  - name: a\n    start: [\"https://x.example/\"]\n    items: \"css: li[data-id\"\n", 5, 12,
         "items"),
        ("version: 1\nsources:\n  - name: a\n    start: [\"https://x.example/\"]\n    items: \"xpath: //li[\"\n", 5, 12,
         "items"),
        ("- just\n- a list\n", 1, 1, "expected a mapping"),
        ("version: 1\nsources:\n  - name: f\n    kind: fed\n    start: [\"https://x.example/rss\"]\n", 4, 11,
         "did you mean 'feed'?"),
        ("version: 1\nsources:\n  - name: f\n    kind: feed\n    start: [\"https://x.example/rss\"]\n    items: \"css: item\"\n",
         6, 12, "remove 'items'"),
        ("version: 1\nsources:\n  - name: f\n    kind: feed\n    start: [\"https://x.example/rss\"]\n    follow: employer\n",
         6, 13, "'follow' must name"),
        ("version: 1\nsources:\n  - name: f\n    kind: feed\n    start: [\"https://x.example/rss\"]\n    fields: {title: \"xpath: ./title[\"}\n",
         6, 21, "title"),
    ]

    @Test(arguments: broken.indices)
    func reportsBrokenFilesWithTheirPlace(_ index: Int) {
        let case_ = Self.broken[index]
        do {
            _ = try ConfigLoader.parse(case_.yaml, file: "sources.yaml")
            Issue.record("no error for case \(index)")
        } catch let errors as ConfigErrors {
            let first = errors.errors.first { $0.message.contains(case_.contains) || ($0.hint ?? "").contains(case_.contains) }
            #expect(first != nil, "case \(index): \(errors)")
            #expect(first?.line == case_.line, "case \(index): \(errors)")
            #expect(first?.column == case_.column, "case \(index): \(errors)")
            #expect(errors.description.hasPrefix("sources.yaml:"))
        } catch {
            Issue.record("case \(index): unexpected \(error)")
        }
    }

    @Test func reportsEveryProblemAtOnce() {
        let yaml = "version: 1\nsources:\n  - name: a\n    start: [\"https://x.example/\"]\n    delai: 1s\n    max_page: 2\n"
        let error = #expect(throws: ConfigErrors.self) { try ConfigLoader.parse(yaml, file: "s.yaml") }
        let errors = error?.errors ?? []
        #expect(errors.count == 2)
        #expect(errors.map(\.description) == [
            "s.yaml:5:5: unknown key 'delai' in a source (did you mean 'delay'?)",
            "s.yaml:6:5: unknown key 'max_page' in a source (did you mean 'max_pages'?)",
        ])
    }

    @Test func missingFileIsNamed() {
        do {
            _ = try ConfigLoader.load(path: "/nonexistent/sources.yaml")
            Issue.record("no error")
        } catch {
            #expect("\(error)".contains("/nonexistent/sources.yaml: cannot read the file"))
        }
    }

    @Test(arguments: [("0", 0.0), ("1s", 1), ("500ms", 0.5), ("30m", 1800), ("24h", 86_400), ("7d", 604_800),
                      ("2w", 1_209_600), ("1.5s", 1.5)])
    func durations(_ text: String, _ seconds: Double) {
        #expect(TimeSpec.seconds(text) == seconds)
    }

    @Test(arguments: ["", "soon", "-1s", "1y", "s"])
    func notDurations(_ text: String) {
        #expect(TimeSpec.seconds(text) == nil)
    }

    @Test func workspacePutsTheCacheBesideTheConfig() {
        #expect(Workspace(config: "/srv/jobs/sources.yaml", cache: nil, environment: [:]).cacheFolder == "/srv/jobs/cache")
        #expect(Workspace(config: nil, cache: nil, environment: [:]).cacheFolder == "./cache")
        #expect(Workspace(config: nil, cache: nil, environment: ["HOMESHORE_CACHE": "/tmp/h"]).cacheFolder == "/tmp/h")
        #expect(Workspace(config: nil, cache: "/c", environment: ["HOMESHORE_CACHE": "/tmp/h"]).cacheFolder == "/c")
    }
}

@Suite struct TrackingParametersConfigTests {
    static let yaml = """
        version: 1
        tracking_parameters: [cmp_*, trk]
        sources:
          - name: board-a
            start: ["https://jobs.example/search"]
        """

    @Test func everySourceGetsTheTopLevelList() throws {
        let config = try ConfigLoader.parse(Self.yaml, file: "sources.yaml")
        #expect(config.trackingParameters == ["cmp_*", "trk"])
        #expect(config.sources.first?.trackingParameters == ["cmp_*", "trk"])
    }

    @Test func aMisspeltKeyIsLocatedWithAHint() {
        let yaml = Self.yaml.replacingOccurrences(of: "tracking_parameters", with: "tracking_parameter")
        do {
            _ = try ConfigLoader.parse(yaml, file: "sources.yaml")
            Issue.record("no error")
        } catch let errors as ConfigErrors {
            #expect(errors.description.contains("sources.yaml:2:"), "\(errors)")
            #expect(errors.description.contains("tracking_parameters"), "\(errors)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func aValueThatIsNotANameIsAnError() {
        let yaml = Self.yaml.replacingOccurrences(of: "[cmp_*, trk]", with: "[\"utm=1\"]")
        #expect(throws: ConfigErrors.self) { try ConfigLoader.parse(yaml, file: "sources.yaml") }
    }
}
