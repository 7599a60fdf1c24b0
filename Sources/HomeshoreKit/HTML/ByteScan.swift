import CByteSearch
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte-level helpers for scanning HTML without building a DOM: find tags with `memchr`, read their
/// attributes the way the HTML tokenizer does.
enum ByteScan {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// ``lower(_:)`` of the eight bytes of a word at once (bytes of 0x80 and above are left as they are). A byte's
    /// low seven bits plus 0x80 - 0x41 set its top bit when it is at least "A", plus 0x80 - 0x5B when it is past "Z";
    /// no carry crosses a byte (each is at most 0x7F + 0x3F).
    @inline(__always)
    static func lower(word: UInt64) -> UInt64 {
        let low = word & 0x7F7F_7F7F_7F7F_7F7F
        let capitals = (low &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(low &+ 0x2525_2525_2525_2525) & ~word
            & 0x8080_8080_8080_8080
        return word | (capitals >> 2)
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    /// The index of the next `byte` at or after `start`, or `nil`.
    static func find(_ byte: UInt8, in bytes: Bytes, from start: Int, to end: Int? = nil) -> Int? {
        let end = end ?? bytes.count
        guard start < end, let base = bytes.baseAddress else { return nil }
        guard let hit = memchr(base + start, Int32(byte), end - start) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    /// The index of the first occurrence of `needle` at or after `start`, byte for byte, or `nil`: glibc's `memmem`
    /// (two-way search, vectorised), where `memchr` on the first byte and `memcmp` stopped at every `e` of a text
    /// searched for "error code".
    static func find(_ needle: Bytes, in bytes: Bytes, from start: Int = 0) -> Int? {
        guard !needle.isEmpty else { return start }
        guard let pattern = needle.baseAddress, let base = bytes.baseAddress, start >= 0,
              start + needle.count <= bytes.count else { return nil }
        guard let hit = homeshore_memmem(base + start, bytes.count - start, pattern, needle.count) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    /// Whether `bytes[at...]` starts with `literal` (given in lower case), ignoring ASCII case.
    static func matches(_ literal: StaticString, in bytes: Bytes, at start: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard start >= 0, start + count <= bytes.count else { return false }
        let pattern = literal.utf8Start
        for offset in 0..<count where lower(bytes[start + offset]) != pattern[offset] {
            return false
        }
        return true
    }

    /// Whether an element named `name` starts at the `<` at `start`: `<name` followed by a space, `/` or `>`.
    static func isTag(_ name: StaticString, in bytes: Bytes, at start: Int) -> Bool {
        let after = start + 1 + name.utf8CodeUnitCount
        guard matches(name, in: bytes, at: start + 1) else { return false }
        guard after < bytes.count else { return true }
        let byte = bytes[after]
        return isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
    }

    /// The index of the `<` that starts `</name` (case-insensitive) at or after `start`, or `bytes.count`.
    static func closingTag(_ closing: StaticString, in bytes: Bytes, from start: Int) -> Int {
        var index = start
        while let lt = find(UInt8(ascii: "<"), in: bytes, from: index) {
            if matches(closing, in: bytes, at: lt) { return lt }
            index = lt + 1
        }
        return bytes.count
    }

    /// The index just after the `-->` ending a comment that starts at `start`, or `bytes.count`.
    static func endOfComment(in bytes: Bytes, from start: Int) -> Int {
        var index = start + 4
        while let dash = find(UInt8(ascii: ">"), in: bytes, from: index) {
            if dash >= start + 6, bytes[dash - 1] == UInt8(ascii: "-"), bytes[dash - 2] == UInt8(ascii: "-") {
                return dash + 1
            }
            index = dash + 1
        }
        return bytes.count
    }

    /// One attribute of a start tag; the name is lower-cased, the value is raw.
    struct Attribute {
        var name: ArraySlice<UInt8>
        var value: ArraySlice<UInt8>
    }

    /// Reads the attributes of a start tag from just after its name to its `>`.
    ///
    /// - Returns: The attributes and the index just after the `>` (or `bytes.count` when the tag never ends).
    static func attributes(in bytes: Bytes, from start: Int) -> (attributes: [Attribute], end: Int) {
        var attributes: [Attribute] = []
        var index = start
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if isSpace(byte) || byte == UInt8(ascii: "/") {
                index += 1
                continue
            }
            if byte == UInt8(ascii: ">") { return (attributes, index + 1) }
            var name: [UInt8] = []
            while index < count {
                let byte = bytes[index]
                if isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") { break }
                if byte == UInt8(ascii: "="), !name.isEmpty { break }
                name.append(lower(byte))
                index += 1
            }
            while index < count, isSpace(bytes[index]) { index += 1 }
            var value: [UInt8] = []
            if index < count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < count, isSpace(bytes[index]) { index += 1 }
                if index < count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    let close = find(quote, in: bytes, from: index + 1) ?? count
                    value = Array(bytes[(index + 1)..<close])
                    index = min(close + 1, count)
                } else {
                    while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") {
                        value.append(bytes[index])
                        index += 1
                    }
                }
            }
            attributes.append(Attribute(name: name[...], value: value[...]))
        }
        return (attributes, count)
    }

    /// `value` trimmed of ASCII whitespace and lower-cased, for comparing attribute values.
    static func folded(_ value: ArraySlice<UInt8>) -> [UInt8] {
        var slice = value
        while let first = slice.first, isSpace(first) { slice = slice.dropFirst() }
        while let last = slice.last, isSpace(last) { slice = slice.dropLast() }
        return slice.map(lower)
    }

    /// The value of the scalar that starts at byte `i` of valid UTF-8 (a `String`'s), and its length in bytes.
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 {
            return ((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        return ((b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
            | UInt32(bytes[i + 3] & 0x3F), 4)
    }
}
