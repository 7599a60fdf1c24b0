import Foundation
import Testing
@testable import HomeshoreKit

/// FastJSON gives what JSONSerialization gives, or nothing: on every JSON-LD block of the demo sites and of the
/// real pages (when ../shared is there), on generated JSON with every kind of string, number and nesting, and on
/// broken and unusual JSON (which it must leave to JSONSerialization).
@Suite struct FastJSONTests {
    /// The same value, down to the types: strings, numbers (with their text and whether they are booleans),
    /// nulls, arrays and objects.
    static func same(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case let (x as String, y as String): return Array(x.utf8) == Array(y.utf8)
        case let (x as NSNumber, y as NSNumber):
            return x.stringValue == y.stringValue && String(describing: type(of: x)) == String(describing: type(of: y))
                && x.doubleValue.bitPattern == y.doubleValue.bitPattern
        case (is NSNull, is NSNull): return true
        case let (x as [Any], y as [Any]): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case let (x as [String: Any], y as [String: Any]):
            return x.count == y.count && x.allSatisfy { key, value in y[key].map { same(value, $0) } ?? false }
        default: return false
        }
    }

    static func reference(_ text: String) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    static func fast(_ text: String) -> Any? {
        var text = text
        return text.withUTF8 { FastJSON.parse($0) }
    }

    /// Every JSON-LD block of the HTML pages under a folder.
    static func blocks(under folder: URL) -> [String] {
        let files = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".html") }
        return files.flatMap { file -> [String] in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) else { return [] }
            return PageScan.jsonLDBlocks(in: [UInt8](data)).map { HTMLText.trimmingWhitespaceAndNewlines($0) }
        }
    }

    @Test func pagesBlocksReadAsJSONSerializationReadsThem() throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let repo = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var blocks = Self.blocks(under: repo.appendingPathComponent("Sources/HomeshoreKit/Resources/DemoSites"))
        blocks += Self.blocks(under: here.deletingLastPathComponent().appendingPathComponent("Fixtures"))
        let shared = repo.deletingLastPathComponent().appendingPathComponent("shared/realworld")
        if FileManager.default.fileExists(atPath: shared.path) { blocks += Self.blocks(under: shared) }
        var fastRead = 0
        for block in blocks {
            guard let value = Self.fast(block) else { continue }
            fastRead += 1
            let reference = try #require(Self.reference(block), "FastJSON read what JSONSerialization refuses: \(block.prefix(200))")
            #expect(Self.same(value, reference), "\(block.prefix(200))")
        }
        #expect(blocks.count >= 20)
        #expect(fastRead * 10 >= blocks.count * 8, "\(fastRead) of \(blocks.count) blocks read fast")
    }

    /// A small deterministic generator of JSON values and their text.
    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        static let pieces = ["Téléconseiller", " H/F", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\b", "\\f", "\\r", "\\u00e9", "\\u20AC",
                             "\\ud83d\\ude00", "😀", "€", "<p>", "&amp;", "\\u0000", "\\u001f", "x", " ", "\\uD800", "\\uDC00x",
                             "\\uZZZZ", "\\q", "é", "\u{7F}"]
        static let numbers = ["0", "-1", "12", "30000", "1850.5", "12.50", "0.1", "-0", "-0.0", "01", "1.", ".5", "1e3", "2E-2",
                              "9223372036854775807", "9223372036854775808", "123456789012345678", "1234567890123.45",
                              "12345678901234.567", "-3.25", "1.0000000000000002", "00", "-", "+1"]
        mutating func value(_ depth: Int) -> String {
            switch next(depth > 3 ? 4 : 7) {
            case 0: return "\"" + (0..<next(5)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined() + "\""
            case 1: return Self.numbers[next(Self.numbers.count)]
            case 2: return ["true", "false", "null", "tru", "nul"][next(5)]
            case 3: return "\"@type\""
            case 4, 5:
                let members = (0..<next(5)).map { _ in "\"" + ["@type", "name", "a", "a", "é", "\\u0041"][next(6)] + "\"" + space() + ":" + space() + value(depth + 1) }
                return "{" + space() + members.joined(separator: "," + space()) + (next(8) == 0 ? "," : "") + space() + "}"
            default:
                let items = (0..<next(5)).map { _ in value(depth + 1) }
                return "[" + items.joined(separator: space() + "," + space()) + (next(8) == 0 ? "," : "") + "]"
            }
        }
        mutating func space() -> String { ["", " ", "\n  ", "\t", "\r\n"][next(5)] }
    }

    @Test func generatedJSONReadsAsJSONSerializationReadsIt() throws {
        var generator = Generator(state: 20261130)
        var fastRead = 0, refused = 0, total = 0
        for round in 0..<6000 {
            var text = generator.value(0)
            if round % 5 == 0, !text.isEmpty { text = String(text.prefix(generator.next(text.count + 1))) }  // cut short
            if round % 7 == 0 { text = generator.space() + text + generator.space() }
            total += 1
            let reference = Self.reference(text)
            if let value = Self.fast(text) {
                fastRead += 1
                let reference = try #require(reference, "FastJSON read what JSONSerialization refuses: \(text)")
                #expect(Self.same(value, reference), "\(text)")
            } else if reference == nil {
                refused += 1
            }
        }
        #expect(fastRead > total / 4)
        #expect(refused > total / 10)
    }

    @Test func unusualJSONIsLeftToJSONSerialization() {
        for text in ["{\"a\":1,}", "[1,2,]", "{\"a\":01}", "{\"a\":1e3}", "{\"a\":-0}", "{\"a\":\"\\uD800\"}", "{\"a\":\"x\ny\"}",
                     "{\"a\":123456789012345678901}", "{\"a\":1.234567890123456}", "{\"a\":1} x", ""] {
            #expect(Self.fast(text) == nil, "\(text)")
        }
        #expect(Self.fast("  {\"a\" : [1, 2.5, \"\\u00e9\\ud83d\\ude00\", true, null, {}], \"a\": \"last\"} ").map {
            Self.same($0, Self.reference("{\"a\": \"last\"}")!) } == true)
    }
}
