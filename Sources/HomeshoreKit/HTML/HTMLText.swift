import Foundation
import CLibXML2

/// Readable plain text from the HTML found in JSON-LD descriptions, and whitespace normalisation.
public enum HTMLText {
    /// Turns an HTML fragment into readable text.
    ///
    /// Paragraphs, headings and lists are separated by one blank line; `div`, `tr`, `li` and `br` start a new
    /// line; list items get a `- ` prefix; entities are decoded; runs of whitespace become one space. Input
    /// whose markup is itself entity-escaped (`&lt;p&gt;Bonjour&lt;/p&gt;`) is unescaped first. Text without
    /// tags keeps its lines, with spaces collapsed and at most one blank line.
    ///
    /// - Parameter html: The fragment, such as a JSON-LD `description`.
    /// - Returns: The text, trimmed; empty when there is none.
    public static func plainText(fromHTML html: String) -> String {
        if html.utf8.contains(UInt8(ascii: "<")) {
            return simpleMarkup(html) ?? renderMarkup(html)
        }
        guard html.utf8.contains(UInt8(ascii: "&")) else { return tidyLines(html) }
        // Escaped markup, possibly escaped twice: unescape until tags appear.
        var decoded = decodeEntities(html)
        for _ in 0..<2 where !decoded.utf8.contains(UInt8(ascii: "<")) && decoded.contains("&lt;") {
            decoded = decodeEntities(decoded)
        }
        if decoded.utf8.contains(UInt8(ascii: "<")) {
            return renderMarkup(decoded)
        }
        return tidyLines(decoded)
    }

