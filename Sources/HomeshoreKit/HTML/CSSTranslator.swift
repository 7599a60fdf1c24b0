/// Why a CSS selector was refused; wrapped into ``HTMLError/badSelector(selector:reason:)`` by ``CSS``.
struct CSSFailure: Error {
    var reason: String
}

/// A recursive-descent parser over the scalars of one CSS selector that emits XPath 1.0 as it goes.
struct CSSTranslator {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ selector: String) {
        scalars = Array(selector.unicodeScalars)
    }

    // MARK: Grammar

    /// `group := selector (',' selector)*`
    mutating func translateGroup() throws(CSSFailure) -> String {
        var alternatives: [String] = []
        while true {
            skipWhitespace()
            if atEnd || peek == "," {
                throw CSSFailure(reason: alternatives.isEmpty && atEnd ? "empty selector" : "empty selector in comma group")
            }
            alternatives.append(try translateComplex())
            skipWhitespace()
            if atEnd { break }
            guard peek == "," else {
                throw CSSFailure(reason: "unexpected '\(peek)' at offset \(index)")
            }
            index += 1
        }
        return alternatives.joined(separator: " | ")
    }

    /// `selector := compound (combinator compound)*`
    private mutating func translateComplex() throws(CSSFailure) -> String {
        var path = "descendant-or-self::" + (try translateCompound(axisForFirstStep: .plain))
        while true {
            let hadSpace = skipWhitespace()
            if atEnd || peek == "," { return path }
            var combinator: Unicode.Scalar = " "
            if peek == ">" || peek == "+" || peek == "~" {
                combinator = peek
                index += 1
                skipWhitespace()
                if atEnd || peek == "," {
                    throw CSSFailure(reason: "combinator '\(combinator)' has nothing after it")
                }
            } else if !hadSpace {
                throw CSSFailure(reason: "unexpected '\(peek)' at offset \(index)")
            }
            switch combinator {
            case ">": path += "/" + (try translateCompound(axisForFirstStep: .plain))
            case "+": path += "/following-sibling::*[1]" + (try translateCompound(axisForFirstStep: .selfTest))
            case "~": path += "/following-sibling::" + (try translateCompound(axisForFirstStep: .plain))
            default: path += "/descendant::" + (try translateCompound(axisForFirstStep: .plain))
            }
        }
    }

    private enum StepStyle {
        /// `name[cond]…`, appended after an axis.
        case plain
        /// `[self::name][cond]…`, appended to a step that already chose the node (adjacent sibling).
        case selfTest
    }

    /// `compound := (type | '*')? (hash | class | attrib | pseudo)*`, at least one part.
    private mutating func translateCompound(axisForFirstStep style: StepStyle) throws(CSSFailure) -> String {
        var element = "*"
        var conditions: [String] = []
        var sawAnything = false
        if !atEnd, peek == "*" {
            index += 1
            sawAnything = true
        } else if !atEnd, isNameStart(peek) {
            element = try xmlName(readIdentifier(), what: "element name").lowercased()
            sawAnything = true
        }
        if !atEnd, peek == "|" {
            throw CSSFailure(reason: "namespaces are not supported")
        }
        while !atEnd, let condition = try translateSimpleCondition(insideNot: false) {
            conditions.append(condition)
            sawAnything = true
        }
        guard sawAnything else {
            throw CSSFailure(reason: atEnd ? "selector ends too early" : "unexpected '\(peek)' at offset \(index)")
        }
        let predicates = conditions.map { "[\($0)]" }.joined()
        switch style {
        case .plain:
            return element + predicates
        case .selfTest:
            return (element == "*" ? "" : "[self::\(element)]") + predicates
        }
    }

    /// One `#id`, `.class`, `[attr…]` or `:pseudo`, as an XPath boolean; `nil` when the next scalar starts none.
    private mutating func translateSimpleCondition(insideNot: Bool) throws(CSSFailure) -> String? {
        switch peek {
        case "#":
            index += 1
            let id = try readIdentifier(what: "id after '#'")
            return "@id = \(Self.literal(id))"
        case ".":
            index += 1
            let name = try readIdentifier(what: "class name after '.'")
            return "contains(concat(' ', normalize-space(@class), ' '), \(Self.literal(" " + name + " ")))"
        case "[":
            return try translateAttribute()
        case ":":
            return try translatePseudo(insideNot: insideNot)
        default:
            return nil
        }
    }

    private mutating func translateAttribute() throws(CSSFailure) -> String {
        index += 1  // '['
        skipWhitespace()
        guard !atEnd else { throw CSSFailure(reason: "unclosed '['") }
        let name = try xmlName(readIdentifier(what: "attribute name after '['"), what: "attribute name").lowercased()
        if !atEnd, peek == "|", next != "=" {
            throw CSSFailure(reason: "namespaces are not supported")
        }
        skipWhitespace()
        guard !atEnd else { throw CSSFailure(reason: "unclosed '['") }
        let attribute = "@" + name
        if peek == "]" {
            index += 1
            return attribute
        }
        var op = ""
        if peek != "=" {
            op.unicodeScalars.append(peek)
            index += 1
        }
        guard !atEnd, peek == "=" else {
            throw CSSFailure(reason: atEnd ? "unclosed '['" : "unknown attribute operator '\(op)' in [\(name)…]")
        }
        index += 1
        op += "="
        skipWhitespace()
        guard !atEnd else { throw CSSFailure(reason: "unclosed '['") }
        let value: String
        if peek == "\"" || peek == "'" {
            value = try readString()
        } else {
            value = try readIdentifier(what: "value after '\(op)' in [\(name)…]")
        }
        skipWhitespace()
        guard !atEnd else { throw CSSFailure(reason: "unclosed '['") }
        guard peek == "]" else {
            if peek == "i" || peek == "s" || peek == "I" || peek == "S" {
                throw CSSFailure(reason: "attribute case flags are not supported")
            }
            throw CSSFailure(reason: "expected ']' after the value of [\(name)…], found '\(peek)'")
        }
        index += 1
        let literal = Self.literal(value)
        switch op {
        case "=":
            return "\(attribute) = \(literal)"
        case "^=":
            return value.isEmpty ? "false()" : "starts-with(\(attribute), \(literal))"
        case "$=":
            if value.isEmpty { return "false()" }
            return "substring(\(attribute), string-length(\(attribute)) - \(value.unicodeScalars.count - 1)) = \(literal)"
        case "*=":
            return value.isEmpty ? "false()" : "contains(\(attribute), \(literal))"
        case "~=":
            if value.isEmpty || value.unicodeScalars.contains(where: Self.isWhitespace) { return "false()" }
            return "contains(concat(' ', normalize-space(\(attribute)), ' '), \(Self.literal(" " + value + " ")))"
        case "|=":
            return "(\(attribute) = \(literal) or starts-with(\(attribute), \(Self.literal(value + "-"))))"
        default:
            throw CSSFailure(reason: "unknown attribute operator '\(op)' in [\(name)…]")
        }
    }

    private mutating func translatePseudo(insideNot: Bool) throws(CSSFailure) -> String {
        index += 1  // ':'
        if !atEnd, peek == ":" {
            throw CSSFailure(reason: "pseudo-elements such as '::\(peekIdentifier())' select no element")
        }
        let name = try readIdentifier(what: "pseudo-class name after ':'").lowercased()
        let position = "count(preceding-sibling::*) + 1"
        let positionFromEnd = "count(following-sibling::*) + 1"
        switch name {
        case "first-child": return "not(preceding-sibling::*)"
        case "last-child": return "not(following-sibling::*)"
        case "only-child": return "not(preceding-sibling::*) and not(following-sibling::*)"
        case "empty": return "not(*) and not(text())"
        case "nth-child", "nth-last-child":
            let (a, b) = try readNthArgument(of: name)
            return Self.nth(a: a, b: b, position: name == "nth-child" ? position : positionFromEnd)
        case "not":
            if insideNot { throw CSSFailure(reason: ":not() cannot be nested") }
            return try translateNot()
        default:
            if !atEnd, peek == "(" {
                throw CSSFailure(reason: "unsupported pseudo-class ':\(name)()'")
            }
            throw CSSFailure(reason: "unsupported pseudo-class ':\(name)'")
        }
    }

    /// `:not(simple)` where simple is a type selector, `*`, or one id, class, attribute or pseudo-class.
    private mutating func translateNot() throws(CSSFailure) -> String {
        guard !atEnd, peek == "(" else { throw CSSFailure(reason: ":not needs an argument in parentheses") }
        index += 1
        skipWhitespace()
        guard !atEnd else { throw CSSFailure(reason: "unclosed '(' after :not") }
        let condition: String
        if peek == "*" {
            index += 1
            condition = "true()"
        } else if isNameStart(peek) {
            condition = "self::" + (try xmlName(readIdentifier(), what: "element name").lowercased())
        } else if let simple = try translateSimpleCondition(insideNot: true) {
            condition = simple
        } else {
            throw CSSFailure(reason: peek == ")" ? ":not() is empty" : "unexpected '\(peek)' inside :not()")
        }
        skipWhitespace()
        guard !atEnd else { throw CSSFailure(reason: "unclosed '(' after :not") }
        guard peek == ")" else {
            throw CSSFailure(reason: ":not() takes one simple selector, found '\(peek)' after it")
        }
        index += 1
        return "not(\(condition))"
    }

    /// Reads `(odd)`, `(even)`, `(3)`, `(2n+1)`, `(-n+3)`… and returns a and b of `an+b`.
    private mutating func readNthArgument(of name: String) throws(CSSFailure) -> (Int, Int) {
        guard !atEnd, peek == "(" else { throw CSSFailure(reason: ":\(name) needs an argument in parentheses") }
        index += 1
        var text = ""
        while !atEnd, peek != ")" {
            if !Self.isWhitespace(peek) { text.unicodeScalars.append(peek) }
            index += 1
        }
        guard !atEnd else { throw CSSFailure(reason: "unclosed '(' after :\(name)") }
        index += 1
        guard let (a, b) = Self.parseNth(text.lowercased()) else {
            throw CSSFailure(reason: "bad argument '\(text)' to :\(name), expected a number, odd, even or an+b")
        }
        return (a, b)
    }

    static func parseNth(_ text: String) -> (Int, Int)? {
        switch text {
        case "odd": return (2, 1)
        case "even": return (2, 0)
        case "": return nil
        default: break
        }
        guard let n = text.firstIndex(of: "n") else {
            guard let b = Int(text) else { return nil }
            return (0, b)
        }
        let aText = text[..<n]
        let bText = text[text.index(after: n)...]
        let a: Int
        switch aText {
        case "", "+": a = 1
        case "-": a = -1
        default:
            guard let value = Int(aText) else { return nil }
            a = value
        }
        if bText.isEmpty { return (a, 0) }
        guard bText.first == "+" || bText.first == "-", let b = Int(bText) else { return nil }
        return (a, b)
    }

    /// An XPath test that `position` (1-based) equals `a*n + b` for some n ≥ 0.
    static func nth(a: Int, b: Int, position: String) -> String {
        if a == 0 {
            return "\(position) = \(b)"
        }
        let offset = "(\(position) - \(b))"
        if a > 0 {
            return "\(offset) mod \(a) = 0 and \(offset) >= 0"
        }
        return "\(offset) mod \(-a) = 0 and \(offset) <= 0"
    }

    // MARK: Lexing

    private var atEnd: Bool { index >= scalars.count }
    private var peek: Unicode.Scalar { scalars[index] }
    private var next: Unicode.Scalar? { index + 1 < scalars.count ? scalars[index + 1] : nil }

    @discardableResult
    private mutating func skipWhitespace() -> Bool {
        let start = index
        while !atEnd, Self.isWhitespace(peek) { index += 1 }
        return index > start
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
    }

    private func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "_", "\\": return true
        case "-": return true
        default: return scalar.value >= 0x80
        }
    }

    private func isNameChar(_ scalar: Unicode.Scalar) -> Bool {
        isNameStart(scalar) || ("0"..."9").contains(scalar)
    }

    private func peekIdentifier() -> String {
        var probe = self
        return (try? probe.readIdentifier()) ?? ""
    }

    /// Reads a CSS identifier, resolving `\x` and `\hex ` escapes.
    private mutating func readIdentifier(what: String = "identifier") throws(CSSFailure) -> String {
        var result = ""
        let start = index
        while !atEnd, isNameChar(peek) {
            if peek == "\\" {
                index += 1
                guard !atEnd else { throw CSSFailure(reason: "dangling '\\' at the end") }
                result.unicodeScalars.append(readEscape())
            } else {
                result.unicodeScalars.append(peek)
                index += 1
            }
        }
        guard index > start, !result.isEmpty else {
            throw CSSFailure(reason: atEnd ? "missing \(what)" : "expected \(what), found '\(peek)'")
        }
        return result
    }

    /// After a backslash: up to six hex digits and one optional space, or any single scalar.
    private mutating func readEscape() -> Unicode.Scalar {
        var hex = ""
        while !atEnd, hex.count < 6, peek.properties.isASCIIHexDigit {
            hex.unicodeScalars.append(peek)
            index += 1
        }
        if hex.isEmpty {
            defer { index += 1 }
            return peek
        }
        if !atEnd, Self.isWhitespace(peek) { index += 1 }
        return UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init) ?? "\u{FFFD}"
    }

    /// Reads a quoted string starting at the quote, resolving backslash escapes.
    private mutating func readString() throws(CSSFailure) -> String {
        let quote = peek
        index += 1
        var result = ""
        while true {
            guard !atEnd else { throw CSSFailure(reason: "unclosed string \(quote)…") }
            let scalar = peek
            if scalar == quote {
                index += 1
                return result
            }
            if scalar == "\\" {
                index += 1
                guard !atEnd else { throw CSSFailure(reason: "unclosed string \(quote)…") }
                result.unicodeScalars.append(readEscape())
            } else {
                result.unicodeScalars.append(scalar)
                index += 1
            }
        }
    }

    /// Refuses names an XPath name test cannot spell, such as ones built with escapes.
    private func xmlName(_ name: String, what: String) throws(CSSFailure) -> String {
        let scalars = Array(name.unicodeScalars)
        let valid = scalars.enumerated().allSatisfy { offset, scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "_": return true
            case "0"..."9", "-", ".": return offset > 0
            default: return scalar.value >= 0xC0 && scalar.value != 0xD7 && scalar.value != 0xF7
            }
        }
        guard valid else { throw CSSFailure(reason: "\(what) '\(name)' cannot be expressed in XPath") }
        return name
    }

    /// An XPath 1.0 string literal for any text (XPath has no escapes: mixed quotes need `concat`).
    static func literal(_ text: String) -> String {
        if !text.contains("'") { return "'\(text)'" }
        if !text.contains("\"") { return "\"\(text)\"" }
        let parts = text.split(separator: "'", omittingEmptySubsequences: false).map { "'\($0)'" }
        return "concat(" + parts.joined(separator: ", \"'\", ") + ")"
    }
}
