import Foundation

/// A robots.txt file read per RFC 9309: the groups that apply to one product token, and the matching of paths
/// against their rules (longest match wins, allow wins a tie, `*` and `$` understood).
public struct RobotsTxt: Sendable, Equatable {
    /// One allow or disallow line.
    public struct Rule: Sendable, Equatable {
        public var allow: Bool
        /// The path pattern, percent-encoding normalised.
        public var pattern: String
    }

    /// The rules of the groups that apply to our product token (or to `*` when none names it), merged.
    public var rules: [Rule]
    /// The `Crawl-delay` of those groups, in seconds, when one is given.
    public var crawlDelay: Double?

    /// A robots.txt that allows everything (no file, or a 4xx answer).
    public static let allowAll = RobotsTxt(rules: [], crawlDelay: nil)
    /// A robots.txt that disallows everything (a 5xx or 429 answer, or the network failed).
    public static let disallowAll = RobotsTxt(rules: [Rule(allow: false, pattern: "/")], crawlDelay: nil)

    /// The most of a robots.txt that is read (RFC 9309 asks parsers to read at least 500 KiB).
    public static let maxBytes = 512 * 1024

    init(rules: [Rule], crawlDelay: Double?) {
        self.rules = rules
        self.crawlDelay = crawlDelay
    }

    /// Parses a robots.txt for one product token.
    /// - Parameters:
    ///   - text: the file's bytes (only the first 512 KiB are read).
    ///   - productToken: our product token, e.g. `Homeshore` (compared without case).
    public init(_ bytes: [UInt8], productToken: String) {
        let text = String(decoding: bytes.prefix(Self.maxBytes), as: UTF8.self)
        let token = productToken.lowercased()
        struct Group {
            var agents: [String] = []
            var rules: [Rule] = []
            var crawlDelay: Double?
        }
        var groups: [Group] = []
        var current: Group?
        var lastWasAgent = false
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user-agent", "useragent", "user agent":
                if !lastWasAgent {
                    if let current { groups.append(current) }
                    current = Group()
                }
                current?.agents.append(value.lowercased())
                lastWasAgent = true
            case "allow", "disallow":
                lastWasAgent = false
                guard current != nil, !value.isEmpty else { continue }
                current?.rules.append(Rule(allow: key == "allow", pattern: Self.normalise(value)))
            case "crawl-delay", "crawldelay":
                lastWasAgent = false
                if let seconds = Double(value), seconds >= 0, seconds.isFinite { current?.crawlDelay = seconds }
            default:
                // sitemap and unknown lines end no group (RFC 9309 2.2.4); they are ignored.
                continue
            }
        }
        if let current { groups.append(current) }
        func named(_ agent: String) -> Bool {
            // A user-agent line matches when it is our product token (a trailing version or `*` is tolerated).
            let name = agent.split(whereSeparator: { $0 == "/" || $0 == " " }).first.map(String.init) ?? agent
            return name == token
        }
        var chosen = groups.filter { $0.agents.contains(where: named) }
        if chosen.isEmpty { chosen = groups.filter { $0.agents.contains("*") } }
        rules = chosen.flatMap(\.rules)
        crawlDelay = chosen.compactMap(\.crawlDelay).max()
    }

    /// Whether a URL's path (and query) may be fetched.
    /// - Parameter url: an absolute URL or a path such as `/jobs?q=x`.
    public func allows(_ url: String) -> Bool {
        let path = Self.pathAndQuery(of: url)
        if path == "/robots.txt" { return true }
        var best: Rule?
        for rule in rules where Self.matches(rule.pattern, path) {
            guard let current = best else {
                best = rule
                continue
            }
            let length = rule.pattern.utf8.count, bestLength = current.pattern.utf8.count
            if length > bestLength || (length == bestLength && rule.allow && !current.allow) { best = rule }
        }
        return best?.allow ?? true
    }

    /// The path and query of a URL, percent-encoding normalised; `/` when the path is empty.
    static func pathAndQuery(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            if let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) {
                rest = rest[slash...]
            } else {
                rest = "/"
            }
        }
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var path = String(rest)
        if path.isEmpty || path.first == "?" { path = "/" + path }
        return normalise(path)
    }

    /// Percent-encodes bytes outside printable ASCII, decodes escapes of unreserved characters (`%7E` is `~`) and
    /// upper-cases the other escapes, so that a pattern and a path written differently compare equal.
    static func normalise(_ text: String) -> String {
        var out = ""
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "%"), i + 2 < bytes.count, isHex(bytes[i + 1]), isHex(bytes[i + 2]) {
                let hex = String(UnicodeScalar(bytes[i + 1])) + String(UnicodeScalar(bytes[i + 2]))
                let decoded = UInt8(hex, radix: 16)!
                if isUnreserved(decoded) {
                    out.unicodeScalars.append(UnicodeScalar(decoded))  // %7E and ~ are the same path
                } else {
                    out += "%" + hex.uppercased()
                }
                i += 3
                continue
            }
            if b > 0x20 && b < 0x7F {
                out.unicodeScalars.append(UnicodeScalar(b))
            } else {
                out += String(format: "%%%02X", b)
            }
            i += 1
        }
        return out
    }

    static func isUnreserved(_ b: UInt8) -> Bool {
        (48...57).contains(b) || (65...90).contains(b) || (97...122).contains(b) || b == 45 || b == 46 || b == 95 || b == 126
    }

    static func isHex(_ b: UInt8) -> Bool {
        (48...57).contains(b) || (65...70).contains(b) || (97...102).contains(b)
    }

    /// Matches a robots.txt pattern (a prefix, with `*` for any run of characters and a final `$` anchoring the
    /// end) against a path.
    static func matches(_ pattern: String, _ path: String) -> Bool {
        var p = Array(pattern.utf8)
        let s = Array(path.utf8)
        var anchored = false
        if p.last == UInt8(ascii: "$") {
            anchored = true
            p.removeLast()
        }
        // Iterative wildcard matching with backtracking on the last star.
        var pi = 0, si = 0
        var star = -1, starSi = 0
        while si < s.count {
            if pi < p.count && p[pi] == UInt8(ascii: "*") {
                star = pi
                starSi = si
                pi += 1
            } else if pi < p.count && p[pi] == s[si] {
                pi += 1
                si += 1
            } else if pi == p.count && !anchored {
                return true  // the pattern is a prefix of the path
            } else if star >= 0 {
                pi = star + 1
                starSi += 1
                si = starSi
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }
}
