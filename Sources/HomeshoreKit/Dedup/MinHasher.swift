import CMinHash

/// MinHash signatures of word shingles, and their LSH band keys.
///
/// A shingle is `shingleSize` consecutive words of the folded text (the words datasketch's peer script takes with
/// `\w+`). Each shingle is hashed to 64 bits, then each of the `permutations` hash functions is a multiply-shift
/// `(a·x + b) >> 32` with odd `a`: universal, and one multiply-add per permutation. The signature is the minimum of
/// each function over the shingles; two texts' signatures agree in a fraction of places that estimates the Jaccard
/// similarity of their shingle sets.
public struct MinHasher: Sendable {
    /// Words per shingle.
    public let shingleSize: Int
    /// Hash functions (signature length).
    public let permutations: Int
    /// LSH bands; `permutations / bands` rows each.
    public let bands: Int
    /// Each hash function's multiplier (odd) and addend.
    let a: [UInt64]
    let b: [UInt64]

    /// - Parameters:
    ///   - shingleSize: words per shingle (3).
    ///   - permutations: signature length (128).
    ///   - bands: LSH bands (16 bands of 8 rows: a pair at Jaccard 0.8 becomes a candidate with probability 0.95,
    ///     at 0.5 with 0.06; an agency's boilerplate alone rarely makes two of its offers meet).
    ///   - seed: the seed of the hash functions; stored signatures are only comparable under the same seed.
    public init(shingleSize: Int = 3, permutations: Int = 128, bands: Int = 16, seed: UInt64 = 0x486F_6D65_7368_6F72) {
        precondition(permutations % bands == 0, "bands must divide permutations")
        self.shingleSize = shingleSize
        self.permutations = permutations
        self.bands = bands
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        a = (0..<permutations).map { _ in next() | 1 }
        b = (0..<permutations).map { _ in next() }
    }

    /// FNV-1a of a word, finalised with a SplitMix step.
    @inline(__always) static func hash(_ word: String) -> UInt64 {
        hash(utf8: word.utf8)
    }

    /// ``hash(_:)`` of a word given as its UTF-8 bytes.
    @inline(__always) static func hash(utf8 bytes: some Sequence<UInt8>) -> UInt64 {
        var h = fnvOffset
        for byte in bytes {
            h ^= UInt64(byte)
            h = h &* fnvPrime
        }
        return mix(h)
    }

    /// FNV-1a's starting value and prime (64 bits), for a hash computed byte by byte in place (``hash(utf8:)``).
    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    @inline(__always) static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The hashes of the text's shingles (one per shingle, duplicates kept: they do not change a minimum).
    public func shingleHashes(words: [String]) -> [UInt64] {
        shingleHashes(wordHashes: words.map(Self.hash))
    }

    /// ``shingleHashes(words:)`` of words already hashed (each ``hash(_:)``), in the text's order.
    func shingleHashes(wordHashes: [UInt64]) -> [UInt64] {
        guard !wordHashes.isEmpty else { return [] }
        if wordHashes.count < shingleSize {
            return [wordHashes.reduce(0) { Self.mix($0 &* 31 &+ $1) }]
        }
        var result: [UInt64] = []
        result.reserveCapacity(wordHashes.count - shingleSize + 1)
        for start in 0...(wordHashes.count - shingleSize) {
            var h: UInt64 = 0
            for i in start..<(start + shingleSize) { h = Self.mix(h &* 31 &+ wordHashes[i]) }
            result.append(h)
        }
        return result
    }

    /// The MinHash signature of a set of shingle hashes; all `UInt32.max` for an empty text. Computed in C
    /// (`homeshore_minhash`), in vector registers where the processor allows: the multiply-adds are most of the
    /// cost of grouping an offer.
    public func signature(of shingles: [UInt64]) -> [UInt32] {
        [UInt32](unsafeUninitializedCapacity: permutations) { out, initialized in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    shingles.withUnsafeBufferPointer { xs in
                        homeshore_minhash(a.baseAddress, b.baseAddress, permutations, xs.baseAddress, xs.count,
                            out.baseAddress)
                    }
                }
            }
            initialized = permutations
        }
    }

    /// One key per band: the band's rows hashed with the band's number. Texts with no words have no keys.
    public func bandKeys(_ signature: [UInt32]) -> [UInt64] {
        guard signature.contains(where: { $0 != UInt32.max }) else { return [] }
        let rows = permutations / bands
        return (0..<bands).map { band in
            var h = Self.mix(UInt64(band) &+ 0x6261_6E64)
            for i in (band * rows)..<((band + 1) * rows) { h = Self.mix(h ^ UInt64(signature[i])) }
            return h
        }
    }

    /// The fraction of places where two signatures agree: an estimate of their texts' Jaccard similarity.
    public static func similarity(_ x: [UInt32], _ y: [UInt32]) -> Double {
        guard x.count == y.count, !x.isEmpty else { return 0 }
        var same = 0
        for i in 0..<x.count where x[i] == y[i] { same += 1 }
        return Double(same) / Double(x.count)
    }
}
