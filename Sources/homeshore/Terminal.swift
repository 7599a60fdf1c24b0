import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Small helpers for printing: TTY detection, a progress line on stderr, JSON.
enum Terminal {
    static func isTTY(stderr: Bool = false) -> Bool {
        isatty(stderr ? 2 : 1) == 1
    }

    /// Rewrites the progress line on stderr; nil clears it.
    static func progress(_ text: String?) {
        let line = text.map { "\r\u{1B}[2K" + $0 } ?? "\r\u{1B}[2K"
        FileHandle.standardError.write(Data(line.utf8))
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Prints to stderr.
    static func warn(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
