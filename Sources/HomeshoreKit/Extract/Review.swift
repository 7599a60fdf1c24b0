import Foundation

/// One review of an employer, as a review page gives it.
public struct Review: Sendable, Codable, Hashable {
    /// The source (in `sources.yaml`) that found it.
    public var source: String
    /// The page it was read from, or its own link when the page gives one.
    public var url: String
    /// The employer the review is about, as the source configures it.
    public var employer: String
    /// The site's own id of the review, when it gives one.
    public var reviewID: String?
    /// Who wrote it, as the page names them.
    public var author: String?
    /// The author's relation to the employer, when the page says.
    public var role: ReviewRole?
    /// The text the role was read from ("Current employee - QA Analyst").
    public var roleText: String?
    /// The day it was written, `YYYY-MM-DD`.
    public var date: String?
    /// Its rating out of 5, whatever scale the page used.
    public var stars: Double?
    public var title: String?
    public var text: String?
    /// `fr` or `en`: the page's `inLanguage`, else detected from the text.
    public var language: String?

    /// Makes a review with only its source, page and employer.
    public init(source: String, url: String, employer: String) {
        self.source = source
        self.url = url
        self.employer = employer
    }

    /// What the review is keyed on within its source: the site's id, else a hash of author, date and title.
    public var key: String {
        if let reviewID, !reviewID.isEmpty { return "id:" + reviewID }
        let parts = [author ?? "", date ?? "", title ?? "", title == nil ? String((text ?? "").prefix(200)) : ""]
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "\u{0}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return "h:" + String(hash, radix: 16)
    }

    /// The text the analysis reads: the title, then the body.
    public var fullText: String {
        [title, text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ". ")
    }

    /// Fills the language from the text when the page did not give it.
    mutating func completeLanguage() {
        if let given = language {
            let code = given.lowercased().prefix(2)
            language = code.isEmpty ? nil : String(code)
        }
        if language == nil, !fullText.isEmpty { language = ReviewLanguage.detect(fullText).rawValue }
    }
}

/// The author's relation to the employer a review is about.
public enum ReviewRole: String, Sendable, Codable, Hashable, CaseIterable {
    case currentEmployee = "current-employee"
    case formerEmployee = "former-employee"
    case candidate
    case customer

    static let cues: [(ReviewRole, [String])] = [
        (.formerEmployee, ["former employee", "ancien employe", "ancienne employee", "ancien salarie",
                           "ancienne salariee", "ex-employe", "ex-salarie", "ancien collaborateur", "ancienne collaboratrice"]),
        (.currentEmployee, ["current employee", "employe actuel", "employee actuelle", "salarie actuel",
                            "salariee actuelle", "collaborateur actuel", "collaboratrice actuelle"]),
        (.candidate, ["candidate", "candidat", "candidate a un emploi", "job applicant", "interview candidate"]),
        (.customer, ["customer", "client", "cliente", "verified buyer", "acheteur"]),
    ]

    /// The role a text names, such as an author line "Current employee - QA Analyst" or
    /// "Channel Account Executive (Current Employee)".
    /// - Parameters:
    ///   - text: the text.
    ///   - employeesOnly: look only for current and former employees (for a whole review's text, where
    ///     "client" means something else).
    /// - Returns: the role, or nil when the text names none.
    public static func detect(_ text: String, employeesOnly: Bool = false) -> ReviewRole? {
        let folded = TextFolding.fold(text)
        for (role, words) in cues {
            if employeesOnly, role != .currentEmployee, role != .formerEmployee { continue }
            for word in words where containsWord(folded, word) { return role }
        }
        return nil
    }

    private static func containsWord(_ text: String, _ word: String) -> Bool {
        var search = text.startIndex..<text.endIndex
        while let range = text.range(of: word, range: search) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if !(before?.isLetter ?? false), !(after?.isLetter ?? false) { return true }
            search = range.upperBound..<text.endIndex
        }
        return false
    }
}

/// A page's overall rating of the employer (schema.org `AggregateRating` or `EmployerAggregateRating`).
public struct ReviewAggregate: Sendable, Codable, Hashable {
    /// The rating out of 5, whatever scale the page used.
    public var rating: Double
    /// How many reviews or ratings it sums up.
    public var count: Int?
    /// The name of what is rated, as the page writes it.
    public var name: String?
}

/// What one review page yields.
public struct ReviewExtraction: Sendable, Codable {
    public var reviews: [Review]
    public var aggregate: ReviewAggregate?
    /// The next page of reviews, when there is one.
    public var next: String?
    public var warnings: [String]
    public var encoding: String
}
