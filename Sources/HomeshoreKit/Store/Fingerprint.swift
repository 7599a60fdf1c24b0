/// A short, stable fingerprint of bytes (64-bit FNV-1a, in hexadecimal): to tell whether an offer, a recipe or a page
/// changed. Not a cryptographic hash.
public enum Fingerprint {
    /// The fingerprint of some bytes.
    public static func of<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var builder = Builder()
        for byte in bytes { builder.add(byte) }
        return builder.value
    }

    /// The fingerprint of a text's UTF-8 bytes.
    public static func of(_ text: String) -> String { of(text.utf8) }

    /// A fingerprint built a piece at a time: the same as ``of(_:)`` of the pieces joined, without joining them.
    struct Builder {
        private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }

        mutating func add(_ text: String) {
            var text = text
            text.withUTF8 { bytes in
                for byte in bytes { add(byte) }
            }
        }

        var value: String { String(hash, radix: 16) }
    }
}
