import Foundation
import Yams

extension NodeReader {
    mutating func readTop(_ top: Node.Mapping) -> SourcesConfig {
        var config = SourcesConfig(file: file, version: 1, userAgent: ConfigLoader.defaultUserAgent,
            defaults: SourceDefaults(), employerAliases: [:], sources: [])
        let root = Node.mapping(top)
        var sourcesNode: Node?
        var sawVersion = false
        for (key, keyNode, value) in entries(root, known: ConfigLoader.topKeys, what: "the top level") {
            switch key {
            case "version":
                sawVersion = true
                if let v = int(value, key, range: 1...1) { config.version = v }
            case "user_agent":
                if let ua = string(value, key) {
                    if ua.trimmingCharacters(in: .whitespaces).isEmpty {
                        fail(value, "'user_agent' must not be empty", hint: "name Homeshore and a way to reach you")
                    } else {
                        config.userAgent = ua
                    }
                }
            case "defaults":
                config.defaults = readDefaults(value)
            case "employers":
                config.employerAliases = readEmployers(value)
            case "tracking_parameters":
                if let names = strings(value, key) {
                    for name in names where name.isEmpty || name.contains("=") || name.contains("&") {
                        fail(value, "'\(name)' is not a query argument name", hint: "write names only, e.g. [xtor, cmp_*]")
                    }
                    config.trackingParameters = names
                }
            case "sources":
                sourcesNode = value
            case "digest":
                config.digest = readDigest(value)
            default:
                fail(keyNode, "unhandled key '\(key)'")
            }
        }
        if !sawVersion {
            fail(root, "missing 'version'", hint: "add 'version: 1' at the top")
        }
        guard let sourcesNode else {
            fail(root, "missing 'sources'", hint: "list the sites to crawl under 'sources:'")
            return config
        }
        guard case .sequence(let list) = sourcesNode else {
            fail(sourcesNode, "'sources' must be a list (each source starts with '- name: ...')")
            return config
        }
        var names: [String: Int] = [:]
        for item in list {
            guard let source = readSource(item, defaults: config.defaults) else { continue }
            if let line = names[source.name] {
                fail(item, "source name '\(source.name)' is already used on line \(line)")
                continue
            }
            names[source.name] = source.line
            config.sources.append(source)
        }
        for i in config.sources.indices { config.sources[i].trackingParameters = config.trackingParameters }
        return config
    }

    mutating func readDefaults(_ node: Node) -> SourceDefaults {
        var defaults = SourceDefaults()
        for (key, _, value) in entries(node, known: ConfigLoader.defaultKeys, what: "'defaults'") {
            switch key {
            case "delay": if let v = duration(value, key) { defaults.delay = v }
            case "per_host": if let v = int(value, key, range: 1...64) { defaults.perHost = v }
            case "every": if let v = duration(value, key) { defaults.every = v }
            case "max_pages": if let v = int(value, key, range: 1...1000) { defaults.maxPages = v }
            default: break
            }
        }
        return defaults
    }

    mutating func readEmployers(_ node: Node) -> [String: [String]] {
        guard case .mapping(let mapping) = node else {
            fail(node, "'employers' must map an employer to its other names, e.g. 'Concentrix: [Webhelp]'")
            return [:]
        }
        var result: [String: [String]] = [:]
        for (keyNode, value) in mapping {
            guard let name = keyNode.string, !name.isEmpty else {
                fail(keyNode, "an employer name must be plain text")
                continue
            }
            if let aliases = strings(value, name) { result[name] = aliases }
        }
        return result
    }

