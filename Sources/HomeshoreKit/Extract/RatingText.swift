import Foundation

/// Ratings as pages write them (`4`, `4,5/5`, `8 / 10`, `4 out of 5`, `star-rating count-3`), out of 5.
public enum RatingText {
    /// A rating out of 5.
    /// - Parameters:
    ///   - value: the rating as given.
    ///   - best: the best rating of its scale; 5 when not given.
    /// - Returns: the rating on a scale of 5, or nil when it makes no sense (a scale of 0, a negative value).
    public static func normalise(_ value: Double, best: Double?) -> Double? {
        let scale = best ?? 5
        guard scale > 0, value >= 0, value <= scale else { return nil }
        return (value / scale * 5 * 100).rounded() / 100
    }

    /// The rating a text gives, out of 5: its first number, over the number after `/`, `sur` or `out of`
    /// when there is one.
    /// - Parameter text: what a recipe selected: text or an attribute such as a class list.
    /// - Returns: the rating out of 5, or nil when the text holds no number.
    public static func parse(_ text: String) -> Double? {
        let numbers = self.numbers(in: text)
        guard let first = numbers.first else { return nil }
        let folded = TextFolding.fold(text)
        var best: Double?
        if numbers.count > 1, folded.contains("/") || folded.contains(" sur ") || folded.contains("out of") {
            best = numbers[1].value
        }
        return normalise(first.value, best: best)
    }

    /// The unsigned decimal numbers of a text (`,` or `.` as decimal point).
    static func numbers(in text: String) -> [(value: Double, offset: Int)] {
        var result: [(Double, Int)] = []
        var current = ""
        var start = 0
        for (offset, char) in text.enumerated() {
            if char.isASCII, char.isNumber {
                if current.isEmpty { start = offset }
                current.append(char)
            } else if (char == "." || char == ","), !current.isEmpty, !current.contains(".") {
                current.append(".")
            } else if !current.isEmpty {
                if current.hasSuffix(".") { current.removeLast() }
                if let v = Double(current) { result.append((v, start)) }
                current = ""
            }
        }
        if current.hasSuffix(".") { current.removeLast() }
        if !current.isEmpty, let v = Double(current) { result.append((v, start)) }
        return result
    }
}
