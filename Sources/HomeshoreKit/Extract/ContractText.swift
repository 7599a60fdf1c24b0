import Foundation

/// Reads contract types from the words of a page and from schema.org employment types.
public enum ContractText {
    static let words: [(String, [String])] = [
        ("portage", ["portage salarial", "portage"]),
        ("cdi", ["cdi", "contrat à durée indéterminée", "permanent"]),
        ("cdd", ["cdd", "contrat à durée déterminée", "fixed-term", "fixed term"]),
        ("interim", ["intérim", "interim", "intérimaire", "travail temporaire", "mission d'intérim"]),
        ("freelance", ["freelance", "free-lance", "auto-entrepreneur", "autoentrepreneur", "micro-entrepreneur",
                       "micro-entreprise", "indépendant", "independant", "contractor"]),
        ("apprenticeship", ["alternance", "apprentissage", "apprenti", "contrat pro", "apprenticeship"]),
        ("internship", ["stage", "stagiaire", "internship", "intern"]),
    ]

    /// The canonical contract named by a short text such as a listing's badge (`CDI`, `Intérim`, `Freelance`).
    /// - Returns: the contract token, or the text itself (spaces collapsed) when it names none of them.
    public static func normalise(_ text: String) -> String? {
        let t = HTMLText.normalizeSpace(text)
        guard !t.isEmpty else { return nil }
        let lower = t.lowercased()
        for (token, names) in words where names.contains(where: { containsWord(lower, $0) }) {
            return token
        }
        return t
    }

    /// The contract implied by schema.org employment types (`CONTRACTOR` → freelance, `INTERN` → internship,
    /// `TEMPORARY` → cdd); full and part time say nothing about the contract.
    public static func fromEmploymentTypes(_ types: [String]) -> String? {
        for type in types {
            if let known = schemaTypes[type] {
                if let known { return known }
            } else if let token = fromEmploymentType(type) {
                return token
            }
        }
        return nil
    }

    /// What one employment type says of the contract.
    static func fromEmploymentType(_ type: String) -> String? {
        switch type.uppercased().replacingOccurrences(of: "-", with: "_") {
        case "CONTRACTOR": return "freelance"
        case "INTERN", "INTERNSHIP": return "internship"
        case "TEMPORARY": return "cdd"
        default:
            if let token = normalise(type), words.contains(where: { $0.0 == token }) { return token }
            return nil
        }
    }

    /// `fromEmploymentType` of schema.org's employment types as pages write them, worked out once: nearly every
    /// JobPosting carries one of these, and `normalise` searches a dozen words in it.
    static let schemaTypes: [String: String?] = {
        let names = ["FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER"]
        var table: [String: String?] = [:]
        for name in names {
            for spelling in [name, name.lowercased(), name.replacingOccurrences(of: "_", with: "-")] {
                table[spelling] = .some(fromEmploymentType(spelling))
            }
        }
        return table
    }()

    static func containsWord(_ text: String, _ word: String) -> Bool {
        var searchRange = text.startIndex..<text.endIndex
        while let range = text.range(of: word, range: searchRange) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if !(before?.isLetter ?? false) && !(after?.isLetter ?? false) { return true }
            searchRange = range.upperBound..<text.endIndex
        }
        return false
    }
}
