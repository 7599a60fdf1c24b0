import CBrotli

/// Brotli, the codec of the HTTP cache's bodies while they were kept (quality 0: on HTML about ten times faster than
/// zlib at level 6, 700 against 60 MB/s on this project's benchmark pages, for a tenth more bytes). Bodies are no
/// longer kept (see ``HTTPCache``); rows written before are still read, and the tests write such rows.
enum Brotli {
    /// The bytes compressed (quality 0, text mode, default window).
    static func compress(_ bytes: [UInt8]) -> [UInt8] {
        var bound = BrotliEncoderMaxCompressedSize(bytes.count)
        if bound == 0 { bound = bytes.count + 1024 }  // only for inputs beyond what the bound can tell
        var ok = BROTLI_FALSE
        // Not zeroed first: the encoder writes every byte it reports.
        let out = [UInt8](unsafeUninitializedCapacity: bound) { o, count in
            var size = bound
            ok = bytes.withUnsafeBufferPointer { i in
                BrotliEncoderCompress(0, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, i.count, i.baseAddress, &size, o.baseAddress)
            }
            count = ok == BROTLI_TRUE ? size : 0
        }
        precondition(ok == BROTLI_TRUE, "BrotliEncoderCompress failed")
        return out
    }

    /// The bytes decompressed, or nil when they are not Brotli data or do not give exactly `expectedSize` bytes
    /// (at most `limit`).
    static func decompress(_ bytes: [UInt8], expectedSize: Int, limit: Int = 64 << 20) -> [UInt8]? {
        guard expectedSize >= 0, expectedSize <= limit else { return nil }
        // One byte more than expected: a stream that would give more is told from one that gives exactly that.
        var out = [UInt8](repeating: 0, count: expectedSize + 1)
        var size = out.count
        let result = out.withUnsafeMutableBufferPointer { o in
            bytes.withUnsafeBufferPointer { i in BrotliDecoderDecompress(i.count, i.baseAddress, &size, o.baseAddress) }
        }
        guard result == BROTLI_DECODER_RESULT_SUCCESS, size == expectedSize else { return nil }
        out.removeLast()
        return out
    }
}
