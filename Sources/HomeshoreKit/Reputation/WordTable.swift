/// A table from folded words to values, built once and then read by the scorer for every token.
///
/// The scorer looks each token up in several tables (lexicon words, expressions, markers, stop words). A
/// `Dictionary<String, _>` hashes the key anew at each lookup with SipHash, which was a third of the scoring time;
/// here a token carries one FNV-1a hash of its bytes (``SentimentToken/wordHash``), computed once by the tokenizer,
/// and each table finds the word by linear probing on it. Keys keep their insertion order.
struct WordTable<Value: Sendable>: Sendable, Sequence {
    /// The keys, in insertion order.
    private(set) var keys: [String] = []
    /// The values, in the keys' order.
    private(set) var values: [Value] = []
    private var hashes: [UInt64] = []
    /// Indexes into `keys`, -1 for an empty slot; the count is a power of two, at least twice the keys'.
    private var slots: [Int32]

    /// An empty table that holds `minimumCapacity` keys without growing.
    init(minimumCapacity: Int = 0) {
        var size = 16
        while size < 2 * minimumCapacity { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        keys.reserveCapacity(minimumCapacity)
        values.reserveCapacity(minimumCapacity)
        hashes.reserveCapacity(minimumCapacity)
    }

    /// A table with a dictionary's entries.
    init(_ dictionary: [String: Value]) {
        self.init(minimumCapacity: dictionary.count)
        for (key, value) in dictionary { set(key, value) }
    }

    /// The FNV-1a hash of a word's UTF-8 bytes.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// The FNV-1a hash of a word's UTF-8 bytes.
    static func hash(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// How many keys the table holds.
    var count: Int { keys.count }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func find(_ key: String, hash: UInt64) -> (slot: Int, index: Int?) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return (slot, nil) }
            if hashes[index] == hash, keys[index] == key { return (slot, index) }
            slot = (slot + 1) & mask
        }
    }

    /// The value of a word, given its hash.
    @inline(__always)
    func value(_ key: String, hash: UInt64) -> Value? {
        find(key, hash: hash).index.map { values[$0] }
    }

    /// The value of a word.
    subscript(key: String) -> Value? { value(key, hash: Self.hash(key)) }

    /// The value of a token's text.
    subscript(token token: SentimentToken) -> Value? { value(token.text, hash: token.wordHash) }

    /// Sets the value of a word, replacing the one it had.
    mutating func set(_ key: String, _ value: Value) {
        let hash = Self.hash(key)
        let (slot, index) = find(key, hash: hash)
        if let index {
            values[index] = value
            return
        }
        slots[slot] = Int32(keys.count)
        keys.append(key)
        values.append(value)
        hashes.append(hash)
        if 2 * keys.count > slots.count { grow() }
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: 2 * slots.count)
        for index in keys.indices {
            let (slot, _) = find(keys[index], hash: hashes[index])
            slots[slot] = Int32(index)
        }
    }

    func makeIterator() -> some IteratorProtocol<(key: String, value: Value)> {
        zip(keys, values).lazy.map { (key: $0, value: $1) }.makeIterator()
    }
}

extension WordTable: Equatable where Value: Equatable {
    /// Tables are equal when they hold the same words with the same values, whatever the order.
    static func == (a: WordTable, b: WordTable) -> Bool {
        a.count == b.count && zip(a.keys, a.values).allSatisfy { b[$0] == $1 }
    }
}
