/// Works out a page's character encoding the way browsers do, and transcodes it to UTF-8.
public enum Charset {
    /// How far into the page `<meta>` declarations are looked for.
    static let prescanLength = 4096

    /// Decodes a page to UTF-8.
    ///
    /// The encoding is taken, in order, from a byte order mark, the `charset` of the `Content-Type` header,
    /// a `<meta>` declaration in the first 4 KiB, the bytes being valid UTF-8, and finally windows-1252. A
    /// declared UTF-8 whose bytes are not valid UTF-8 is read as windows-1252 (``DecodedPage/Source/fallback``).
    /// `iso-8859-1`, `latin1` and `us-ascii` are read as windows-1252, as browsers do. Valid UTF-8 is not copied.
    ///
    /// - Parameters:
    ///   - bytes: The body as received.
    ///   - contentType: The `Content-Type` header, if any.
    /// - Returns: The page in UTF-8 with the encoding used and where it came from.
    public static func decode(_ bytes: [UInt8], contentType: String?) -> DecodedPage {
        if let page = decodeByteOrderMark(bytes) { return page }
        if let contentType, let label = charsetParameter(in: Array(contentType.utf8)[...]),
            let page = decode(bytes, label: label, source: .httpHeader)
        {
            return page
        }
        if let label = metaCharset(in: bytes), let page = decode(bytes, label: label, source: .meta) {
            return page
        }
        if isValidUTF8(bytes) {
            return DecodedPage(utf8: bytes, encoding: "UTF-8", detectedFrom: .validUTF8)
        }
        return DecodedPage(utf8: decodeWindows1252(bytes), encoding: "windows-1252", detectedFrom: .fallback)
    }

    private static func decodeByteOrderMark(_ bytes: [UInt8]) -> DecodedPage? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes[3...])
            let utf8 = isValidUTF8(body) ? body : Array(String(decoding: body, as: UTF8.self).utf8)
            return DecodedPage(utf8: utf8, encoding: "UTF-8", detectedFrom: .byteOrderMark)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return DecodedPage(utf8: decodeUTF16(bytes[2...], bigEndian: false), encoding: "UTF-16LE", detectedFrom: .byteOrderMark)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return DecodedPage(utf8: decodeUTF16(bytes[2...], bigEndian: true), encoding: "UTF-16BE", detectedFrom: .byteOrderMark)
        }
        return nil
    }

    /// Decodes with a declared label; `nil` when the label names no encoding we can read, so that the next
    /// source is tried.
    static func decode(_ bytes: [UInt8], label rawLabel: String, source: DecodedPage.Source) -> DecodedPage? {
        let label = rawLabel.lowercased()
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8":
            if isValidUTF8(bytes) {
                return DecodedPage(utf8: bytes, encoding: "UTF-8", detectedFrom: source, declared: rawLabel)
            }
            return DecodedPage(utf8: decodeWindows1252(bytes), encoding: "windows-1252", detectedFrom: .fallback, declared: rawLabel)
        case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "iso-ir-100", "latin1",
            "l1", "cp819", "ibm819", "csisolatin1", "us-ascii", "ascii", "ansi_x3.4-1968":
            return DecodedPage(utf8: decodeWindows1252(bytes), encoding: "windows-1252", detectedFrom: source, declared: rawLabel)
        case "utf-16", "utf-16le", "utf-16be", "ucs-2", "unicode":
            // A meta tag read as ASCII cannot truthfully declare UTF-16: browsers take it as UTF-8.
            if source == .meta { return decode(bytes, label: "utf-8", source: source) }
            let bigEndian = label == "utf-16be"
            return DecodedPage(utf8: decodeUTF16(bytes[...], bigEndian: bigEndian), encoding: bigEndian ? "UTF-16BE" : "UTF-16LE", detectedFrom: source, declared: rawLabel)
        default:
            break
        }
        guard let utf8 = Iconv.toUTF8(bytes, from: label) else { return nil }
        return DecodedPage(utf8: utf8, encoding: label, detectedFrom: source, declared: rawLabel)
    }

    // MARK: Declarations

    /// The value of `charset=` in a Content-Type header or meta `content`, unquoted.
    static func charsetParameter(in text: ArraySlice<UInt8>) -> String? {
        let lowered = text.map(ByteScan.lower)
        let key = Array("charset".utf8)
        var start = lowered.startIndex
        // Searched with ByteScan: the generic `firstRange(of:)` cost more than the rest of a page's charset checks.
        func find(from start: Int) -> Range<Int>? {
            lowered.withUnsafeBufferPointer { bytes in
                key.withUnsafeBufferPointer { ByteScan.find($0, in: bytes, from: start) }
            }.map { $0..<($0 + key.count) }
        }
        while let found = find(from: start) {
            var index = found.upperBound
            while index < lowered.endIndex, ByteScan.isSpace(lowered[index]) { index += 1 }
            guard index < lowered.endIndex, lowered[index] == UInt8(ascii: "=") else {
                start = found.upperBound
                continue
            }
            index += 1
            while index < lowered.endIndex, ByteScan.isSpace(lowered[index]) { index += 1 }
            var value: [UInt8] = []
            if index < lowered.endIndex, lowered[index] == UInt8(ascii: "\"") || lowered[index] == UInt8(ascii: "'") {
                let quote = lowered[index]
                index += 1
                while index < lowered.endIndex, lowered[index] != quote { value.append(lowered[index]); index += 1 }
            } else {
                while index < lowered.endIndex, !ByteScan.isSpace(lowered[index]), lowered[index] != UInt8(ascii: ";"),
                    lowered[index] != UInt8(ascii: "\""), lowered[index] != UInt8(ascii: "'")
                {
                    value.append(lowered[index])
                    index += 1
                }
            }
            let label = HTMLText.trimASCIIWhitespace(String(decoding: value, as: UTF8.self))
            return label.isEmpty ? nil : label
        }
        return nil
    }

    /// The charset declared by the first `<meta charset>` or `<meta http-equiv="Content-Type" content>` in
    /// the first 4 KiB.
    static func metaCharset(in page: [UInt8]) -> String? {
        page.withUnsafeBufferPointer { whole in
            let bytes = UnsafeBufferPointer(rebasing: whole.prefix(prescanLength))
            var index = 0
            while let lt = ByteScan.find(UInt8(ascii: "<"), in: bytes, from: index) {
                if ByteScan.matches("<!--", in: bytes, at: lt) {
                    index = ByteScan.endOfComment(in: bytes, from: lt)
                    continue
                }
                guard ByteScan.isTag("meta", in: bytes, at: lt) else {
                    index = lt + 1
                    continue
                }
                let (attributes, end) = ByteScan.attributes(in: bytes, from: lt + 5)
                index = end
                if let charset = attributes.first(where: { $0.name.elementsEqual("charset".utf8) }) {
                    let label = String(decoding: ByteScan.folded(charset.value), as: UTF8.self)
                    if !label.isEmpty { return label }
                }
                let isContentType = attributes.contains {
                    $0.name.elementsEqual("http-equiv".utf8) && ByteScan.folded($0.value).elementsEqual("content-type".utf8)
                }
                if isContentType, let content = attributes.first(where: { $0.name.elementsEqual("content".utf8) }),
                    let label = charsetParameter(in: content.value)
                {
                    return label
                }
            }
            return nil
        }
    }
}
