import CLibXML2

/// A parsed HTML page (or XML feed, see ``HTMLDocument/parsingXML(_:url:)``) that owns its libxml2 document and
/// answers ``Selector`` queries.
///
/// Documents can be parsed concurrently on several threads, but one document must be used by one thread at a
/// time: it reuses a single XPath context and caches compiled expressions.
public final class HTMLDocument {
    let pointer: htmlDocPtr
    private let context: xmlXPathContextPtr
    private let sink = LibXML.ErrorSink()
    private var compiled: [String: xmlXPathCompExprPtr] = [:]

    /// The parser options: recover from broken markup, never touch the network, stay silent.
    static let parseOptions = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_NOBLANKS.rawValue)

    /// Parses UTF-8 HTML (transcode first with ``Charset/decode(_:contentType:)``).
    ///
    /// - Parameters:
    ///   - bytes: The page, in UTF-8.
    ///   - url: The page's address, recorded as the document URL.
    /// - Throws: ``HTMLError/unparsable(_:)`` when the input is empty or libxml2 builds no document.
    public convenience init(utf8 bytes: UnsafeRawBufferPointer, url: String? = nil) throws(HTMLError) {
        try self.init(parsed: Self.parse(bytes, url: url))
    }

    /// Parses UTF-8 HTML held in an array.
    ///
    /// - Parameters:
    ///   - bytes: The page, in UTF-8.
    ///   - url: The page's address, recorded as the document URL.
    /// - Throws: ``HTMLError/unparsable(_:)`` when the input is empty or libxml2 builds no document.
    public convenience init(utf8 bytes: [UInt8], url: String? = nil) throws(HTMLError) {
        let parsed = bytes.withUnsafeBytes { raw in
            Result { () throws(HTMLError) in try Self.parse(raw, url: url) }
        }
        try self.init(parsed: parsed.get())
    }

    /// Parses UTF-8 HTML held in a string.
    ///
    /// - Parameters:
    ///   - html: The page.
    ///   - url: The page's address, recorded as the document URL.
    /// - Throws: ``HTMLError/unparsable(_:)`` when the input is empty or libxml2 builds no document.
    public convenience init(html: String, url: String? = nil) throws(HTMLError) {
        try self.init(utf8: Array(html.utf8), url: url)
    }

    /// Takes ownership of a parsed document (HTML or XML): it is freed with this object, or at once on failure.
    init(parsed: xmlDocPtr) throws(HTMLError) {
        guard let context = LibXML.makeContext(document: parsed, sink: sink) else {
            xmlFreeDoc(parsed)
            throw .unparsable("out of memory")
        }
        pointer = parsed
        self.context = context
    }

    private static func parse(_ bytes: UnsafeRawBufferPointer, url: String?) throws(HTMLError) -> htmlDocPtr {
        LibXML.initialize()
        guard let base = bytes.baseAddress, bytes.count > 0 else { throw .unparsable("the document is empty") }
        guard bytes.count <= Int(Int32.max) else { throw .unparsable("the document is larger than 2 GiB") }
        let parsed = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
            htmlReadMemory(chars, Int32(bytes.count), url, "UTF-8", parseOptions)
        }
        guard let parsed else { throw .unparsable("libxml2 could not build a document") }
        return parsed
    }

    // MARK: Queries

    /// Every node the selector matches, in document order.
    ///
    /// - Parameters:
    ///   - selector: The selector to evaluate.
    ///   - node: The context node; the whole document when `nil`.
    /// - Returns: Matching elements, or attribute nodes for `@attr` selectors.
    /// - Throws: ``HTMLError/badXPath(expression:message:)`` when evaluation fails or yields a string or
    ///   number rather than nodes.
    public func select(_ selector: Selector, in node: HTMLNode? = nil) throws(HTMLError) -> [HTMLNode] {
        try select(xpath: selector.xpath, in: node)
    }

    /// The value of the selector's first match: an attribute's value, an element's text with whitespace
    /// collapsed, or the string or number an expression such as `normalize-space(…)` evaluates to.
    ///
    /// - Parameters:
    ///   - selector: The selector to evaluate.
    ///   - node: The context node; the whole document when `nil`.
    /// - Returns: The value, or `nil` when nothing matched or the value is empty.
    /// - Throws: ``HTMLError/badXPath(expression:message:)`` when evaluation fails.
    public func string(_ selector: Selector, in node: HTMLNode? = nil) throws(HTMLError) -> String? {
        try string(xpath: selector.xpath, in: node)
    }

    /// The value of a raw XPath expression's first match, as ``string(_:in:)`` gives it.
    func string(xpath expression: String, in node: HTMLNode?) throws(HTMLError) -> String? {
        try withResult(of: expression, in: node) { result in
            let value: String?
            switch result.pointee.type {
            case XPATH_NODESET:
                guard let set = result.pointee.nodesetval, set.pointee.nodeNr > 0,
                    let first = set.pointee.nodeTab[0]
                else { return nil }
                value = HTMLNode(document: self, pointer: first).value
            case XPATH_STRING:
                value = result.pointee.stringval.map { HTMLText.normalizeSpace(String(cString: $0)) }
            case XPATH_NUMBER:
                value = Self.format(result.pointee.floatval)
            case XPATH_BOOLEAN:
                value = result.pointee.boolval != 0 ? "true" : "false"
            default:
                value = nil
            }
            return value?.isEmpty == false ? value : nil
        }
    }

    /// Evaluates a raw XPath expression to nodes.
    func select(xpath expression: String, in node: HTMLNode?) throws(HTMLError) -> [HTMLNode] {
        try withResult(of: expression, in: node) { result throws(HTMLError) in
            guard result.pointee.type == XPATH_NODESET else {
                throw .badXPath(expression: expression, message: "evaluates to a value, not to nodes; use it as a string")
            }
            guard let set = result.pointee.nodesetval else { return [] }
            let count = Int(set.pointee.nodeNr)
            var nodes: [HTMLNode] = []
            nodes.reserveCapacity(count)
            for offset in 0..<count {
                if let pointer = set.pointee.nodeTab[offset] {
                    nodes.append(HTMLNode(document: self, pointer: pointer))
                }
            }
            return nodes
        }
    }

    private func withResult<T>(
        of expression: String, in node: HTMLNode?, _ body: (xmlXPathObjectPtr) throws(HTMLError) -> T
    ) throws(HTMLError) -> T {
        if let node, node.document !== self {
            throw .badXPath(expression: expression, message: "the context node belongs to another document")
        }
        let compiledExpression: xmlXPathCompExprPtr
        if let cached = compiled[expression] {
            compiledExpression = cached
        } else {
            compiledExpression = try LibXML.compile(expression, context: context, sink: sink)
            compiled[expression] = compiledExpression
        }
        context.pointee.node = node?.pointer ?? UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: xmlNode.self)
        sink.messages.removeAll()
        guard let result = xmlXPathCompiledEval(compiledExpression, context) else {
            throw .badXPath(expression: expression, message: sink.summary(or: "evaluation failed"))
        }
        defer { xmlXPathFreeObject(result) }
        return try body(result)
    }

    private static func format(_ number: Double) -> String? {
        guard number.isFinite else { return nil }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }

    deinit {
        for expression in compiled.values { xmlXPathFreeCompExpr(expression) }
        xmlXPathFreeContext(context)
        xmlFreeDoc(pointer)
    }
}

@available(*, unavailable)
extension HTMLDocument: Sendable {}
