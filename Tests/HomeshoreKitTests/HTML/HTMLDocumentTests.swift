import Dispatch
import Testing

@testable import HomeshoreKit

@Suite struct HTMLDocumentTests {
    @Test func selectsElementsAndAttributes() throws {
        let document = try HTMLDocument(html: cssFixture)
        let titles = try document.select(Selector(parsing: "a.title"))
        #expect(titles.map(\.text) == ["Dev Swift", "Ops", "QA"])
        #expect(titles.map(\.name) == ["a", "a", "a"])
        #expect(titles.first?.attribute("HREF") == "/jobs/1")
        #expect(titles.first?.attribute("nope") == nil)
        let hrefs = try document.select(Selector(parsing: "a.title @href"))
        #expect(hrefs.map(\.name) == ["href", "href", "href"])
        #expect(hrefs.map(\.text) == ["/jobs/1", "https://x.example/jobs/2.html", "/jobs/4"])
    }

    @Test func stringTakesTheFirstMatchsValue() throws {
        let document = try HTMLDocument(html: cssFixture)
        #expect(try document.string(Selector(parsing: "#intro")) == "Intro text")
        #expect(try document.string(Selector(parsing: "li.offer a @href")) == "/jobs/1")
        #expect(try document.string(Selector(parsing: "li[title] @title")) == "it's \"new\"")
        #expect(try document.string(Selector(parsing: "xpath: normalize-space(//p[@id='intro'])")) == "Intro text")
        #expect(try document.string(Selector(parsing: "xpath: count(//li)")) == "5")
        #expect(try document.string(Selector(parsing: "xpath: count(//li) div 2")) == "2.5")
        #expect(try document.string(Selector(parsing: "table")) == nil)
        #expect(try document.string(Selector(parsing: "li:empty")) == nil)
        #expect(try document.string(Selector(parsing: "xpath: string(//table)")) == nil)
    }

    @Test func stringCollapsesWhitespaceAndEntities() throws {
        let document = try HTMLDocument(html: "<div class=t>\n  Développeur&nbsp;iOS \n\t <b>H/F</b>&#8239;!</div>")
        #expect(try document.string(Selector(parsing: ".t")) == "Développeur iOS H/F !")
    }

    @Test func stringRelativeToAnItem() throws {
        let document = try HTMLDocument(html: cssFixture)
        let items = try document.select(Selector(parsing: "li[data-id]"))
        let link = try Selector(parsing: "a @href")
        let values = try items.map { item throws(HTMLError) in try document.string(link, in: item) }
        #expect(values == ["/jobs/1", "https://x.example/jobs/2.html", "/jobs/3", "/jobs/4"])
        let relative = try Selector(parsing: "xpath: .//span")
        #expect(try items.map { item throws(HTMLError) in try document.string(relative, in: item) } == [nil, nil, nil, "New"])
    }

    @Test func selectRefusesValueExpressions() throws {
        let document = try HTMLDocument(html: cssFixture)
        #expect(throws: HTMLError.self) { try document.select(Selector(parsing: "xpath: count(//li)")) }
    }

    @Test func evaluationErrorsAreThrownNotPrinted() throws {
        let document = try HTMLDocument(html: cssFixture)
        // Compiles, but fails at run time: a number is not a node-set. (Selector refuses it up front.)
        #expect {
            try document.select(xpath: "count(1)", in: nil)
        } throws: { error in
            guard case .badXPath(let expression, let message) = error as? HTMLError else { return false }
            return expression == "count(1)" && message == "Invalid type"
        }
    }

    @Test(arguments: [("count(1)", "Invalid type"), ("nosuchfunction(1)", "Unregistered function"), ("//a[", "Invalid")])
    func selectorsFailAtParseTimeNotAtCrawlTime(expression: String, message: String) {
        #expect {
            try Selector(parsing: "xpath: " + expression)
        } throws: { error in
            guard case .badXPath(let named, let actual) = error as? HTMLError else { return false }
            return named == expression && actual.hasPrefix(message)
        }
    }

    @Test func nodeFromAnotherDocumentIsRefused() throws {
        let first = try HTMLDocument(html: cssFixture)
        let second = try HTMLDocument(html: cssFixture)
        let node = try #require(try first.select(Selector(parsing: "li")).first)
        #expect(throws: HTMLError.self) { try second.select(Selector(parsing: "a"), in: node) }
    }

    @Test func nodesKeepTheirDocumentAlive() throws {
        func firstTitle() throws -> HTMLNode? {
            let document = try HTMLDocument(html: cssFixture)
            return try document.select(Selector(parsing: "a.title")).first
        }
        let node = try #require(try firstTitle())
        #expect(node.text == "Dev Swift")
        #expect(node.outerHTML == "<a class=\"title\" href=\"/jobs/1\">Dev Swift</a>")
    }

    @Test func emptyInputIsUnparsable() {
        #expect(throws: HTMLError.unparsable("the document is empty")) { try HTMLDocument(utf8: [UInt8]()) }
    }

    @Test func brokenMarkupIsRecovered() throws {
        let document = try HTMLDocument(html: "<ul><li class=offer>one<li class=offer>two</ul><p>unclosed <b>bold")
        #expect(try document.select(Selector(parsing: "li.offer")).map(\.text) == ["one", "two"])
        #expect(try document.string(Selector(parsing: "p b")) == "bold")
    }

    @Test func parsesConcurrentlyOnSeveralThreads() throws {
        let selector = try Selector(parsing: "li.offer a @href")
        let pages = (0..<64).map { index in cssFixture.replacingOccurrences(of: "/jobs/1", with: "/jobs/p\(index)") }
        let results = ResultBox(count: pages.count)
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            let document = try? HTMLDocument(utf8: Array(pages[index].utf8))
            results.set(index, (try? document?.string(selector)) ?? nil)
        }
        #expect(results.values == (0..<64).map { "/jobs/p\($0)" })
    }
}

/// Per-index results written from `concurrentPerform`; each index is written by exactly one thread.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLockLite()
    private var storage: [String?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: String?) { lock.withLock { storage[index] = value } }
    var values: [String?] { lock.withLock { storage } }
}

private final class NSLockLite: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 1)
    func withLock<T>(_ body: () -> T) -> T {
        semaphore.wait()
        defer { semaphore.signal() }
        return body()
    }
}
