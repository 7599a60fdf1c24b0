import Foundation

/// Durations (`500ms`, `1s`, `24h`, `7d`, `2w`) and points in time (durations ago, ISO dates) as users write them.
public enum TimeSpec {
    /// Parses a duration such as `0`, `1.5s`, `500ms`, `30m`, `24h`, `7d`, `2w`, in seconds.
    /// - Parameter text: the duration as written; a bare number is seconds.
    /// - Returns: the duration in seconds, or nil when the text is not a duration.
    public static func seconds(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !t.isEmpty else { return nil }
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400), ("w", 604_800)]
        for (suffix, factor) in units where t.hasSuffix(suffix) {
            let number = t.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
            if let value = Double(number), value >= 0, value.isFinite { return value * factor }
            if suffix == "s" || suffix == "m" { continue }  // "ms" ends in "s"; let the loop try others
            return nil
        }
        if let value = Double(t), value >= 0, value.isFinite { return value }
        return nil
    }

    /// Parses a point in time: a duration meaning "that long ago" (`24h`, `7d`), or a date
    /// (`2026-11-28`, `2026-11-28T06:00:00Z`).
    /// - Parameters:
    ///   - text: what the user wrote.
    ///   - now: the present, for durations.
    /// - Returns: the instant, or nil when the text is neither.
    public static func instant(_ text: String, now: Date = Date()) -> Date? {
        if let seconds = seconds(text) { return now.addingTimeInterval(-seconds) }
        return DateText.parse(text)
    }
}
