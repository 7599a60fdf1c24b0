import Testing
@testable import HomeshoreKit

@Suite struct WordCountsTests {
    @Test func countsAsADictionaryDoesThroughGrowth() {
        var table = WordCounts()
        var expected: [UInt64: Int32] = [:]
        var state: UInt64 = 42
        for step in 0..<50_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            // Hashes as words give them, small numbers, 0 and keys that share their low bits.
            let key = switch step % 4 {
            case 0: MinHasher.hash("w\(state % 3000)")
            case 1: state % 50
            case 2: (state % 200) << 40
            default: state
            }
            table.add(key)
            expected[key, default: 0] += 1
        }
        #expect(expected[0] != nil)
        #expect(expected.allSatisfy { table.count($0.key) == $0.value })
        #expect(table.count(0xDEAD_BEEF_0000_0001) == 0 && expected[0xDEAD_BEEF_0000_0001] == nil)
    }
}
