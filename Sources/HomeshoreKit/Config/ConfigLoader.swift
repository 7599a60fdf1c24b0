import Foundation
import Yams

/// Reads `sources.yaml` into a ``SourcesConfig``, reporting every problem with its line and column.
public enum ConfigLoader {
    static let topKeys = ["version", "user_agent", "defaults", "employers", "tracking_parameters", "sources", "digest"]
    static let defaultKeys = ["delay", "per_host", "every", "max_pages"]
    static let sourceKeys = [
        "name", "kind", "start", "items", "fields", "follow", "detail", "next", "max_pages", "delay", "per_host",
        "every", "employer", "robots",
    ]
    /// The User-Agent used when `sources.yaml` does not set one.
    public static let defaultUserAgent = "Homeshore/\(HomeshoreInfo.version) (+https://homeshore.example/about)"

    /// Loads and validates a configuration file.
    /// - Parameters:
    ///   - path: the file to read.
    ///   - substitutions: text replacements applied before parsing (the demo replaces `{{base}}`).
    /// - Returns: the validated configuration.
    /// - Throws: ``ConfigErrors`` listing every problem found, each with file:line:column.
    public static func load(path: String, substitutions: [String: String] = [:]) throws -> SourcesConfig {
        let name = path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigErrors(errors: [ConfigError(file: name, line: 0, column: 0, message: "cannot read the file",
                hint: "check the path, or pass --config FILE")])
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw ConfigErrors(errors: [ConfigError(file: name, line: 0, column: 0, message: "the file is not UTF-8 text")])
        }
        for (key, value) in substitutions { text = text.replacingOccurrences(of: key, with: value) }
        return try parse(text, file: name)
    }

    /// Parses and validates configuration text.
    /// - Parameters:
    ///   - text: the YAML.
    ///   - file: the name used in messages.
    /// - Throws: ``ConfigErrors`` listing every problem found.
    public static func parse(_ text: String, file: String) throws -> SourcesConfig {
        var reader = NodeReader(file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigErrors(errors: [reader.yamlError(error)])
        }
        guard let root, case .mapping(let top) = root else {
            throw ConfigErrors(errors: [ConfigError(file: file, line: 1, column: 1,
                message: "expected a mapping with 'version' and 'sources'", hint: "see docs/sources.md")])
        }
        let config = reader.readTop(top)
        if !reader.errors.isEmpty { throw ConfigErrors(errors: reader.errors) }
        return config
    }
}