    mutating func readSource(_ node: Node, defaults: SourceDefaults) -> SourceConfig? {
        let errorsBefore = errors.count
        var source = SourceConfig(name: "", kind: .offers, start: [], items: nil, fields: [:], follow: nil, detail: [:],
            next: nil, maxPages: defaults.maxPages, delay: defaults.delay, perHost: defaults.perHost,
            every: defaults.every, employer: nil, line: node.mark?.line ?? 0)
        var followNode: Node?, itemsNode: Node?
        var fieldsNode: Node?
        var sawName = false, sawStart = false
        for (key, _, value) in entries(node, known: ConfigLoader.sourceKeys, what: "a source") {
            switch key {
            case "name":
                guard let name = string(value, key) else { continue }
                sawName = true
                let allowed = name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
                if name.isEmpty || !allowed {
                    fail(value, "source name '\(name)' may hold only lower-case letters, digits and dashes")
                }
                source.name = name
            case "kind":
                guard let text = string(value, key) else { continue }
                if let kind = SourceKind(rawValue: text) {
                    source.kind = kind
                } else {
                    let known = SourceKind.allCases.map(\.rawValue)
                    fail(value, "unknown kind '\(text)'",
                        hint: nearest(text, in: known).map { "did you mean '\($0)'?" } ?? "use one of \(known.joined(separator: ", "))")
                }
            case "start":
                sawStart = true
                guard case .sequence(let urls) = value else {
                    if let single = url(value, key) { source.start = [single] }
                    continue
                }
                source.start = urls.compactMap { url($0, key) }
                if urls.isEmpty { fail(value, "'start' must list at least one URL") }
            case "items":
                itemsNode = value
                source.items = selector(value, key)
            case "fields": fieldsNode = value
            case "detail": source.detail = readFields(value, what: "'detail'")
            case "follow": followNode = value
            case "next": source.next = selector(value, key)
            case "max_pages": if let v = int(value, key, range: 1...1000) { source.maxPages = v }
            case "delay": if let v = duration(value, key) { source.delay = v }
            case "per_host": if let v = int(value, key, range: 1...64) { source.perHost = v }
            case "every": if let v = duration(value, key) { source.every = v }
            case "employer": source.employer = string(value, key)
            case "robots":
                guard let text = string(value, key) else { continue }
                switch text {
                case "obey": source.ignoreRobots = false
                case "ignore": source.ignoreRobots = true
                default: fail(value, "'robots' must be 'obey' (the default) or 'ignore', not '\(text)'")
                }
            default: break
            }
        }
        if let fieldsNode {
            if source.kind == .reviews {
                source.reviewFields = readReviewFields(fieldsNode)
            } else {
                source.fields = readFields(fieldsNode, what: "'fields'")
            }
        }
        if !sawName { fail(node, "a source needs a 'name'") }
        if !sawStart { fail(node, "source '\(source.name)' needs 'start' URLs") }
        if let followNode, let text = string(followNode, "follow") {
            if let field = OfferField(rawValue: text), source.fields[field] != nil || (source.kind == .feed && field == .url) {
                source.follow = field
            } else {
                fail(followNode, "'follow' must name one of this source's fields holding a link, not '\(text)'",
                    hint: "usually 'follow: url' with a 'url' field")
            }
        }
        if source.kind == .feed, let itemsNode {
            fail(itemsNode, "a feed's items are its <item> (RSS) or <entry> (Atom) elements: remove 'items'",
                hint: "'fields' of a feed source are selectors relative to each <item> or <entry>")
        }
        if (!source.fields.isEmpty || !source.reviewFields.isEmpty) && source.items == nil && source.kind != .feed {
            fail(node, "source '\(source.name)' has 'fields' but no 'items' selector",
                hint: "add 'items: \"css: ...\"' selecting one element per \(source.kind == .reviews ? "review" : "offer")")
        }
        if source.kind == .reviews && (source.employer ?? "").isEmpty {
            fail(node, "review source '\(source.name)' needs 'employer': the employer its reviews are about")
        }
        return errors.count == errorsBefore ? source : nil
    }

    mutating func readFields(_ node: Node, what: String) -> [OfferField: Selector] {
        var fields: [OfferField: Selector] = [:]
        let known = OfferField.allCases.map(\.rawValue)
        for (key, _, value) in entries(node, known: known, what: what) {
            if let field = OfferField(rawValue: key), let selector = selector(value, key) { fields[field] = selector }
        }
        return fields
    }

    mutating func readReviewFields(_ node: Node) -> [ReviewField: Selector] {
        var fields: [ReviewField: Selector] = [:]
        let known = ReviewField.allCases.map(\.rawValue)
        for (key, _, value) in entries(node, known: known, what: "'fields' of a review source") {
            if let field = ReviewField(rawValue: key), let selector = selector(value, key) { fields[field] = selector }
        }
        return fields
    }
}
