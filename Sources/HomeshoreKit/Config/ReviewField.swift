/// A field of a review that a recipe can select (a review source's `fields:`).
public enum ReviewField: String, Sendable, CaseIterable, Hashable, Comparable, Codable {
    /// The site's own id of the review; reviews are keyed on it within a source.
    case id
    /// Who wrote it, as the page names them.
    case author
    /// The author's relation to the employer: current or former employee, candidate, customer.
    case role
    /// When it was written: a day, in any form ``DateText`` reads.
    case date
    /// Its rating: `4`, `4/5`, `8 / 10`, or a class such as `star-rating count-3`; normalised to 5.
    case stars
    case title
    case text
    /// A link to the review itself.
    case url

    public static func < (a: ReviewField, b: ReviewField) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
