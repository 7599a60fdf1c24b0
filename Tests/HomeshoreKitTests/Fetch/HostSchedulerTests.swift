import Testing
@testable import HomeshoreKit

@Suite struct HostSchedulerTests {
    @Test func oneHostWaitsForTheDelayBetweenStarts() {
        var s = HostScheduler<Int>(maxTotal: 10, perHost: 5, delay: 1, jitter: 0)
        s.add(1, host: "a")
        s.add(2, host: "a")
        #expect(s.next(now: 0)?.item == 1)
        #expect(s.next(now: 0.5) == nil)
        #expect(s.wakeTime() == 1)
        #expect(s.next(now: 1)?.item == 2)
    }

    @Test func hostsDoNotBlockEachOther() {
        var s = HostScheduler<Int>(maxTotal: 10, perHost: 1, delay: 1, jitter: 0)
        s.add(1, host: "a")
        s.add(2, host: "a")
        s.add(3, host: "b")
        #expect(s.next(now: 0)?.item == 1)
        #expect(s.next(now: 0)?.item == 3)
        #expect(s.next(now: 0) == nil)
    }

    @Test func perHostLimitHoldsUntilATransferEnds() {
        var s = HostScheduler<Int>(maxTotal: 10, perHost: 2, delay: 0, jitter: 0)
        for i in 1...3 { s.add(i, host: "a") }
        #expect(s.next(now: 0)?.item == 1)
        #expect(s.next(now: 0)?.item == 2)
        #expect(s.next(now: 0) == nil)
        s.finished(host: "a", now: 0)
        #expect(s.next(now: 0)?.item == 3)
    }

    @Test func globalLimitHoldsOverHosts() {
        var s = HostScheduler<Int>(maxTotal: 2, perHost: 1, delay: 0, jitter: 0)
        for i in 1...3 { s.add(i, host: "h\(i)") }
        #expect(s.next(now: 0) != nil)
        #expect(s.next(now: 0) != nil)
        #expect(s.next(now: 0) == nil)
        #expect(s.inFlight == 2)
        s.finished(host: "h1", now: 0)
        #expect(s.next(now: 0)?.item == 3)
    }

    @Test func jitterAddsUpToItsFractionOfTheDelay() {
        var s = HostScheduler<Int>(maxTotal: 10, perHost: 1, delay: 2, jitter: 0.5)
        s.random = { 0.5 }
        s.add(1, host: "a")
        s.add(2, host: "a")
        _ = s.next(now: 0)
        s.finished(host: "a", now: 0.1)
        #expect(s.wakeTime() == 2.5)
        #expect(s.next(now: 2.4) == nil)
        #expect(s.next(now: 2.5)?.item == 2)
    }

    @Test func removeAllWaitingReturnsWhatDidNotStart() {
        var s = HostScheduler<Int>(maxTotal: 10, perHost: 1, delay: 0, jitter: 0)
        for i in 1...4 { s.add(i, host: i % 2 == 0 ? "a" : "b") }
        _ = s.next(now: 0)
        #expect(s.removeAllWaiting().sorted().count == 3)
        #expect(s.waitingCount == 0)
        #expect(s.next(now: 10) == nil)
    }
}
