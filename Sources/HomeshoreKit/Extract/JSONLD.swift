import Foundation

/// JSON-LD blocks of a page, parsed, with the schema.org objects of a given type found wherever they sit:
/// at the top level, in arrays, in `@graph`, in an `ItemList`, or nested in another object.
public struct JSONLD {
    /// The parsed top-level values, one per block that parsed.
    public var values: [Any]
    /// One message per block that did not parse, saying why.
    public var warnings: [String]
    /// Objects that carry an `@id`, for resolving references such as `"hiringOrganization": {"@id": "#org"}`.
    private var identified: [String: [String: Any]] = [:]

    /// Parses the text of JSON-LD `<script>` blocks; a malformed block is skipped with a warning.
    /// - Parameters:
    ///   - blocks: the contents of the `<script type="application/ld+json">` elements.
    ///   - url: the page, named in warnings.
    public init(blocks: [String], url: String) {
        values = []
        warnings = []
        for (index, block) in blocks.enumerated() {
            var trimmed = HTMLText.trimmingWhitespaceAndNewlines(block)
            guard !trimmed.isEmpty else { continue }
            // The common case read by FastJSON; anything it is unsure of (and every error) by JSONSerialization.
            if let value = trimmed.withUTF8({ FastJSON.parse($0) }) {
                values.append(value)
                register(value, depth: 0)
                continue
            }
            do {
                let value = try JSONSerialization.jsonObject(with: Data(trimmed.utf8), options: [.fragmentsAllowed])
                values.append(value)
                register(value, depth: 0)
            } catch {
                let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "invalid JSON"
                warnings.append("\(url): JSON-LD block \(index + 1) skipped: \(reason)")
            }
        }
    }

    private mutating func register(_ value: Any, depth: Int) {
        guard depth < 12 else { return }
        if let array = value as? [Any] {
            for item in array where !Self.isLeaf(item) { register(item, depth: depth + 1) }
        } else if let object = value as? [String: Any] {
            if let id = object["@id"] as? String, object.count > 1, identified[id] == nil { identified[id] = object }
            for child in object.values where !Self.isLeaf(child) && (child is [Any] || child is [String: Any]) {
                register(child, depth: depth + 1)
            }
        }
    }

    /// True for a string, a number or null as the JSON readers make them, told by their type alone (a value of
    /// another type goes through the casts): most values of a page's JSON-LD are such leaves, and each failed cast
    /// to an array or a dictionary went through the runtime's slow path.
    @inline(__always)
    private static func isLeaf(_ value: Any) -> Bool {
        let type = Swift.type(of: value)
        return type == String.self || type == NSNumber.self || type == NSNull.self
    }

    /// A value with a bare reference (`{"@id": "#org"}`) replaced by the object it names on the page.
    public func resolve(_ value: Any?) -> Any? {
        if let object = value as? [String: Any], object.count == 1, let id = object["@id"] as? String {
            return identified[id] ?? value
        }
        return value
    }

    /// Every object whose `@type` is one of `types`, in document order.
    public func objects(ofType types: Set<String>) -> [[String: Any]] {
        var found: [[String: Any]] = []
        for value in values { collect(value, types: types, into: &found, depth: 0) }
        return found
    }

    private func collect(_ value: Any, types: Set<String>, into found: inout [[String: Any]], depth: Int) {
        guard depth < 12 else { return }
        if let array = value as? [Any] {
            for item in array { collect(item, types: types, into: &found, depth: depth + 1) }
            return
        }
        guard let object = value as? [String: Any] else { return }
        if JSONLD.types(of: object).contains(where: types.contains) {
            found.append(object)
            return
        }
        for key in ["@graph", "itemListElement", "item", "mainEntity", "about", "hasPart"] {
            if let child = object[key] { collect(child, types: types, into: &found, depth: depth + 1) }
        }
    }

    /// The `@type` of an object as a list (a type may be one string or an array), without any schema prefix.
    static func types(of object: [String: Any]) -> [String] {
        let raw: [String]
        if let one = object["@type"] as? String { raw = [one] }
        else if let many = object["@type"] as? [String] { raw = many }
        else { raw = [] }
        return raw.map { type in
            if let slash = type.lastIndex(where: { $0 == "/" || $0 == ":" }) { return String(type[type.index(after: slash)...]) }
            return type
        }
    }

    /// A value read as text: strings as they are, numbers printed, `{"name": ...}` or `{"value": ...}` objects
    /// by their name or value, the first element of arrays.
    static func text(_ value: Any?) -> String? {
        switch value {
        case let s as String:
            let t = HTMLText.normalizeSpace(s)
            return t.isEmpty ? nil : t
        case let n as NSNumber: return n.stringValue
        case let array as [Any]: return array.lazy.compactMap { text($0) }.first
        case let object as [String: Any]: return text(object["name"] ?? object["value"] ?? object["@value"])
        default: return nil
        }
    }

    /// A value read as a number, from a JSON number or a numeric string (`"1850.00"`, `"1 850,50"`).
    static func number(_ value: Any?) -> Double? {
        switch value {
        case let n as NSNumber: return n.doubleValue
        case let s as String: return SalaryText.numbers(in: s).first
        default: return nil
        }
    }
}
