/// Splits a review into folded words, emoji, emoticons and punctuation, with French elision spelt out.
///
/// `L'accueil n'était pas top :(` gives `le accueil ne etait pas top :( `; `don't` stays one token, hyphenated
/// words are split (`sous-payé` is `sous paye`) so that lexicon entries and text meet whatever their spelling.
///
/// It reads the text's UTF-8 bytes: ASCII, the bulk of French and English, takes no Unicode lookup; other scalars
/// are decoded where they stand and go through the same rules.
public enum SentimentTokenizer {
    /// Elided French words and their full form.
    static let elisions: [String: String] = [
        "l": "le", "d": "de", "n": "ne", "j": "je", "c": "ce", "s": "se", "m": "me", "t": "te", "qu": "que",
        "jusqu": "jusque", "lorsqu": "lorsque", "puisqu": "puisque", "quoiqu": "quoique",
    ]

    /// Emoticons recognised in running text, longest first (those made of letters only, such as `xD`, are words).
    static let emoticons: [[UInt8]] = {
        let list = [
            ":-)))", ":-))", ":-)", ":)))", ":))", ":)", ":-(((", ":-((", ":-(", ":(((", ":((", ":(", ":-D", ":D",
            ":-p", ":-P", ":p", ":P", ":-/", ":/", ":'(", ":-|", ":|", ":-]", ":]", ":-[", ":[", ":-*", ":*",
            ";-)", ";)", ";-(", ";(", ";-D", "=)", "=(", "=/", "(:", "):", "<3", "</3", "\\o/", "^^", "^_^",
        ]
        return list.map { Array($0.utf8) }.sorted { $0.count > $1.count }  // all ASCII: bytes are scalars
    }()

    /// The emoticons' tokens, made once.
    static let emoticonTokens: [SentimentToken] = emoticons.map {
        SentimentToken(String(decoding: $0, as: UTF8.self), .emoticon)
    }

    /// Splits a text into tokens.
    /// - Parameter text: a review, an offer's description or any short text.
    /// - Returns: the tokens, in order.
    public static func tokenize(_ text: String) -> [SentimentToken] {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { tokenize(bytes: $0) } ?? []
    }

