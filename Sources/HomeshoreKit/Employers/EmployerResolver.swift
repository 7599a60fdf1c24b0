import Foundation

/// Resolves employer names to one employer: "EODOM", "Eodom SAS", "eodom.com" and "Éodom" share a key, and the
/// aliases of `sources.yaml` (`Concentrix: [Webhelp]`) map other names onto their employer.
///
/// The key is the name lower-cased, accents folded, legal forms (SAS, SARL, SA, SASU, EURL, Inc, Ltd, LLC, GmbH...)
/// and "Group"/"Groupe" dropped, punctuation and spaces removed; a domain is reduced to its name (eodom.com →
/// eodom). Nothing else is dropped: two names that differ by a word ("Vocalia Services", "Vocalia Conseil") keep
/// different keys, so sharing a word never merges two employers.
public struct EmployerResolver: Sendable {
    /// Alias key → the employer's configured name.
    public private(set) var aliases: [String: String] = [:]

    static let legalForms: Set<String> = [
        "sas", "sarl", "sa", "sasu", "eurl", "sci", "snc", "sca", "scop", "selarl", "ei", "eirl",
        "inc", "incorporated", "ltd", "limited", "llc", "llp", "plc", "corp", "corporation", "gmbh", "ag", "bv", "nv",
        "srl", "spa", "group", "groupe", "holding",
    ]
    static let secondLevel: Set<String> = ["co", "com", "org", "net", "gouv", "ac", "gov"]

    /// A resolver with the aliases of `sources.yaml`.
    /// - Parameter aliases: each employer's configured name and its other names.
    public init(aliases configured: [String: [String]] = [:]) {
        for (employer, others) in configured.sorted(by: { $0.key < $1.key }) {
            for name in [employer] + others {
                let key = Self.key(name)
                if !key.isEmpty { aliases[key] = employer }
            }
        }
    }

    /// The employer a name stands for.
    /// - Parameter name: an employer's name as a page or the configuration writes it.
    /// - Returns: its key and the name to show: the configured name of an alias, else the name as given.
    public func resolve(_ name: String) -> (key: String, name: String) {
        let key = Self.key(name)
        if let employer = aliases[key] { return (Self.key(employer), employer) }
        return (key, HTMLText.normalizeSpace(name))
    }

    /// The normalised key of an employer's name.
    /// - Parameter name: any spelling of the name, or its web domain.
    /// - Returns: the key; empty for a name with no letters or digits.
    public static func key(_ name: String) -> String {
        var text = TextFolding.fold(HTMLText.normalizeSpace(name))
        if let domain = domainName(text) { text = domain }
        // Dotted initials ("s.a.s.") and dotted words join up; other punctuation separates words.
        text = text.replacingOccurrences(of: ".", with: "")
        text = text.replacingOccurrences(of: "&", with: " and ")
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        let kept = words.filter { !legalForms.contains($0) }
        return (kept.isEmpty ? words : kept).joined()
    }

    /// The name of a domain or web address ("eodom.com", "https://www.eodom.fr/carrieres", "bt.co.uk"), or nil
    /// when the text is not one.
    static func domainName(_ text: String) -> String? {
        var host = text
        if let scheme = host.range(of: "://") { host = String(host[scheme.upperBound...]) }
        if let slash = host.firstIndex(of: "/") { host = String(host[..<slash]) }
        guard !host.contains(" "), host.contains(".") else { return nil }
        var labels = host.split(separator: ".").map(String.init)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }),
            let tld = labels.last, tld.count >= 2, tld.count <= 6, tld.allSatisfy(\.isLetter)
        else { return nil }
        labels.removeLast()
        if labels.count >= 2, secondLevel.contains(labels.last!) { labels.removeLast() }
        if labels.first == "www" || labels.first == "fr" || labels.first == "en", labels.count >= 2 { labels.removeFirst() }
        return labels.last
    }
}
