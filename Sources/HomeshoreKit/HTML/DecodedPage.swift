/// A page transcoded to UTF-8, with the encoding it was read as and how that encoding was chosen.
public struct DecodedPage: Sendable, Equatable {
    /// Where the encoding came from, in the order ``Charset/decode(_:contentType:)`` looks.
    public enum Source: Sendable, Equatable {
        /// A UTF-8 or UTF-16 byte order mark.
        case byteOrderMark
        /// The `charset` parameter of the HTTP `Content-Type` header.
        case httpHeader
        /// A `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 4 KiB.
        case meta
        /// Nothing was declared, but the bytes are valid UTF-8.
        case validUTF8
        /// Nothing usable was declared (or a declared UTF-8 was not valid UTF-8): read as windows-1252.
        case fallback
    }

    /// The page in UTF-8.
    public var utf8: [UInt8]
    /// The encoding the bytes were read as, such as `UTF-8` or `windows-1252`.
    public var encoding: String
    /// How ``encoding`` was chosen.
    public var detectedFrom: Source
    /// The label the header or a meta tag declared, when one did, even if it was not used.
    public var declared: String?

    /// Creates a decoded page.
    public init(utf8: [UInt8], encoding: String, detectedFrom: Source, declared: String? = nil) {
        self.utf8 = utf8
        self.encoding = encoding
        self.detectedFrom = detectedFrom
        self.declared = declared
    }
}
