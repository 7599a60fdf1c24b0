/// Lower-cases text and removes the accents of Latin letters, so that "Déçu", "DECU" and "déçu" compare equal.
///
/// Lexicons are folded the same way when they load, so a word matches whatever accents either side wrote.
public enum TextFolding {
    /// The folded form of one scalar, or `nil` when it stays as it is.
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar) -> String.UnicodeScalarView.Element? {
        let v = scalar.value
        if v < 0x80 {
            return (v >= 0x41 && v <= 0x5A) ? Unicode.Scalar(v + 0x20) : nil
        }
        switch v {
        case 0xC0...0xC5, 0xE0...0xE5: return "a"
        case 0xC7, 0xE7: return "c"
        case 0xC8...0xCB, 0xE8...0xEB: return "e"
        case 0xCC...0xCF, 0xEC...0xEF: return "i"
        case 0xD1, 0xF1: return "n"
        case 0xD2...0xD6, 0xD8, 0xF2...0xF6, 0xF8: return "o"
        case 0xD9...0xDC, 0xF9...0xFC: return "u"
        case 0xDD, 0xFD, 0xFF, 0x178: return "y"
        case 0x2019, 0x2018, 0x02BC, 0x60, 0xB4: return "'"
        case 0x2013, 0x2014, 0x2010, 0x2011: return "-"
        case 0xA0, 0x202F, 0x2009: return " "
        default: return nil
        }
    }

    /// Folds a whole string: lower case, accents removed, œ and æ spelt out, typographic apostrophes made plain.
    /// - Parameter text: any text.
    /// - Returns: the folded text.
    public static func fold(_ text: String) -> String {
        // Built as UTF-8 bytes from the text's own: appending scalars to a String one by one cost more than the
        // folding itself, and decoding every ASCII byte as a scalar cost as much again.
        var text = text
        return text.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            func append(_ scalar: Unicode.Scalar) {
                if scalar.value < 0x80 {
                    out.append(UInt8(scalar.value))
                } else {
                    out.append(contentsOf: UTF8.encode(scalar)!)
                }
            }
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                    i += 1
                    continue
                }
                let (value, length) = ByteScan.scalar(bytes, at: i)
                switch value {
                case 0x152, 0x153: out.append(UInt8(ascii: "o")); out.append(UInt8(ascii: "e"))
                case 0xC6, 0xE6: out.append(UInt8(ascii: "a")); out.append(UInt8(ascii: "e"))
                case 0xDF: out.append(UInt8(ascii: "s")); out.append(UInt8(ascii: "s"))
                default:
                    let scalar = Unicode.Scalar(value)!
                    if let folded = fold(scalar) {
                        append(folded)
                    } else if scalar.properties.isUppercase {
                        out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                    } else {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
                    }
                }
                i += length
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
