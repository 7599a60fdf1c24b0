import Foundation

/// The one spelling of an offer's URL: the same offer reached through two links (tracking arguments, a session id,
/// `./` segments, an upper-case host, a default port, a fragment) gets the same canonical URL, hence the same record.
public enum CanonicalURL {
    /// Query arguments that never identify an offer: campaign tracking, click ids, session ids, referrers.
    /// Names ending in `*` are prefixes (`utm_*`). Compared case-insensitively.
    public static let trackingParameters = [
        "utm_*", "gclid", "gclsrc", "dclid", "fbclid", "msclkid", "mc_cid", "mc_eid", "jsessionid", "phpsessid",
        "sid", "ref", "source", "xtor",
    ]

    /// The canonical form of `url`: scheme and host lower-cased, default port, fragment, `.` and `..` segments and
    /// tracking arguments dropped, the remaining arguments sorted (by name, then value, order of equal names kept).
    /// `;jsessionid=...` path parameters are dropped too. The site's own arguments (its job id) are kept as written.
    /// - Parameters:
    ///   - url: an absolute http(s) URL.
    ///   - extra: more tracking argument names (`tracking_parameters:` in sources.yaml); `*` ends a prefix.
    /// - Returns: the canonical URL; `url` unchanged when it is not an absolute http(s) URL.
    public static func canonical(_ url: String, dropping extra: [String] = []) -> String {
        if isCanonical(url) { return url }
        return canonicalReference(url, dropping: extra)
    }

    /// True when `url` is already in canonical form and `URLComponents` would give it back unchanged: `http://`
    /// or `https://`, a host of lower-case letters, digits, `-` and `.`, an optional port that is not the default
    /// (digits, no leading zero, at most 65535), then a path of letters, digits, `-`, `_`, `~`, `/` and `.` with no
    /// `.` or `..` segment; no query, fragment, user, percent sign or anything else. Most offers' URLs are such,
    /// and `Offer.key` asks again for URLs made canonical before; `URLComponents` costs microseconds a call.
    static func isCanonical(_ url: String) -> Bool {
        var url = url
        return url.withUTF8 { b -> Bool in
            var i: Int
            let https: Bool
            if b.starts(with: "https://".utf8) { i = 8; https = true } else if b.starts(with: "http://".utf8) { i = 7; https = false } else { return false }
            let hostStart = i
            while i < b.count, (b[i] >= 0x61 && b[i] <= 0x7A) || (b[i] >= 0x30 && b[i] <= 0x39) || b[i] == 0x2D || b[i] == 0x2E { i += 1 }
            guard i > hostStart else { return false }
            if i < b.count, b[i] == UInt8(ascii: ":") {
                i += 1
                let portStart = i
                var port = 0
                while i < b.count, b[i] >= 0x30 && b[i] <= 0x39, i - portStart < 5 {
                    port = port * 10 + Int(b[i] - 0x30)
                    i += 1
                }
                guard i > portStart, b[portStart] != 0x30, port <= 65535, port != (https ? 443 : 80) else { return false }
            }
            // The path: non-empty, starting with `/`, no `.` or `..` segment.
            guard i < b.count, b[i] == UInt8(ascii: "/") else { return false }
            var dots = 0, other = 0
            i += 1
            while i <= b.count {
                let c: UInt8 = i < b.count ? b[i] : UInt8(ascii: "/")
                if c == UInt8(ascii: "/") {
                    if other == 0 && (dots == 1 || dots == 2) { return false }
                    dots = 0
                    other = 0
                } else if c == UInt8(ascii: ".") {
                    dots += 1
                } else if (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x5F || c == 0x7E {
                    other += 1
                } else {
                    return false
                }
                i += 1
            }
            return true
        }
    }

    /// The canonical form through `URLComponents`: the definition `canonical` keeps to.
    static func canonicalReference(_ url: String, dropping extra: [String] = []) -> String {
        guard var parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = parts.host, !host.isEmpty
        else { return url }
        parts.scheme = scheme
        parts.host = host.lowercased()
        if (scheme == "http" && parts.port == 80) || (scheme == "https" && parts.port == 443) { parts.port = nil }
        parts.fragment = nil
        parts.percentEncodedPath = normalisedPath(parts.percentEncodedPath)
        if let items = parts.percentEncodedQueryItems {
            let drop = (trackingParameters + extra).map { $0.lowercased() }
            let kept = items.filter { item in !isTracking(item.name, drop) }
            let sorted = kept.enumerated().sorted { a, b in
                if a.element.name != b.element.name { return a.element.name < b.element.name }
                if (a.element.value ?? "") != (b.element.value ?? "") { return (a.element.value ?? "") < (b.element.value ?? "") }
                return a.offset < b.offset
            }.map(\.element)
            parts.percentEncodedQueryItems = sorted.isEmpty ? nil : sorted
        }
        return parts.string ?? url
    }

    static func isTracking(_ name: String, _ drop: [String]) -> Bool {
        let lower = name.lowercased()
        for d in drop {
            if d.hasSuffix("*") ? lower.hasPrefix(d.dropLast()) : lower == d { return true }
        }
        return false
    }

    /// `.` and `..` segments resolved (RFC 3986 5.2.4), `;jsessionid=` path parameters dropped, empty path made `/`.
    static func normalisedPath(_ path: String) -> String {
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, raw) in segments.enumerated() {
            var segment = raw
            if let semicolon = segment.firstIndex(of: ";"),
                segment[segment.index(after: semicolon)...].lowercased().hasPrefix("jsessionid=")
            {
                segment = segment[..<semicolon]
            }
            let last = index == segments.count - 1
            if index == 0 && segment.isEmpty { continue }  // the leading slash
            switch segment {
            case ".": if last { output.append("") }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if last { output.append("") }
            default: output.append(segment)
            }
        }
        return "/" + output.joined(separator: "/")
    }
}
