import Testing

@testable import HomeshoreKit

@Suite struct SelectorTests {
    @Test(arguments: [
        ("css: li.offer", "li.offer"),
        ("li.offer", "li.offer"),
        ("  CSS:   li.offer  ", "li.offer"),
    ])
    func cssFormsCompileToTheTranslation(text: String, css: String) throws {
        let selector = try Selector(parsing: text)
        #expect(selector.xpath == (try CSS.xpath(for: css)))
        #expect(selector.source == text)
        #expect(selector.description == text)
    }

    @Test func trailingAttributeTakesThatAttribute() throws {
        #expect(try Selector(parsing: "css: a.title @href").xpath == (try CSS.xpath(for: "a.title")) + "/@href")
        #expect(try Selector(parsing: "a, area @HREF").xpath == "(descendant-or-self::a | descendant-or-self::area)/@href")
        // An '@' inside an attribute value is not an attribute suffix.
        #expect(try Selector(parsing: "a[data-x='@foo']").xpath == (try CSS.xpath(for: "a[data-x='@foo']")))
    }

    @Test func xpathFormIsKeptVerbatim() throws {
        #expect(try Selector(parsing: "xpath: .//a/@href").xpath == ".//a/@href")
        #expect(try Selector(parsing: "xpath:normalize-space(//h1)").xpath == "normalize-space(//h1)")
    }

    @Test(arguments: ["xpath: //a[", "xpath: //a[@href=", "xpath: count(", "xpath: //a/@@href", "xpath: nosuchfunction(1)", "xpath:"])
    func badXPathIsRefusedWithLibxml2sMessage(text: String) {
        #expect {
            try Selector(parsing: text)
        } throws: { error in
            guard case .badXPath(let expression, let message) = error as? HTMLError else { return false }
            return text.hasSuffix(expression) && !message.isEmpty
        }
    }

    @Test func badXPathMessageComesFromLibxml2() throws {
        do {
            _ = try Selector(parsing: "xpath: //a[")
            Issue.record("a bad XPath was accepted")
        } catch {
            #expect(error.description.hasPrefix("bad XPath '//a[': "))
            // libxml2 says e.g. "Invalid predicate" or "Invalid expression"; not our fallback text.
            guard case .badXPath(_, let message) = error else { return }
            #expect(message == "Invalid expression at offset 4" || message.hasPrefix("Invalid predicate"), "\(message)")
        }
    }

    @Test(arguments: ["a.title @", "a.title @1x", "@href", "css: li[", "a.title @href:x"])
    func badCSSFormsAreRefused(text: String) {
        #expect {
            try Selector(parsing: text)
        } throws: { error in
            if case .badSelector = error as? HTMLError { return true }
            return false
        }
    }

    @Test func selectorsAreHashableValues() throws {
        let set: Set<Selector> = [try Selector(parsing: "li"), try Selector(parsing: "li"), try Selector(parsing: "p")]
        #expect(set.count == 2)
    }
}
