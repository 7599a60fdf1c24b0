extension Charset {
    /// The scalar of the well-formed UTF-8 sequence that starts at `i` (of two to four bytes: no overlong form, no
    /// surrogate, nothing above U+10FFFF, not cut by the end), with its length; nil otherwise.
    static func wellFormedScalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int)? {
        let b0 = UInt32(bytes[i])
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard i + length <= bytes.count, bytes[i + 1] >= low, bytes[i + 1] <= high else { return nil }
        var value = b0 & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length {
            let b = bytes[i + k]
            guard b & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(b & 0x3F)
        }
        return Unicode.Scalar(value).map { ($0, length) }
    }

    /// Whether `bytes` is strictly valid UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            guard let base = UnsafeRawPointer(buffer.baseAddress) else { return true }
            var index = 0
            while index < count {
                // Eight ASCII bytes at a time.
                while index + 8 <= count,
                    base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                }
                guard index < count else { break }
                if buffer[index] < 0x80 {
                    index += 1
                    continue
                }
                guard let (_, length) = wellFormedScalar(buffer, at: index) else { return false }
                index += length
            }
            return true
        }
    }

    /// windows-1252's 0x80–0x9F; the five unassigned bytes map to the C1 controls, as in the WHATWG table.
    private static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Transcodes windows-1252 (which browsers also use for ISO-8859-1 and US-ASCII) to UTF-8.
    static func decodeWindows1252(_ bytes: [UInt8]) -> [UInt8] {
        decodeSingleByte(bytes) { byte in
            byte >= 0x80 && byte <= 0x9F ? windows1252High[Int(byte - 0x80)] : UInt16(byte)
        }
    }

    /// Transcodes strict ISO-8859-1, where every byte is the code point of the same number, to UTF-8.
    static func decodeLatin1(_ bytes: [UInt8]) -> [UInt8] {
        decodeSingleByte(bytes) { UInt16($0) }
    }

    @inline(__always)
    private static func decodeSingleByte(_ bytes: [UInt8], _ codePoint: (UInt8) -> UInt16) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8 + 16)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
            } else {
                appendUTF8(UInt32(codePoint(byte)), to: &output)
            }
        }
        return output
    }

    /// Transcodes UTF-16 to UTF-8; unpaired surrogates and a dangling odd byte become U+FFFD.
    static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        func unit(at position: Int) -> UInt32 {
            bigEndian
                ? UInt32(bytes[position]) << 8 | UInt32(bytes[position + 1])
                : UInt32(bytes[position + 1]) << 8 | UInt32(bytes[position])
        }
        while index + 1 < bytes.endIndex {
            let first = unit(at: index)
            index += 2
            switch first {
            case 0xD800...0xDBFF:
                if index + 1 < bytes.endIndex, case let second = unit(at: index), (0xDC00...0xDFFF).contains(second) {
                    index += 2
                    appendUTF8(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00), to: &output)
                } else {
                    appendUTF8(0xFFFD, to: &output)
                }
            case 0xDC00...0xDFFF:
                appendUTF8(0xFFFD, to: &output)
            default:
                appendUTF8(first, to: &output)
            }
        }
        if index < bytes.endIndex { appendUTF8(0xFFFD, to: &output) }
        return output
    }

    @inline(__always)
    static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
