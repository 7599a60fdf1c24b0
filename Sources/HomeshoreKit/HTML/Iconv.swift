#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Transcoding of the encodings Homeshore has no table for (ISO-8859-15, Shift_JIS…) through the C library.
enum Iconv {
    /// Converts `bytes` from the encoding named `label` to UTF-8; invalid sequences become U+FFFD.
    ///
    /// - Returns: The UTF-8 bytes, or `nil` when the C library knows no such encoding.
    static func toUTF8(_ bytes: [UInt8], from label: String) -> [UInt8]? {
        let converter = iconv_open("UTF-8", label)
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = bytes
        input.withUnsafeMutableBufferPointer { inputBuffer in
            guard let inputBase = inputBuffer.baseAddress else { return }
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inputBase).assumingMemoryBound(to: CChar.self)
            var inLeft = inputBuffer.count
            chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                let chunkBase = UnsafeMutableRawPointer(chunkBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                while inLeft > 0 {
                    var outPointer: UnsafeMutablePointer<CChar>? = chunkBase
                    var outLeft = chunkBuffer.count
                    let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    output.append(contentsOf: UnsafeBufferPointer(start: chunkBuffer.baseAddress, count: chunkBuffer.count - outLeft))
                    if result == -1 {
                        let error = errno
                        if error == E2BIG { continue }
                        // EILSEQ or EINVAL: replace one byte and carry on.
                        output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                        inPointer = inPointer.map { $0 + 1 }
                        inLeft -= 1
                    }
                }
            }
        }
        return output
    }
}
