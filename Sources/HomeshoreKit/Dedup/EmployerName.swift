/// Employer names reduced to a key for grouping offers: "DOMICALL SAS", "Domicall" and "Domicall Groupe" give the
/// same key, and `employers:` aliases in sources.yaml map other names onto their employer.
///
/// This is a small normaliser of the Dedup stage's own; once the shared employer resolver (Reputation/) lands, it
/// should use that resolver so that reputation and grouping agree on who is who.
public struct EmployerName: Sendable {
    /// Legal forms and group words dropped wherever they stand in a name.
    static let legalForms: Set<String> = [
        "sas", "sarl", "sa", "sasu", "eurl", "sci", "snc", "inc", "ltd", "limited", "llc", "gmbh", "group", "groupe",
        "plc", "bv", "ag", "spa", "srl", "co", "corp",
    ]

    private var aliases: [String: String] = [:]

    /// - Parameter aliases: `employers:` from sources.yaml: each key is the employer, its values other names.
    public init(aliases: [String: [String]] = [:]) {
        for (employer, others) in aliases {
            let target = Self.fold(employer)
            for other in others { self.aliases[Self.fold(other)] = target }
        }
    }

    /// The key of an employer name: folded (case, accents, punctuation), legal forms dropped, aliases applied;
    /// empty when there is no name.
    public func key(_ name: String?) -> String {
        key(folded: name.map(Self.fold))
    }

    /// The key of an employer name already folded by ``fold(_:)`` (kept so, before aliases, with an offer's
    /// grouping features: sources.yaml's aliases may change between runs).
    func key(folded: String?) -> String {
        guard let folded else { return "" }
        return aliases[folded] ?? folded
    }

    /// Lower case, no accents, no punctuation, no legal form, words joined without spaces ("Call Home" and
    /// "CallHome" are one employer).
    static func fold(_ name: String) -> String {
        let words = DedupText.words(TextFolding.fold(name))
        let kept = words.filter { !legalForms.contains($0) }
        return (kept.isEmpty ? words : kept).joined()
    }
}
