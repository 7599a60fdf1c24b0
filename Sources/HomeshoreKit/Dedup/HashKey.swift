/// A 64-bit hash (of a word, a band, a title key) as a dictionary key, hashed with one multiply instead of SipHash:
/// grouping counts and looks up millions of them, and Swift's `Hasher` was a fifth of a nightly grouping step.
///
/// The value is mixed with the dictionary's seed (so iteration order still varies between dictionaries) and a
/// 64-bit finaliser, so that keys that are not random (small numbers) still spread over the buckets.
struct HashKey: Hashable {
    let raw: UInt64

    init(_ raw: UInt64) { self.raw = raw }

    static func == (a: HashKey, b: HashKey) -> Bool { a.raw == b.raw }

    func hash(into hasher: inout Hasher) { hasher.combine(raw) }

    func _rawHashValue(seed: Int) -> Int {
        var z = raw ^ UInt64(UInt(bitPattern: seed))
        z = (z ^ (z >> 33)) &* 0xff51_afd7_ed55_8ccd
        return Int(truncatingIfNeeded: z ^ (z >> 33))
    }
}