    /// The scalar that starts at byte `i` of valid UTF-8, and its length in bytes.
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        ByteScan.scalar(bytes, at: i)
    }

    @inline(__always)
    static func appendUTF8(_ v: UInt32, to word: inout [UInt8]) {
        if v < 0x80 {
            word.append(UInt8(v))
        } else if v < 0x800 {
            word.append(UInt8(0xC0 | v >> 6)); word.append(UInt8(0x80 | v & 0x3F))
        } else if v < 0x10000 {
            word.append(UInt8(0xE0 | v >> 12)); word.append(UInt8(0x80 | (v >> 6) & 0x3F))
            word.append(UInt8(0x80 | v & 0x3F))
        } else {
            word.append(UInt8(0xF0 | v >> 18)); word.append(UInt8(0x80 | (v >> 12) & 0x3F))
            word.append(UInt8(0x80 | (v >> 6) & 0x3F)); word.append(UInt8(0x80 | v & 0x3F))
        }
    }

    static let punctuationTokens = (
        exclamation: SentimentToken("!", .exclamation), question: SentimentToken("?", .question),
        sentence: SentimentToken(".", .sentence), clause: SentimentToken(",", .clause)
    )

    /// Splits UTF-8 text into tokens (the bytes must be valid UTF-8, as a `String`'s are).
    static func tokenize(bytes: UnsafeBufferPointer<UInt8>) -> [SentimentToken] {
        let count = bytes.count
        var tokens: [SentimentToken] = []
        tokens.reserveCapacity(count / 5)
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var i = 0

        func flushWord() {
            guard !word.isEmpty else { return }
            let hash = word.withUnsafeBufferPointer { WordTable<Double>.hash($0) }
            tokens.append(SentimentToken(String(decoding: word, as: UTF8.self), .word, wordHash: hash))
            word.removeAll(keepingCapacity: true)
        }

        while i < count {
            let b = bytes[i]
            // ASCII letters and digits, the common case
            if b >= 0x61 && b <= 0x7A || b >= 0x30 && b <= 0x39 {
                word.append(b)
                i += 1
                continue
            }
            if b >= 0x41 && b <= 0x5A {
                word.append(b + 0x20)
                i += 1
                continue
            }
            let (v, length) = scalar(bytes, at: i)
            if v >= 0x80, isWordScalar(v) {
                let s = Unicode.Scalar(v)!
                if let folded = TextFolding.fold(s) {
                    appendUTF8(folded.value, to: &word)
                } else if v == 0x153 || v == 0x152 {
                    word.append(0x6F); word.append(0x65)  // oe
                } else if v == 0xE6 || v == 0xC6 {
                    word.append(0x61); word.append(0x65)  // ae
                } else if s.properties.isUppercase {
                    for m in s.properties.lowercaseMapping.unicodeScalars { appendUTF8(m.value, to: &word) }
                } else {
                    appendUTF8(v, to: &word)
                }
                i += length
                continue
            }
            if isApostrophe(v) {
                if !word.isEmpty {
                    let next = i + length
                    if word.count <= 7, let full = elisions[String(decoding: word, as: UTF8.self)] {
                        tokens.append(SentimentToken(full, .word))
                        word.removeAll(keepingCapacity: true)
                    } else if word.last == 0x6E, next < count, bytes[next] == 0x74 || bytes[next] == 0x54,
                        next + 1 == count || !isWordScalar(scalar(bytes, at: next + 1).0)
                    {
                        word.append(0x27); word.append(0x74)  // English don't, isn't, can't: one token
                        i = next + 1
                        continue
                    } else {
                        flushWord()
                    }
                }
                i += length
                continue
            }
            if v == 0x3A, word == [0x68, 0x74, 0x74, 0x70] || word == [0x68, 0x74, 0x74, 0x70, 0x73] {
                word.removeAll(keepingCapacity: true)  // a link: skip to the next space
                while i < count {
                    let (s, n) = scalar(bytes, at: i)
                    if isWhitespace(s) { break }
                    i += n
                }
                continue
            }
            flushWord()
            if let k = matchEmoticon(bytes, at: i) {
                tokens.append(emoticonTokens[k])
                i += emoticons[k].count
                continue
            }
            switch v {
            case 0x21: tokens.append(punctuationTokens.exclamation)
            case 0x3F: tokens.append(punctuationTokens.question)
            case 0x2E, 0x2026, 0x0A, 0x0D:
                if tokens.last?.kind != .sentence { tokens.append(punctuationTokens.sentence) }
            case 0x2C, 0x3B, 0x3A, 0x28, 0x29, 0x22, 0xAB, 0xBB, 0x201C, 0x201D, 0x5B, 0x5D:
                tokens.append(punctuationTokens.clause)
            default:
                if isEmoji(v) {
                    tokens.append(SentimentToken(String(Unicode.Scalar(v)!), .emoji))
                }
            }
            i += length
        }
        flushWord()
        return tokens
    }

    /// The words of a text, folded, without punctuation or emoji.
    /// - Parameter text: any text.
    /// - Returns: the folded words in order.
    public static func words(_ text: String) -> [String] {
        tokenize(text).compactMap { $0.kind == .word ? $0.text : nil }
    }

    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool { isWordScalar(s.value) }

    @inline(__always)
    static func isWordScalar(_ v: UInt32) -> Bool {
        if v < 0x80 {
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
        }
        if v < 0x2000 { return Unicode.Scalar(v)!.properties.isAlphabetic }  // below the surrogates: valid
        return false
    }

    @inline(__always)
    static func isWhitespace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return Unicode.Scalar(v).map { $0.properties.isWhitespace } ?? false
    }

    @inline(__always)
    static func isApostrophe(_ v: UInt32) -> Bool {
        v == 0x27 || v == 0x2019 || v == 0x2018 || v == 0x02BC || v == 0x60 || v == 0xB4
    }

    static func isEmoji(_ v: UInt32) -> Bool {
        guard v >= 0x2100, let s = Unicode.Scalar(v) else { return false }
        if v == 0xFE0F || v == 0x200D || (0x1F3FB...0x1F3FF).contains(v) { return false }
        return s.properties.isEmoji
    }

    /// The index in ``emoticons`` of the emoticon that starts at byte `i`, if any.
    static func matchEmoticon(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let first = bytes[i]
        guard first == 0x3A || first == 0x3B || first == 0x3D || first == 0x3C || first == 0x28 || first == 0x29
            || first == 0x5C || first == 0x5E  // : ; = < ( ) \ ^
        else { return nil }
        let count = bytes.count
        // An emoticon stands alone: not glued to a letter after it (`:Paris` is not `:P`).
        for (index, candidate) in emoticons.enumerated() where candidate[0] == first && i + candidate.count <= count {
            var matches = true
            for k in 1..<candidate.count where bytes[i + k] != candidate[k] {
                matches = false
                break
            }
            guard matches else { continue }
            let end = i + candidate.count
            if end < count, isWordScalar(scalar(bytes, at: end).0), isWordScalar(UInt32(candidate[candidate.count - 1])) {
                continue
            }
            // "(:" and "):" only before a space or the end, not in "(voir):"
            if first == 0x28 || first == 0x29, end < count, bytes[end] != 0x20 { continue }
            return index
        }
        return nil
    }
}
