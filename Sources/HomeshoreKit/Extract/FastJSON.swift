import Foundation

/// A JSON reader for the common shape of JSON-LD blocks, giving exactly what `JSONSerialization` gives
/// (`[String: Any]`, `[Any]`, `String`, `NSNumber`, booleans as `NSNumber(value: Bool)`, `NSNull`) at a fraction of
/// its cost, and nil for anything it is not sure to read the same way: an error of any kind, a trailing comma
/// (which `JSONSerialization` accepts in objects), a number with an exponent, a leading zero, a minus zero or more
/// digits than a `Double` holds exactly, a `\u` escape of a lone surrogate, a raw control character, nesting over
/// 100 levels. The caller then asks `JSONSerialization`, whose answer (and error message) is the reference.
enum FastJSON {
    /// The value of the JSON text `bytes` (any value at the top, as `.fragmentsAllowed`), or nil.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Any? {
        var reader = Reader(bytes: bytes)
        reader.skipSpace()
        guard let value = reader.value(depth: 0) else { return nil }
        reader.skipSpace()
        return reader.i == bytes.count ? value : nil
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        @inline(__always)
        mutating func skipSpace() {
            while i < bytes.count {
                let b = bytes[i]
                guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
                i += 1
            }
        }

        @inline(__always)
        func peek() -> UInt8? { i < bytes.count ? bytes[i] : nil }

        mutating func value(depth: Int) -> Any? {
            guard depth < 100, let b = peek() else { return nil }
            switch b {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "t"): return literal("true", NSNumber(value: true))
            case UInt8(ascii: "f"): return literal("false", NSNumber(value: false))
            case UInt8(ascii: "n"): return literal("null", NSNull())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
            default: return nil
            }
        }

        mutating func literal(_ word: StaticString, _ value: Any) -> Any? {
            let n = word.utf8CodeUnitCount
            guard i + n <= bytes.count else { return nil }
            for k in 0..<n where bytes[i + k] != word.utf8Start[k] { return nil }
            i += n
            return value
        }

        mutating func object(depth: Int) -> Any? {
            i += 1  // {
            var result: [String: Any] = [:]
            skipSpace()
            if peek() == UInt8(ascii: "}") {
                i += 1
                return result
            }
            while true {
                skipSpace()
                guard peek() == UInt8(ascii: "\""), let key = string() else { return nil }
                skipSpace()
                guard peek() == UInt8(ascii: ":") else { return nil }
                i += 1
                skipSpace()
                guard let value = value(depth: depth + 1) else { return nil }
                result[key] = value  // the last of repeated keys wins, as in JSONSerialization
                skipSpace()
                guard let next = peek() else { return nil }
                i += 1
                if next == UInt8(ascii: "}") { return result }
                guard next == UInt8(ascii: ",") else { return nil }
                skipSpace()
                if peek() == UInt8(ascii: "}") { return nil }  // a trailing comma: JSONSerialization decides
            }
        }

        mutating func array(depth: Int) -> Any? {
            i += 1  // [
            var result: [Any] = []
            skipSpace()
            if peek() == UInt8(ascii: "]") {
                i += 1
                return result
            }
            while true {
                skipSpace()
                guard let value = value(depth: depth + 1) else { return nil }
                result.append(value)
                skipSpace()
                guard let next = peek() else { return nil }
                i += 1
                if next == UInt8(ascii: "]") { return result }
                guard next == UInt8(ascii: ",") else { return nil }
                skipSpace()
                if peek() == UInt8(ascii: "]") { return nil }
            }
        }

        /// A string; the bytes are valid UTF-8 (the text comes from a `String`).
        mutating func string() -> String? {
            i += 1  // "
            let start = i
            // Without escapes, the bytes between the quotes are the string.
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                    i += 1
                    return s
                }
                if b == UInt8(ascii: "\\") { break }
                if b < 0x20 { return nil }
                i += 1
            }
            guard i < bytes.count else { return nil }
            var out = [UInt8](UnsafeBufferPointer(rebasing: bytes[start..<i]))
            out.reserveCapacity(2 * (i - start) + 64)
            while i < bytes.count {
                // A run of plain bytes copied at once.
                let run = i
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") && bytes[i] != UInt8(ascii: "\\") && bytes[i] >= 0x20 { i += 1 }
                if i > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i])) }
                guard i < bytes.count else { return nil }
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    i += 1
                    return String(decoding: out, as: UTF8.self)
                }
                if b < 0x20 { return nil }
                guard i + 1 < bytes.count else { return nil }
                let e = bytes[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard let unit = hex4() else { return nil }
                    var value = UInt32(unit)
                    if (0xD800...0xDBFF).contains(unit) {
                        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else { return nil }
                        i += 2
                        guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                        value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(unit) {
                        return nil
                    }
                    guard let scalar = Unicode.Scalar(value) else { return nil }
                    out.append(contentsOf: String(Character(scalar)).utf8)
                default:
                    return nil
                }
            }
            return nil
        }

        mutating func hex4() -> UInt16? {
            guard i + 4 <= bytes.count else { return nil }
            var value: UInt16 = 0
            for k in 0..<4 {
                let b = bytes[i + k]
                let digit: UInt8
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value << 4 | UInt16(digit)
            }
            i += 4
            return value
        }

        /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?`: an `Int` when it has no fraction and at most 18 digits, a `Double` when its
        /// digits number 15 at most; nil otherwise (exponents, minus zero, long numbers: `JSONSerialization` may
        /// make those a `Decimal` or read them otherwise).
        mutating func number() -> Any? {
            let start = i
            if bytes[i] == UInt8(ascii: "-") { i += 1 }
            let intStart = i
            while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
            let intDigits = i - intStart
            guard intDigits > 0 else { return nil }
            if intDigits > 1 && bytes[intStart] == UInt8(ascii: "0") { return nil }
            var fracDigits = 0
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                let fracStart = i
                while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
                fracDigits = i - fracStart
                guard fracDigits > 0 else { return nil }
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") { return nil }
            let literal = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            if fracDigits == 0 {
                guard intDigits <= 18, literal != "-0", let value = Int(literal) else { return nil }
                return NSNumber(value: value)
            }
            guard intDigits + fracDigits <= 15, let value = Double(literal), value != 0 || !literal.hasPrefix("-") else {
                return nil
            }
            return NSNumber(value: value)
        }
    }
}
