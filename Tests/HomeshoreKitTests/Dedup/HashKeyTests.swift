import Testing
@testable import HomeshoreKit

/// The grouping's dictionary key: any 64-bit values, random or not, are found again and spread over the buckets.
@Suite struct HashKeyTests {
    @Test func keysOfEveryShapeAreFoundAgain() {
        let values: [UInt64] = Array(0..<5_000) + (0..<5_000).map { $0 << 32 } + (0..<5_000).map { MinHasher.mix($0) }
        var table: [HashKey: Int] = [:]
        for (i, v) in values.enumerated() { table[HashKey(v), default: 0] += i }
        #expect(table.count == Set(values).count)
        for (i, v) in values.enumerated().prefix(200) where v != 0 { #expect(table[HashKey(v)]! >= i) }
        #expect(table[HashKey(UInt64.max)] == nil)
        // Sequential and shifted values do not pile into a few buckets.
        let seeds = [0, 1, -1, 12_345]
        for seed in seeds {
            let buckets = Set(values.prefix(10_000).map { HashKey($0)._rawHashValue(seed: seed) & 0x3FFF })
            #expect(buckets.count > 5_000, "seed \(seed): \(buckets.count) buckets of 16,384 for 10,000 keys")
        }
    }
}
