import CLibXML2

extension HTMLDocument {
    /// The XML parser's options for feeds: recover what a broken feed still holds, never touch the network, stay
    /// silent, read CDATA as text. `XML_PARSE_NOENT` and `XML_PARSE_DTDLOAD` are deliberately absent: an external
    /// entity (`<!ENTITY e SYSTEM "file:///etc/passwd">`) is never loaded nor expanded, and no external DTD is read.
    static let xmlParseOptions = Int32(
        XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)

    /// Parses an XML document (an RSS or Atom feed) with libxml2's XML parser, recovering from errors.
    ///
    /// The encoding is the one the document declares (XML declaration or byte-order mark), UTF-8 by default.
    /// - Parameters:
    ///   - bytes: The document as it arrived.
    ///   - url: The document's address, recorded as its URL.
    /// - Returns: The document, and libxml2's first complaint when the input was not well-formed XML and was
    ///   repaired (`line 12: Opening and ending tag mismatch: item line 8 and channel`).
    /// - Throws: ``HTMLError/unparsable(_:)`` when the input is empty or nothing could be recovered.
    static func parsingXML(_ bytes: [UInt8], url: String?) throws(HTMLError) -> (document: HTMLDocument, problem: String?) {
        LibXML.initialize()
        guard !bytes.isEmpty else { throw .unparsable("the document is empty") }
        guard bytes.count <= Int(Int32.max) else { throw .unparsable("the document is larger than 2 GiB") }
        guard let context = xmlNewParserCtxt() else { throw .unparsable("out of memory") }
        defer { xmlFreeParserCtxt(context) }
        let parsed = bytes.withUnsafeBytes { raw in
            raw.baseAddress!.withMemoryRebound(to: CChar.self, capacity: raw.count) { chars in
                xmlCtxtReadMemory(context, chars, Int32(raw.count), url, nil, xmlParseOptions)
            }
        }
        let problem = context.pointee.wellFormed != 0 ? nil : describe(context.pointee.lastError)
        guard let parsed else { throw .unparsable(problem ?? "libxml2 could not build a document") }
        guard xmlDocGetRootElement(parsed) != nil else {
            xmlFreeDoc(parsed)
            throw .unparsable(problem ?? "the document has no root element")
        }
        return (try HTMLDocument(parsed: parsed), problem)
    }

    /// The encoding an XML document declared (`UTF-8` when it declared none).
    var xmlEncoding: String {
        pointer.pointee.encoding.map { String(cString: $0) } ?? "UTF-8"
    }

    private static func describe(_ error: xmlError) -> String {
        var message = error.message.map { String(cString: $0) } ?? "error \(error.code)"
        while message.last?.isWhitespace == true { message.removeLast() }
        return error.line > 0 ? "line \(error.line): \(message)" : message
    }
}
