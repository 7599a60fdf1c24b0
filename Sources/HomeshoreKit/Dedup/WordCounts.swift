/// Counts of 64-bit word hashes, in one open-addressed table (linear probing, Fibonacci hashing of the key): the
/// weights count millions of words, and a `Dictionary` (even with ``HashKey``) spent most of that time in its
/// generic lookup. Only ever grows; 0 is a valid key (counted apart, since an empty slot holds 0).
struct WordCounts {
    private var keys: [UInt64]
    private var counts: [Int32]
    private var zeroCount: Int32 = 0
    private var used = 0
    private var shift: UInt64

    /// - Parameter capacity: slots to start with, rounded up to a power of two (at least 16).
    init(capacity: Int = 16) {
        var size = 16
        while size < capacity { size *= 2 }
        keys = Array(repeating: 0, count: size)
        counts = Array(repeating: 0, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inline(__always) private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The count of a key, 0 when never added.
    func count(_ key: UInt64) -> Int32 {
        if key == 0 { return zeroCount }
        return keys.withUnsafeBufferPointer { keys in
            var i = slot(key)
            let mask = keys.count - 1
            while true {
                let k = keys[i]
                if k == key { return counts[i] }
                if k == 0 { return 0 }
                i = (i + 1) & mask
            }
        }
    }

    /// Adds one to a key's count.
    mutating func add(_ key: UInt64) {
        if key == 0 {
            zeroCount += 1
            return
        }
        if 2 * (used + 1) > keys.count { grow() }
        let mask = keys.count - 1
        var i = slot(key)
        while true {
            let k = keys[i]
            if k == key {
                counts[i] += 1
                return
            }
            if k == 0 {
                keys[i] = key
                counts[i] = 1
                used += 1
                return
            }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldCounts = counts
        keys = Array(repeating: 0, count: 2 * oldKeys.count)
        counts = Array(repeating: 0, count: 2 * oldKeys.count)
        shift -= 1
        let mask = keys.count - 1
        for (j, key) in oldKeys.enumerated() where key != 0 {
            var i = slot(key)
            while keys[i] != 0 { i = (i + 1) & mask }
            keys[i] = key
            counts[i] = oldCounts[j]
        }
    }
}
