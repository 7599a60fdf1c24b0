import CLibXML2

/// One node of an ``HTMLDocument``: an element, or an attribute for `@attr` selectors.
///
/// The node keeps its document alive; like the document, it must stay on one thread at a time.
public struct HTMLNode {
    /// The document that owns the node, held strongly so the node never outlives it.
    let document: HTMLDocument
    let pointer: xmlNodePtr

    /// The element or attribute name in lower case (`a`, `href`), or `text` for a text node.
    public var name: String {
        pointer.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// The text content with runs of whitespace collapsed to one space and trimmed.
    public var text: String {
        withExtendedLifetime(document) { HTMLText.normalizeSpace(rawText) }
    }

    /// The text content exactly as in the document (entities decoded).
    public var rawText: String {
        withExtendedLifetime(document) { LibXML.take(xmlNodeGetContent(pointer)) ?? "" }
    }

    /// The value of an attribute of this element.
    ///
    /// - Parameter name: The attribute name, in any case.
    /// - Returns: The value, or `nil` when the element has no such attribute.
    public func attribute(_ name: String) -> String? {
        withExtendedLifetime(document) {
            guard pointer.pointee.type == XML_ELEMENT_NODE else { return nil }
            return LibXML.take(xmlGetProp(pointer, name.lowercased()))
        }
    }

    /// The node as HTML markup, including its own tag.
    public var outerHTML: String {
        withExtendedLifetime(document) {
            guard let buffer = xmlBufferCreate() else { return "" }
            defer { xmlBufferFree(buffer) }
            htmlNodeDump(buffer, document.pointer, pointer)
            return xmlBufferContent(buffer).map { String(cString: $0) } ?? ""
        }
    }

    /// What ``HTMLDocument/string(_:in:)`` returns for this node: an attribute's value trimmed, otherwise
    /// the collapsed text.
    var value: String {
        if pointer.pointee.type == XML_ATTRIBUTE_NODE {
            return HTMLText.trimASCIIWhitespace(rawText)
        }
        return text
    }
}

@available(*, unavailable)
extension HTMLNode: Sendable {}
