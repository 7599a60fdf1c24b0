import Foundation

/// Links as pages write them, made absolute.
public enum URLText {
    /// `link` resolved against `base`; nil for empty links and links that are not http(s) (`javascript:`, `mailto:`).
    public static func resolve(_ link: String?, against base: String) -> String? {
        if let link, isPlainAbsolute(link) { return link }
        return resolveReference(link, against: base)
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
