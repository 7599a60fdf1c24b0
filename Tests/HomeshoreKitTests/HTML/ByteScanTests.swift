import Testing
@testable import HomeshoreKit

@Suite struct ByteScanTests {
    /// The first occurrence found by comparing at every position.
    static func naive(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard start >= 0, start + needle.count <= haystack.count else { return nil }
        if needle.isEmpty { return start }
        for i in start...(haystack.count - needle.count) where haystack[i..<(i + needle.count)].elementsEqual(needle) {
            return i
        }
        return nil
    }

    /// Haystacks on both sides of the 512 bytes where the search changes method, needles of every length from 1
    /// to longer than the haystack, at the start, the end, absent, overlapping themselves and almost matching.
    @Test func findsWhatComparingEveryPositionFinds() {
        var state: UInt64 = 5
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var found = 0, checked = 0
        for length in [0, 1, 2, 3, 7, 100, 511, 512, 513, 600, 2_000] {
            for _ in 0..<60 {
                // A small alphabet makes near matches and repeats common.
                let haystack = (0..<length).map { _ in UInt8(ascii: "a") + UInt8(next(3)) }
                for _ in 0..<6 {
                    let needleLength = 1 + next(min(12, length + 2))
                    let needle: [UInt8]
                    if next(2) == 0, needleLength <= length {
                        let at = next(length - needleLength + 1)
                        needle = Array(haystack[at..<(at + needleLength)])
                    } else {
                        needle = (0..<needleLength).map { _ in UInt8(ascii: "a") + UInt8(next(3)) }
                    }
                    let start = length == 0 ? 0 : next(length)
                    let fast = haystack.withUnsafeBufferPointer { h in
                        needle.withUnsafeBufferPointer { n in ByteScan.find(n, in: h, from: start) }
                    }
                    let expected = Self.naive(needle, in: haystack, from: start)
                    #expect(fast == expected, "needle \(needle) in \(length) bytes from \(start)")
                    checked += 1
                    if expected != nil { found += 1 }
                }
            }
        }
        #expect(found > checked / 4 && found < checked)
    }
}
