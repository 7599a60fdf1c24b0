import Foundation
import Yams

/// Walks the YAML node tree of `sources.yaml`, building the model and collecting located errors.
struct NodeReader {
    let file: String
    var errors: [ConfigError] = []

    init(file: String) { self.file = file }

    mutating func fail(_ node: Node?, _ message: String, hint: String? = nil) {
        let mark = node?.mark
        errors.append(ConfigError(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, message: message, hint: hint))
    }

    func yamlError(_ error: YamlError) -> ConfigError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return ConfigError(file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(detail)",
                hint: "check indentation, quotes and colons on this line and the one before")
        case .reader(let problem, _, _, _):
            return ConfigError(file: file, line: 0, column: 0, message: "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ConfigError(file: file, line: context.mark.line, column: context.mark.column,
                message: "duplicate key '\(duplicates.joined(separator: "', '"))'")
        default:
            return ConfigError(file: file, line: 0, column: 0, message: "invalid YAML: \(error)")
        }
    }

    // MARK: - Typed readers

    /// The pairs of a mapping, each key checked against `known`.
    mutating func entries(_ node: Node, known: [String], what: String) -> [(key: String, keyNode: Node, value: Node)] {
        guard case .mapping(let mapping) = node else {
            fail(node, "\(what) must be a mapping of key: value")
            return []
        }
        var result: [(String, Node, Node)] = []
        var seen = Set<String>()
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else {
                fail(keyNode, "keys of \(what) must be plain words")
                continue
            }
            if !known.contains(key) {
                let suggestion = nearest(key, in: known).map { "did you mean '\($0)'?" }
                    ?? "known keys: \(known.joined(separator: ", "))"
                fail(keyNode, "unknown key '\(key)' in \(what)", hint: suggestion)
                continue
            }
            if !seen.insert(key).inserted {
                fail(keyNode, "key '\(key)' is given twice in \(what)")
                continue
            }
            result.append((key, keyNode, value))
        }
        return result
    }

    mutating func string(_ node: Node, _ key: String) -> String? {
        guard case .scalar(let scalar) = node else {
            fail(node, "'\(key)' must be a single value, not a list or mapping")
            return nil
        }
        return scalar.string
    }

    mutating func int(_ node: Node, _ key: String, range: ClosedRange<Int>) -> Int? {
        guard let text = string(node, key) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            fail(node, "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
            return nil
        }
        return value
    }

    mutating func duration(_ node: Node, _ key: String) -> Double? {
        guard let text = string(node, key) else { return nil }
        guard let seconds = TimeSpec.seconds(text) else {
            fail(node, "'\(key)' must be a duration such as 0s, 500ms, 1s, 24h or 7d, not '\(text)'")
            return nil
        }
        return seconds
    }

    mutating func strings(_ node: Node, _ key: String) -> [String]? {
        switch node {
        case .scalar(let scalar): return [scalar.string]
        case .sequence(let sequence):
            var result: [String] = []
            for item in sequence {
                guard let value = string(item, key) else { return nil }
                result.append(value)
            }
            return result
        default:
            fail(node, "'\(key)' must be a value or a list of values")
            return nil
        }
    }

    mutating func selector(_ node: Node, _ key: String) -> Selector? {
        guard let text = string(node, key) else { return nil }
        do {
            return try Selector(parsing: text)
        } catch {
            fail(node, "\(key): \(error)", hint: "selectors are \"css: SELECTOR\", \"css: SELECTOR @attribute\" or \"xpath: EXPRESSION\"")
            return nil
        }
    }

    mutating func url(_ node: Node, _ key: String) -> String? {
        guard let text = string(node, key) else { return nil }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty
        else {
            fail(node, "'\(text)' is not an http or https URL")
            return nil
        }
        return text
    }
}

extension Node {
    /// The text of a scalar node.
    var string: String? {
        if case .scalar(let scalar) = self { return scalar.string }
        return nil
    }
}
