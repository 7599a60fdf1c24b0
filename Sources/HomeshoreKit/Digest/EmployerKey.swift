import Foundation

/// The normalised form of an employer name used to block employers: lower case, no accents, no punctuation, no
/// legal form (`SAS`, `SARL`...), so that "DOMICALL SAS" and "Domicall" are one.
public enum EmployerKey {
    static let legalForms: Set<String> = ["sas", "sasu", "sarl", "sa", "eurl", "sci", "scop", "ltd", "inc", "gmbh", "srl"]

    /// The key of an employer name.
    public static func normalise(_ name: String) -> String {
        let folded = OfferQuery.fold(name)
        let words = folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        var kept = words
        while kept.count > 1, let last = kept.last, legalForms.contains(last) { kept.removeLast() }
        return kept.joined(separator: " ")
    }
}
