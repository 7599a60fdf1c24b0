import CZlib

/// zlib: the HTTP cache's bodies stored before it moved to Brotli (read back; `compress` writes such rows in
/// tests), and gzip streams for the tests' loopback server.
enum Deflate {
    /// The bytes compressed with zlib (level 6).
    static func compress(_ bytes: [UInt8]) -> [UInt8] {
        var size = compressBound(uLong(bytes.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = out.withUnsafeMutableBufferPointer { o in
            bytes.withUnsafeBufferPointer { i in compress2(o.baseAddress, &size, i.baseAddress, uLong(bytes.count), 6) }
        }
        precondition(status == Z_OK, "compress2 failed with \(status)")
        out.removeSubrange(Int(size)...)
        return out
    }

    /// The bytes decompressed, or nil when they are not zlib data or would exceed `limit` bytes.
    static func decompress(_ bytes: [UInt8], expectedSize: Int, limit: Int = 64 << 20) -> [UInt8]? {
        guard expectedSize >= 0, expectedSize <= limit else { return nil }
        var size = uLong(expectedSize)
        var out = [UInt8](repeating: 0, count: max(1, expectedSize))
        let status = out.withUnsafeMutableBufferPointer { o in
            bytes.withUnsafeBufferPointer { i in uncompress(o.baseAddress, &size, i.baseAddress, uLong(bytes.count)) }
        }
        guard status == Z_OK, Int(size) == expectedSize else { return nil }
        if expectedSize == 0 { return [] }
        return out
    }

    /// The bytes as a gzip stream (RFC 1952), for servers that send `Content-Encoding: gzip`.
    static func gzip(_ bytes: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        let windowBits: Int32 = 15 + 16  // gzip wrapper
        precondition(deflateInit2_(&stream, 6, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
            Int32(MemoryLayout<z_stream>.size)) == Z_OK)
        defer { deflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 32)
        var input = bytes
        let produced: Int = input.withUnsafeMutableBufferPointer { i in
            out.withUnsafeMutableBufferPointer { o in
                stream.next_in = i.baseAddress
                stream.avail_in = uInt(i.count)
                stream.next_out = o.baseAddress
                stream.avail_out = uInt(o.count)
                precondition(deflate(&stream, Z_FINISH) == Z_STREAM_END)
                return o.count - Int(stream.avail_out)
            }
        }
        return Array(out.prefix(produced))
    }
}
