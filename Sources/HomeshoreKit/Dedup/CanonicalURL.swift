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
