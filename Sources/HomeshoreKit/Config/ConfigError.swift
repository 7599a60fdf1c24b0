import Foundation

/// A problem found in `sources.yaml`, located by file, line and column.
public struct ConfigError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file the problem is in, as the user named it.
    public var file: String
    /// The 1-based line, or 0 when the problem concerns the whole file.
    public var line: Int
    /// The 1-based column, or 0 when unknown.
    public var column: Int
    /// What is wrong, in plain words.
    public var message: String
    /// What to do about it, when there is something to suggest.
    public var hint: String?

    public init(file: String, line: Int, column: Int, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    public var description: String {
        var location = file
        if line > 0 { location += ":\(line)" }
        if column > 0 { location += ":\(column)" }
        var text = "\(location): \(message)"
        if let hint { text += " (\(hint))" }
        return text
    }
}

/// Every problem found in one `sources.yaml`, so that `sources check` reports them all at once.
public struct ConfigErrors: Error, CustomStringConvertible, Sendable {
    /// The problems, in the order of the file.
    public var errors: [ConfigError]

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}

/// The closest of `candidates` to `word`, when it is close enough to be a likely typo.
func nearest(_ word: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    return best.1 <= max(2, word.count / 3) ? best.0 : nil
}

/// Levenshtein distance between two strings, counted in characters.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
