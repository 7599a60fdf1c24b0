/// Fast byte-level scans of a page that avoid building a DOM when one is not needed.
public enum PageScan {
    /// The contents of every `<script type="application/ld+json">` element, in document order.
    ///
    /// Tags and attribute names match in any case, the `type` value may be quoted with `"` or `'` or unquoted
    /// and sit among other attributes; a block ends at the next `</script`, as in browsers, or at the end of
    /// the input. Comments, the contents of other scripts and styles, and the text of `<title>` and `<textarea>`
    /// (which browsers never read as markup) are skipped.
    ///
    /// - Parameter utf8: The page in UTF-8.
    /// - Returns: Each block's text, trimmed of surrounding whitespace; empty blocks are left out.
    public static func jsonLDBlocks(in utf8: [UInt8]) -> [String] {
        utf8.withUnsafeBufferPointer { bytes in
            var blocks: [String] = []
            var index = 0
            while let lt = ByteScan.find(UInt8(ascii: "<"), in: bytes, from: index) {
                if ByteScan.matches("<!--", in: bytes, at: lt) {
                    index = ByteScan.endOfComment(in: bytes, from: lt)
                } else if ByteScan.isTag("script", in: bytes, at: lt) {
                    let (attributes, contentStart) = ByteScan.attributes(in: bytes, from: lt + 7)
                    let contentEnd = ByteScan.closingTag("</script", in: bytes, from: contentStart)
                    if attributes.contains(where: isJSONLDType), contentStart < contentEnd {
                        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<contentEnd]), as: UTF8.self)
                        let trimmed = HTMLText.trimASCIIWhitespace(text)
                        if !trimmed.isEmpty { blocks.append(trimmed) }
                    }
                    index = contentEnd + 1
                } else if ByteScan.isTag("style", in: bytes, at: lt) {
                    let (_, contentStart) = ByteScan.attributes(in: bytes, from: lt + 6)
                    index = ByteScan.closingTag("</style", in: bytes, from: contentStart) + 1
                } else if ByteScan.isTag("title", in: bytes, at: lt) {
                    // Text only, as in browsers: a script written inside a title is the title's words.
                    let (_, contentStart) = ByteScan.attributes(in: bytes, from: lt + 6)
                    index = ByteScan.closingTag("</title", in: bytes, from: contentStart) + 1
                } else if ByteScan.isTag("textarea", in: bytes, at: lt) {
                    let (_, contentStart) = ByteScan.attributes(in: bytes, from: lt + 9)
                    index = ByteScan.closingTag("</textarea", in: bytes, from: contentStart) + 1
                } else {
                    index = lt + 1
                }
            }
            return blocks
        }
    }

    /// A copy of the page with the contents of every `<script>` and `<style>` element removed.
    ///
    /// The tags themselves stay, so the document keeps its shape while libxml2 has far less to tokenize.
    /// An unterminated script or style loses everything up to the end of the input, as browsers do. JSON-LD
    /// blocks are removed too: read them first with ``jsonLDBlocks(in:)``.
    ///
    /// - Parameter utf8: The page in UTF-8.
    /// - Returns: The page without script and style contents.
    public static func strippingScriptsAndStyles(_ utf8: [UInt8]) -> [UInt8] {
        utf8.withUnsafeBufferPointer { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var copiedUpTo = 0
            var index = 0
            while let lt = ByteScan.find(UInt8(ascii: "<"), in: bytes, from: index) {
                let closing: StaticString
                let nameLength: Int
                if ByteScan.matches("<!--", in: bytes, at: lt) {
                    index = ByteScan.endOfComment(in: bytes, from: lt)
                    continue
                } else if ByteScan.isTag("script", in: bytes, at: lt) {
                    (closing, nameLength) = ("</script", 6)
                } else if ByteScan.isTag("style", in: bytes, at: lt) {
                    (closing, nameLength) = ("</style", 5)
                } else {
                    index = lt + 1
                    continue
                }
                let contentStart = ByteScan.attributes(in: bytes, from: lt + 1 + nameLength).end
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<contentStart]))
                let contentEnd = ByteScan.closingTag(closing, in: bytes, from: contentStart)
                copiedUpTo = contentEnd
                index = contentEnd + 1
            }
            if copiedUpTo < bytes.count {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<bytes.count]))
            }
            return output
        }
    }

    private static let jsonLDType = Array("application/ld+json".utf8)

    private static func isJSONLDType(_ attribute: ByteScan.Attribute) -> Bool {
        guard attribute.name.elementsEqual("type".utf8) else { return false }
        let value = ByteScan.folded(attribute.value)
        guard value.starts(with: jsonLDType) else { return false }
        return value.count == jsonLDType.count || value[jsonLDType.count] == UInt8(ascii: ";")
    }
}
