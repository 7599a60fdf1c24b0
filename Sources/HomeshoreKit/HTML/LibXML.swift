import CLibXML2

/// Process-wide libxml2 set-up and the plumbing that turns its diagnostics into Swift errors.
enum LibXML {
    /// `xmlInitParser` run exactly once; Swift initialises globals lazily under `swift_once`, so this is
    /// safe when the first documents are parsed on several threads at once.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Makes sure libxml2 is initialised; call before any other libxml2 function.
    static func initialize() {
        _ = initialized
    }

    /// Collects the messages libxml2 reports through a structured error handler.
    final class ErrorSink {
        var messages: [String] = []

        /// The messages joined into one line, or `fallback` when libxml2 said nothing.
        func summary(or fallback: String) -> String {
            let joined = messages.joined(separator: "; ")
            return joined.isEmpty ? fallback : joined
        }
    }

    /// The structured error handler installed on XPath contexts; `userData` is an unretained ``ErrorSink``.
    static let errorHandler: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        let sink = Unmanaged<ErrorSink>.fromOpaque(userData).takeUnretainedValue()
        var message = error.pointee.message.map { String(cString: $0) } ?? xpathMessage(code: error.pointee.code)
        while message.last?.isWhitespace == true { message.removeLast() }
        if error.pointee.domain == Int32(XML_FROM_XPATH.rawValue), error.pointee.str1 != nil {
            message += " at offset \(error.pointee.int1)"
        }
        sink.messages.append(message)
    }

    /// libxml2 2.9 hands XPath errors to a context's handler without their text; this is its own table
    /// (`xmlXPathErrorMessages` in xpath.c), indexed from `XML_XPATH_EXPRESSION_OK`.
    private static let xpathMessages = [
        "Ok", "Number encoding", "Unfinished literal", "Start of literal", "Expected $ for variable reference",
        "Undefined variable", "Invalid predicate", "Invalid expression", "Missing closing curly brace",
        "Unregistered function", "Invalid operand", "Invalid type", "Invalid number of arguments",
        "Invalid context size", "Invalid context position", "Memory allocation error", "Syntax error",
        "Resource error", "Sub resource error", "Undefined namespace prefix", "Encoding error",
        "Char out of XML range", "Invalid or incomplete context", "Stack usage error", "Forbidden variable",
    ]

    private static func xpathMessage(code: Int32) -> String {
        let index = Int(code) - Int(XML_XPATH_EXPRESSION_OK.rawValue)
        return xpathMessages.indices.contains(index) ? xpathMessages[index] : "XPath error \(code)"
    }

    /// Compiles `expression` against `context`, reporting libxml2's complaint as ``HTMLError/badXPath``.
    ///
    /// The context must have ``errorHandler`` installed with `sink` as its user data.
    static func compile(
        _ expression: String, context: xmlXPathContextPtr, sink: ErrorSink
    ) throws(HTMLError) -> xmlXPathCompExprPtr {
        sink.messages.removeAll()
        guard let compiled = xmlXPathCtxtCompile(context, expression) else {
            throw .badXPath(expression: expression, message: sink.summary(or: "invalid expression"))
        }
        return compiled
    }

    /// The namespace prefixes every XPath context knows, so that selectors on feeds can name `atom:entry`,
    /// `dc:creator` or `content:encoded` (an HTML page has no namespaces: there they match nothing).
    static let namespaces: [(prefix: String, uri: String)] = [
        ("atom", "http://www.w3.org/2005/Atom"),
        ("dc", "http://purl.org/dc/elements/1.1/"),
        ("content", "http://purl.org/rss/1.0/modules/content/"),
        ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
        ("rss1", "http://purl.org/rss/1.0/"),
        ("media", "http://search.yahoo.com/mrss/"),
    ]

    /// Creates an XPath context whose errors go to `sink` instead of stderr, with ``namespaces`` registered.
    static func makeContext(document: xmlDocPtr?, sink: ErrorSink) -> xmlXPathContextPtr? {
        initialize()
        guard let context = xmlXPathNewContext(document) else { return nil }
        context.pointee.error = errorHandler
        context.pointee.userData = Unmanaged.passUnretained(sink).toOpaque()
        for (prefix, uri) in namespaces where xmlXPathRegisterNs(context, prefix, uri) != 0 {
            xmlXPathFreeContext(context)
            return nil
        }
        return context
    }

    /// Checks that `expression` compiles, then evaluates it once on an empty document so that what libxml2
    /// only checks at run time (unknown functions, wrong argument types, unfinished calls) fails here too.
    static func validate(_ expression: String) throws(HTMLError) {
        let sink = ErrorSink()
        try withExtendedLifetime(sink) { () throws(HTMLError) in
            guard let document = htmlNewDocNoDtD(nil, nil) else {
                throw .badXPath(expression: expression, message: "out of memory")
            }
            defer { xmlFreeDoc(document) }
            guard let context = makeContext(document: document, sink: sink) else {
                throw .badXPath(expression: expression, message: "out of memory")
            }
            defer { xmlXPathFreeContext(context) }
            let compiled = try compile(expression, context: context, sink: sink)
            defer { xmlXPathFreeCompExpr(compiled) }
            context.pointee.node = UnsafeMutableRawPointer(document).assumingMemoryBound(to: xmlNode.self)
            sink.messages.removeAll()
            guard let result = xmlXPathCompiledEval(compiled, context) else {
                throw .badXPath(expression: expression, message: sink.summary(or: "evaluation failed"))
            }
            xmlXPathFreeObject(result)
        }
    }

    /// Copies a libxml2-allocated string into Swift and frees it.
    static func take(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        defer { hs_xmlFree(pointer) }
        return String(cString: pointer)
    }
}
