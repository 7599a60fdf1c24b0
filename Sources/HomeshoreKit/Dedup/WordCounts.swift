/// Counts of 64-bit word hashes, in one open-addressed table (linear probing, Fibonacci hashing of the key): the
/// weights count millions of words, and a `Dictionary` (even with ``HashKey``) spent most of that time in its
/// generic lookup. A key and its count share a slot (one cache line read per word, the table being larger than the
/// processor's caches). Only ever grows; 0 is a valid key (counted apart, since an empty slot holds 0).
struct WordCounts {
    private struct Slot {
        var key: UInt64
        var count: Int32
    }

    private var slots: [Slot]
    private var zeroCount: Int32 = 0
    private var used = 0
    private var shift: UInt64

    /// - Parameter capacity: slots to start with, rounded up to a power of two (at least 16).
    init(capacity: Int = 16) {
        var size = 16
        while size < capacity { size *= 2 }
        slots = Array(repeating: Slot(key: 0, count: 0), count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inline(__always) private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The count of a key, 0 when never added.
    func count(_ key: UInt64) -> Int32 {
        if key == 0 { return zeroCount }
        return slots.withUnsafeBufferPointer { slots in
            var i = slot(key)
            let mask = slots.count - 1
            while true {
                let s = slots[i]
                if s.key == key { return s.count }
                if s.key == 0 { return 0 }
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
        if 2 * (used + 1) > slots.count { grow() }
        let start = slot(key)
        let added = slots.withUnsafeMutableBufferPointer { slots in
            let mask = slots.count - 1
            var i = start
            while true {
                if slots[i].key == key {
                    slots[i].count += 1
                    return false
                }
                if slots[i].key == 0 {
                    slots[i] = Slot(key: key, count: 1)
                    return true
                }
                i = (i + 1) & mask
            }
        }
        if added { used += 1 }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(key: 0, count: 0), count: 2 * old.count)
        shift -= 1
        let mask = slots.count - 1
        for s in old where s.key != 0 {
            var i = slot(s.key)
            while slots[i].key != 0 { i = (i + 1) & mask }
            slots[i] = s
        }
    }
}