    /// Collapses every run of Unicode whitespace (including U+00A0 and U+202F) to one space and trims.
    ///
    /// - Parameter s: Any text.
    /// - Returns: The text on one line, without leading or trailing whitespace.
    public static func normalizeSpace(_ s: String) -> String {
        // On the UTF-8 bytes: a scalar is decoded only when its lead byte is that of a blank (U+0085 and U+00A0:
        // C2; U+1680: E1; U+2000–U+205F: E2; U+3000: E3; U+FEFF: EF); every other sequence is copied as it is.
        var s = s
        return s.withUTF8 { b -> String in
            var result: [UInt8] = []
            result.reserveCapacity(b.count)
            var pendingSpace = false
            var i = 0
            while i < b.count {
                let c = b[i]
                let length = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
                let space: Bool
                switch c {
                case 0x09...0x0D, 0x20:
                    space = true
                case 0xC2:
                    space = isSpace(Unicode.Scalar((UInt32(c & 0x1F) << 6) | UInt32(b[i + 1] & 0x3F))!)
                case 0xE1, 0xE2, 0xE3, 0xEF:
                    let value = (UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
                    space = Unicode.Scalar(value).map(isSpace) ?? false
                default:
                    space = false
                }
                if space {
                    pendingSpace = !result.isEmpty
                } else {
                    if pendingSpace {
                        result.append(UInt8(ascii: " "))
                        pendingSpace = false
                    }
                    if length == 1 {
                        result.append(c)
                    } else {
                        result.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<(i + length)]))
                    }
                }
                i += length
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// `normalizeSpace` scalar by scalar: the definition the byte version keeps to.
    static func normalizeSpaceReference(_ s: String) -> String {
        // Built as UTF-8 bytes: appending scalars to a String.UnicodeScalarView one by one is several times slower.
        var result: [UInt8] = []
        result.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for scalar in s.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace {
                    result.append(UInt8(ascii: " "))
                    pendingSpace = false
                }
                if scalar.isASCII {
                    result.append(UInt8(scalar.value))
                } else {
                    result.append(contentsOf: UTF8.encode(scalar)!)
                }
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `s.trimmingCharacters(in: .whitespacesAndNewlines)`, without Foundation's copy when neither end is blank.
    static func trimmingWhitespaceAndNewlines(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return s }
        let blank = CharacterSet.whitespacesAndNewlines
        if !blank.contains(first) && !blank.contains(last) { return s }
        return s.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Trims ASCII spaces, tabs and line breaks from both ends.
    static func trimASCIIWhitespace(_ s: String) -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = s.firstIndex(where: { !isBlank($0) }), let last = s.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(s[first...last])
    }

    /// White space (Unicode's White_Space property), zero-width space and the byte-order mark, written out: the
    /// property's scalars are few and fixed (PropList.txt), and asking `properties` costs a table walk per scalar.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v < 0x1680 { return v == 0x85 || v == 0xA0 }
        switch v {
        case 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    /// `isSpace` as first written, with the Unicode properties: the definition the test compares `isSpace` with.
    static func isSpaceReference(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D)
        }
        return scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}"
    }

    // MARK: Rendering

    /// Lines kept, spaces collapsed within each, at most one blank line between, trimmed.
    static func tidyLines(_ text: String) -> String {
        var lines: [String] = []
        var blank = false
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let tidy = normalizeSpace(String(line))
            if tidy.isEmpty {
                blank = !lines.isEmpty
            } else {
                if blank { lines.append("") }
                blank = false
                lines.append(tidy)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The text of `html` with entities decoded and markup dropped, whitespace untouched.
    static func decodeEntities(_ html: String) -> String {
        withFragment(html) { document in
            guard let root = xmlDocGetRootElement(document) else { return html }
            return LibXML.take(xmlNodeGetContent(root)) ?? html
        } ?? html
    }

    /// `plainText(fromHTML:)` with text nodes rendered scalar by scalar, as first written: for the tests.
    static func plainTextReference(fromHTML html: String) -> String {
        guard html.utf8.contains(UInt8(ascii: "<")) else { return plainText(fromHTML: html) }
        return renderMarkup(html, reference: true)
    }

    /// What `renderMarkup` makes of the commonest descriptions, without libxml2: paragraphs, headings, lists,
    /// `<div>` and a few inline elements, properly nested, which libxml2's parser makes into the obvious tree.
    /// Accepted: `<p>`, `<h1>`...`<h6>`, `<ul>`, `<ol>` and `<div>` at the top, in a `<div>` and in an item; `<li>`
    /// in a list; the inline `<b>`, `<strong>`, `<i>`, `<em>`, `<u>` and `<span>`, `<br>` and text anywhere but at
    /// the top and in a list (where white space only). Tags in lower case without attributes, each closed by its own
    /// end tag; text with no control character but tab, line feed and carriage return, no U+FFFE or U+FFFF, and no
    /// `&` but in `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;` and `&nbsp;`. Nothing libxml2 would close, open or move
    /// of its own accord (a list in a paragraph, an item outside a list). The builder is handed the elements and text
    /// nodes libxml2's tree would give it, in its order: the first element at the top is the root and every later
    /// one at the top its child (so the root's own breaks come last); white space at the top is not in the tree.
    /// Nil for anything else: libxml2 reads it then.
    static func simpleMarkup(_ html: String) -> String? {
        enum Kind { case paragraph, list, item, container, inline }
        func kind(_ name: String) -> Kind? {
            switch name {
            case "p", "h1", "h2", "h3", "h4", "h5", "h6": return .paragraph
            case "ul", "ol": return .list
            case "li": return .item
            case "div": return .container
            case "b", "strong", "i", "em", "u", "span": return .inline
            default: return nil
            }
        }
        /// Whether `child` may stand in `parent` (nil: the top) as libxml2 leaves it.
        func allowed(_ child: Kind, in parent: Kind?) -> Bool {
            switch parent {
            case nil: return child == .paragraph || child == .list || child == .container
            case .container?, .item?: return child != .item
            case .list?: return child == .item
            case .paragraph?, .inline?: return child == .inline
            }
        }
        var html = html
        return html.withUTF8 { bytes -> String? in
            let n = bytes.count
            var builder = TextBuilder()
            var open: [(name: String, kind: Kind, level: Int)] = []
            var text: [UInt8] = []
            var i = 0
            var root: (name: String, level: Int)?
            /// Hands the text gathered to the builder; false when it may not stand where it is.
            func flush() -> Bool {
                guard !text.isEmpty else { return true }
                defer { text.removeAll(keepingCapacity: true) }
                let visible = text.contains { (byte: UInt8) -> Bool in
                    byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
                }
                // White space at the top is left out of the tree (libxml2's `areBlanks`); in a list it is kept.
                guard let top = open.last else { return !visible }
                if top.kind == .list && visible { return false }
                text.withUnsafeBufferPointer { builder.text($0) }
                return true
            }
            while i < n {
                // A run of bytes that need no look, copied at once (appended one by one, they were a third of the
                // work): not `<`, `&`, a control character libxml2 refuses, DEL or the lead byte of U+FFFE/U+FFFF.
                let run = i
                while i < n {
                    let c = bytes[i]
                    if c == UInt8(ascii: "<") || c == UInt8(ascii: "&") || c == 0x7F || c == 0xEF
                        || (c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D)
                    {
                        break
                    }
                    i += 1
                }
                if i > run {
                    text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                    continue
                }
                let b = bytes[i]
                if b == UInt8(ascii: "<") {
                    guard flush() else { return nil }
                    i += 1
                    let closing = i < n && bytes[i] == UInt8(ascii: "/")
                    if closing { i += 1 }
                    let nameStart = i
                    while i < n, (bytes[i] >= 0x61 && bytes[i] <= 0x7A) || (bytes[i] >= 0x30 && bytes[i] <= 0x39) { i += 1 }
                    let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<i]), as: UTF8.self)
                    if closing {
                        guard i < n, bytes[i] == UInt8(ascii: ">"), let top = open.last, top.name == name else { return nil }
                        i += 1
                        open.removeLast()
                        // libxml2 (with no implied <html>) makes the first element at the top the root, and every
                        // later one at the top its child: the root is left at the very end.
                        if open.isEmpty && root == nil {
                            root = (name, top.level)
                        } else {
                            builder.leave(name, level: top.level)
                        }
                        continue
                    }
                    if name == "br" {
                        // `<br>`, `<br/>` or `<br />`.
                        if i < n, bytes[i] == UInt8(ascii: " ") { i += 1 }
                        if i < n, bytes[i] == UInt8(ascii: "/") { i += 1 }
                        guard i < n, bytes[i] == UInt8(ascii: ">"), let top = open.last, top.kind != .list else { return nil }
                        i += 1
                        builder.lineBreak()
                        continue
                    }
                    guard i < n, bytes[i] == UInt8(ascii: ">"), let k = kind(name) else { return nil }
                    i += 1
                    guard allowed(k, in: open.last?.kind) else { return nil }
                    open.append((name, k, builder.enter(name)))
                    continue
                }
                if b == UInt8(ascii: "&") {
                    guard let length = Self.appendBasicEntity(bytes, at: i, to: &text) else { return nil }
                    i += length
                    continue
                }
                guard b >= 0x20 || b == 0x09 || b == 0x0A || b == 0x0D, b != 0x7F else { return nil }
                // U+FFFE and U+FFFF, which libxml2 does not take as characters.
                if b == 0xEF, i + 2 < n, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE { return nil }
                text.append(b)
                i += 1
            }
            guard flush(), open.isEmpty, let root else { return nil }
            builder.leave(root.name, level: root.level)
            return builder.output
        }
    }

    /// Appends what one of `simpleMarkup`'s few entities stands for. - Returns: the entity's length, or nil.
    private static func appendBasicEntity(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, to text: inout [UInt8]) -> Int? {
        func named(_ name: StaticString) -> Bool {
            let count = name.utf8CodeUnitCount
            guard i + 1 + count <= bytes.count else { return false }
            for k in 0..<count where bytes[i + 1 + k] != name.utf8Start[k] { return false }
            return true
        }
        if named("amp;") { text.append(UInt8(ascii: "&")); return 5 }
        if named("lt;") { text.append(UInt8(ascii: "<")); return 4 }
        if named("gt;") { text.append(UInt8(ascii: ">")); return 4 }
        if named("quot;") { text.append(UInt8(ascii: "\"")); return 6 }
        if named("#39;") { text.append(UInt8(ascii: "'")); return 5 }
        if named("nbsp;") { text.append(0xC2); text.append(0xA0); return 6 }
        return nil
    }

    private static func renderMarkup(_ html: String, reference: Bool = false) -> String {
        withFragment(html) { document in
            var builder = TextBuilder()
            builder.reference = reference
            if let root = xmlDocGetRootElement(document) {
                builder.walk(root)
            }
            return builder.output
        } ?? normalizeSpace(html)
    }

    private static func withFragment<T>(_ html: String, _ body: (htmlDocPtr) -> T) -> T? {
        LibXML.initialize()
        var bytes = Array(html.utf8)
        guard !bytes.isEmpty else { return nil }
        bytes.append(0)
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count - 1), nil, "UTF-8", options)
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        return body(document)
    }
}

