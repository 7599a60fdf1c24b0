import Foundation

/// Links as pages write them, made absolute.
public enum URLText {
    /// `link` resolved against `base`; nil for empty links and links that are not http(s) (`javascript:`, `mailto:`).
    public static func resolve(_ link: String?, against base: String) -> String? {
        if let link, isPlainAbsolute(link) { return link }
        if let link, let origin = plainOrigin(base), isPlainPath(link) { return origin + link }
        return resolveReference(link, against: base)
    }

    /// `http://host[:port]` (or https) of a plain absolute base (`isPlainAbsolute`), or nil.
    static func plainOrigin(_ base: String) -> Substring? {
        guard isPlainAbsolute(base) else { return nil }
        let utf8 = base.utf8
        let afterScheme = utf8.index(utf8.startIndex, offsetBy: base.hasPrefix("https://") ? 8 : 7)
        let end = utf8[afterScheme...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }
        return base[..<(end ?? utf8.endIndex)]
    }

    /// True when `link` is an absolute path (`/` then not `/`) of plain characters (as `isPlainAbsolute` has them)
    /// with no `.` or `..` segment: resolving it against a base with an origin gives the origin followed by the
    /// link, as written (RFC 3986, 5.2.2: the path is the reference's, dot segments removed, and there are none).
    static func isPlainPath(_ link: String) -> Bool {
        var link = link
        return link.withUTF8 { bytes in
            guard bytes.count >= 1, bytes[0] == UInt8(ascii: "/"), bytes.count == 1 || bytes[1] != UInt8(ascii: "/") else {
                return false
            }
            var segmentStart = 1
            var inPath = true
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if inPath && (b == UInt8(ascii: "/") || b == UInt8(ascii: "?") || b == UInt8(ascii: "#")) && i > 0 {
                    let segment = UnsafeBufferPointer(rebasing: bytes[segmentStart..<i])
                    if segment.elementsEqual(".".utf8) || segment.elementsEqual("..".utf8) { return false }
                    segmentStart = i + 1
                    if b != UInt8(ascii: "/") { inPath = false }
                }
                if b == UInt8(ascii: "%") {
                    guard i + 2 < bytes.count, isHex(bytes[i + 1]), isHex(bytes[i + 2]) else { return false }
                    // A percent-encoded dot might be read as a dot segment: leave it to Foundation.
                    if bytes[i + 1] == UInt8(ascii: "2") && (bytes[i + 2] | 0x20) == UInt8(ascii: "e") { return false }
                    i += 3
                    continue
                }
                guard plain[Int(b)] else { return false }
                i += 1
            }
            if inPath {
                let segment = UnsafeBufferPointer(rebasing: bytes[segmentStart..<bytes.count])
                if segment.elementsEqual(".".utf8) || segment.elementsEqual("..".utf8) { return false }
            }
            return true
        }
    }

    /// True when `link` is what `resolveReference` gives back unchanged: `http://` or `https://` (lower case)
    /// followed by a host and only the ASCII characters a URL may hold as they are (letters, digits,
    /// `-._~:/?#@!$&'()*+,;=` and `%` before two hex digits). Then there is nothing to trim, no space to encode,
    /// and an absolute URL does not depend on the base.
    static func isPlainAbsolute(_ link: String) -> Bool {
        var link = link
        return link.withUTF8 { bytes in
            let start: Int
            if bytes.starts(with: "https://".utf8) {
                start = 8
            } else if bytes.starts(with: "http://".utf8) {
                start = 7
            } else {
                return false
            }
            guard bytes.count > start, isHostByte(bytes[start]) else { return false }
            var i = start
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "%") {
                    guard i + 2 < bytes.count, isHex(bytes[i + 1]), isHex(bytes[i + 2]) else { return false }
                    i += 3
                    continue
                }
                guard plain[Int(b)] else { return false }
                i += 1
            }
            return true
        }
    }

    private static func isHostByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
    }

    private static func isHex(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66) || (b >= 0x41 && b <= 0x46)
    }

    /// The bytes a URL holds as they are, `%` aside.
    private static let plain: [Bool] = (0..<256).map { b in
        guard b < 0x80, let scalar = Unicode.Scalar(b) else { return false }
        return (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
            || "-._~:/?#@!$&'()*+,;=".unicodeScalars.contains(scalar)
    }

    /// The resolution with Foundation's `URL`: the definition `resolve` keeps to.
    static func resolveReference(_ link: String?, against base: String) -> String? {
        guard let raw = link?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty, !raw.hasPrefix("#") else {
            return nil
        }
        let encoded = raw.replacingOccurrences(of: " ", with: "%20")
        guard let baseURL = URL(string: base), let url = URL(string: encoded, relativeTo: baseURL)?.absoluteURL,
            let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https"
        else { return nil }
        return url.absoluteString
    }
}
