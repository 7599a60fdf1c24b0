@testable import HomeshoreKit

/// The tokenizer as it was before it read UTF-8 bytes (one Unicode scalar at a time), kept to check that the
/// byte-level ``SentimentTokenizer`` gives the very same tokens.
///
/// Splits a review into folded words, emoji, emoticons and punctuation, with French elision spelt out.
///
/// `L'accueil n'était pas top :(` gives `le accueil ne etait pas top :( `; `don't` stays one token, hyphenated
/// words are split (`sous-payé` is `sous paye`) so that lexicon entries and text meet whatever their spelling.
enum ScalarReferenceTokenizer {
    /// Elided French words and their full form.
    static let elisions: [String: String] = [
        "l": "le", "d": "de", "n": "ne", "j": "je", "c": "ce", "s": "se", "m": "me", "t": "te", "qu": "que",
        "jusqu": "jusque", "lorsqu": "lorsque", "puisqu": "puisque", "quoiqu": "quoique",
    ]

    /// Emoticons recognised in running text, longest first (those made of letters only, such as `xD`, are words).
    static let emoticons: [[Unicode.Scalar]] = {
        let list = [
            ":-)))", ":-))", ":-)", ":)))", ":))", ":)", ":-(((", ":-((", ":-(", ":(((", ":((", ":(", ":-D", ":D",
            ":-p", ":-P", ":p", ":P", ":-/", ":/", ":'(", ":-|", ":|", ":-]", ":]", ":-[", ":[", ":-*", ":*",
            ";-)", ";)", ";-(", ";(", ";-D", "=)", "=(", "=/", "(:", "):", "<3", "</3", "\\o/", "^^", "^_^",
        ]
        return list.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    }()

    /// Splits a text into tokens.
    /// - Parameter text: a review, an offer's description or any short text.
    /// - Returns: the tokens, in order.
    static func tokenize(_ text: String) -> [SentimentToken] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [SentimentToken] = []
        tokens.reserveCapacity(scalars.count / 4)
        var word = String.UnicodeScalarView()
        var i = 0

        func flushWord() {
            guard !word.isEmpty else { return }
            tokens.append(SentimentToken(String(word), .word))
            word = String.UnicodeScalarView()
        }

        while i < scalars.count {
            let s = scalars[i]
            let v = s.value
            if isWordScalar(s) {
                if let folded = TextFolding.fold(s) {
                    word.append(folded)
                } else if v == 0x153 || v == 0x152 {
                    word.append("o"); word.append("e")
                } else if v == 0xE6 || v == 0xC6 {
                    word.append("a"); word.append("e")
                } else if v >= 0x80, s.properties.isUppercase {
                    word.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
                } else {
                    word.append(s)
                }
                i += 1
                continue
            }
            if isApostrophe(v) {
                if !word.isEmpty {
                    let w = String(word)
                    if let full = elisions[w] {
                        tokens.append(SentimentToken(full, .word))
                        word = String.UnicodeScalarView()
                    } else if w.hasSuffix("n"), i + 1 < scalars.count, scalars[i + 1] == "t" || scalars[i + 1] == "T",
                        i + 2 == scalars.count || !isWordScalar(scalars[i + 2])
                    {
                        word.append("'"); word.append("t")  // English don't, isn't, can't: one token
                        i += 2
                        continue
                    } else {
                        flushWord()
                    }
                }
                i += 1
                continue
            }
            if v == 0x3A, ["http", "https"].contains(String(word)) {
                word = String.UnicodeScalarView()  // a link: skip to the next space
                while i < scalars.count, !scalars[i].properties.isWhitespace { i += 1 }
                continue
            }
            flushWord()
            if let emoticon = matchEmoticon(scalars, at: i) {
                tokens.append(SentimentToken(String(String.UnicodeScalarView(emoticon)), .emoticon))
                i += emoticon.count
                continue
            }
            switch v {
            case 0x21: tokens.append(SentimentToken("!", .exclamation))
            case 0x3F: tokens.append(SentimentToken("?", .question))
            case 0x2E, 0x2026, 0x0A, 0x0D:
                if tokens.last?.kind != .sentence { tokens.append(SentimentToken(".", .sentence)) }
            case 0x2C, 0x3B, 0x3A, 0x28, 0x29, 0x22, 0xAB, 0xBB, 0x201C, 0x201D, 0x5B, 0x5D:
                tokens.append(SentimentToken(",", .clause))
            default:
                if isEmoji(s) {
                    tokens.append(SentimentToken(String(s), .emoji))
                }
            }
            i += 1
        }
        flushWord()
        return tokens
    }

    /// The words of a text, folded, without punctuation or emoji.
    /// - Parameter text: any text.
    /// - Returns: the folded words in order.
    static func words(_ text: String) -> [String] {
        tokenize(text).compactMap { $0.kind == .word ? $0.text : nil }
    }

    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
        }
        if v < 0x2000 { return s.properties.isAlphabetic }
        return false
    }

    @inline(__always)
    static func isApostrophe(_ v: UInt32) -> Bool {
        v == 0x27 || v == 0x2019 || v == 0x2018 || v == 0x02BC || v == 0x60 || v == 0xB4
    }

    static func isEmoji(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        guard v >= 0x2100 else { return false }
        if v == 0xFE0F || v == 0x200D || (0x1F3FB...0x1F3FF).contains(v) { return false }
        return s.properties.isEmoji
    }

    static func matchEmoticon(_ scalars: [Unicode.Scalar], at i: Int) -> [Unicode.Scalar]? {
        let first = scalars[i]
        guard first == ":" || first == ";" || first == "=" || first == "<" || first == "(" || first == ")"
            || first == "\\" || first == "^"
        else { return nil }
        // An emoticon stands alone: not glued to a letter after it (`:Paris` is not `:P`).
        for candidate in emoticons where candidate[0] == first && i + candidate.count <= scalars.count {
            var matches = true
            for k in 1..<candidate.count where scalars[i + k] != candidate[k] {
                matches = false
                break
            }
            guard matches else { continue }
            let end = i + candidate.count
            if end < scalars.count, isWordScalar(scalars[end]), isWordScalar(candidate[candidate.count - 1]) {
                continue
            }
            // "(:" and "):" only before a space or the end, not in "(voir):"
            if first == "(" || first == ")", end < scalars.count, scalars[end] != " " { continue }
            return candidate
        }
        return nil
    }
}