/// Accumulates text while walking a libxml2 tree, turning block boundaries into line breaks.
private struct TextBuilder {
    /// Renders text nodes with `appendReference(text:)`, for the tests.
    var reference = false
    /// The text so far, as UTF-8: appending bytes is much cheaper than appending scalars to a String.
    private var bytes: [UInt8] = []
    var output: String { String(decoding: bytes, as: UTF8.self) }
    private var pendingBreaks = 0
    private var pendingSpace = false
    private var pendingPrefix = ""
    private var listItemDepth = 0

    private static let paragraphs: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre", "dl"]
    private static let lines: Set<String> = ["div", "li", "tr", "section", "article", "header", "footer", "dt", "dd", "address", "figure", "form", "hr", "main", "nav", "aside", "caption"]
    private static let cells: Set<String> = ["td", "th"]
    private static let skipped: Set<String> = ["script", "style", "head", "title", "template", "noscript", "iframe", "object"]

    mutating func walk(_ node: xmlNodePtr) {
        visit(node)
    }

    private mutating func visit(_ node: xmlNodePtr) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content {
                if reference { appendReference(text: content) } else { append(text: content) }
            }
        case XML_ELEMENT_NODE:
            let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
            if Self.skipped.contains(name) { return }
            if name == "br" {
                lineBreak()
                return
            }
            let level = enter(name)
            var child = node.pointee.children
            while let current = child {
                visit(current)
                child = current.pointee.next
            }
            leave(name, level: level)
        default:
            return
        }
    }

    /// What an element named `name` (lower case) does before its children. - Returns: its break level, for `leave`.
    mutating func enter(_ name: String) -> Int {
        // Inside a list item, paragraphs only start a line, so items stay together.
        let level = Self.paragraphs.contains(name) ? (listItemDepth > 0 ? 1 : 2) : Self.lines.contains(name) ? 1 : 0
        if level > 0 { requestBreak(level) }
        if Self.cells.contains(name) { pendingSpace = true }
        if name == "li" {
            pendingPrefix = "- "
            listItemDepth += 1
        }
        return level
    }

    /// What an element does after its children.
    mutating func leave(_ name: String, level: Int) {
        if name == "li" { listItemDepth -= 1 }
        if level > 0 { requestBreak(level) }
        if Self.cells.contains(name) { pendingSpace = true }
    }

    /// What a `<br>` does.
    mutating func lineBreak() {
        pendingBreaks = bytes.isEmpty ? 0 : min(pendingBreaks + 1, 2)
        pendingSpace = false
    }

    /// What a text node does.
    mutating func text(_ text: UnsafeBufferPointer<UInt8>) {
        append(text: text)
    }

    private mutating func requestBreak(_ level: Int) {
        pendingBreaks = max(pendingBreaks, level)
    }

    /// Appends a text node's UTF-8, spaces collapsed (`HTMLText.isSpace`), pending breaks and list prefix first.
    /// Runs of visible characters (ASCII, or well-formed sequences) are copied at once; an ill-formed sequence
    /// goes through `String(decoding:)`, which makes it U+FFFD as `String(cString:)` did.
    private mutating func append(text: UnsafePointer<xmlChar>) {
        append(text: UnsafeBufferPointer(start: text, count: Int(xmlStrlen(text))))
    }

    private mutating func append(text: UnsafeBufferPointer<UInt8>) {
        let n = text.count
        var i = 0
        while i < n {
            let start = i
            while i < n {
                let b = text[i]
                if b < 0x80 {
                    if b == 0x20 || (b >= 0x09 && b <= 0x0D) { break }
                    i += 1
                } else if let (value, length) = Charset.wellFormedScalar(text, at: i), !HTMLText.isSpace(value) {
                    i += length
                } else {
                    break
                }
            }
            if i > start {
                beforeVisible()
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<i]))
                continue
            }
            let lead = text[i]
            if lead < 0x80 {
                pendingSpace = true
                i += 1
                continue
            }
            if let (_, length) = Charset.wellFormedScalar(text, at: i) {
                // A space: a visible one would have been taken into the run.
                pendingSpace = true
                i += length
                continue
            }
            // An ill-formed sequence (libxml2 hands out valid UTF-8, but not always): its U+FFFDs, as
            // `String(cString:)` made them.
            var length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            var j = 1
            while j < length, i + j < n, text[i + j] & 0xC0 == 0x80 { j += 1 }
            if j < length { length = j }
            appendScalars(String(decoding: UnsafeBufferPointer(rebasing: text[i..<(i + length)]), as: UTF8.self))
            i += length
        }
    }

    /// `append(text:)` as first written, scalar by scalar, with `HTMLText.isSpaceReference`: the definition the
    /// tests compare it with.
    private mutating func appendReference(text: UnsafePointer<xmlChar>) {
        var i = 0
        while text[i] != 0 {
            let start = i
            var scalar: Unicode.Scalar
            let lead = text[i]
            if lead < 0x80 {
                scalar = Unicode.Scalar(lead)
                i += 1
            } else {
                // libxml2 hands out valid UTF-8; a bad sequence becomes U+FFFD, as String(cString:) made it.
                var length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
                var j = 1
                while j < length, text[i + j] & 0xC0 == 0x80 { j += 1 }
                if j < length { length = j }
                let decoded = String(decoding: UnsafeBufferPointer(start: text + i, count: length), as: UTF8.self)
                scalar = decoded.unicodeScalars.first ?? "\u{FFFD}"
                i += length
                if decoded.unicodeScalars.count != 1 || (scalar == "\u{FFFD}" && !(length == 3 && lead == 0xEF)) {
                    appendScalars(decoded)
                    continue
                }
            }
            if HTMLText.isSpaceReference(scalar) {
                pendingSpace = true
                continue
            }
            beforeVisible()
            bytes.append(contentsOf: UnsafeBufferPointer(start: text + start, count: i - start))
        }
    }

    /// Appends scalars decoded from a bad sequence (each U+FFFD).
    private mutating func appendScalars(_ text: String) {
        for scalar in text.unicodeScalars {
            if HTMLText.isSpace(scalar) {
                pendingSpace = true
                continue
            }
            beforeVisible()
            bytes.append(contentsOf: Array(String(scalar).utf8))
        }
    }

    /// The breaks, space and list prefix owed before a visible character.
    private mutating func beforeVisible() {
        if bytes.isEmpty {
            pendingBreaks = 0
            pendingSpace = false
        }
        if pendingBreaks > 0 {
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: pendingBreaks))
            pendingBreaks = 0
            pendingSpace = false
        } else if pendingSpace {
            bytes.append(UInt8(ascii: " "))
            pendingSpace = false
        }
        if !pendingPrefix.isEmpty {
            bytes.append(contentsOf: pendingPrefix.utf8)
            pendingPrefix = ""
        }
    }
}
