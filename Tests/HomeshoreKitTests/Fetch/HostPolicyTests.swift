import Testing
@testable import HomeshoreKit

@Suite struct HostPolicyTests {
    @Test func aHostPolicyReplacesTheDefaultsForThatHostOnly() {
        var s = HostScheduler<Int>(maxTotal: 10, perHost: 1, delay: 1, jitter: 0)
        s.policies = ["fast": HostPolicy(perHost: 2, delay: 0), "slow": HostPolicy(perHost: 1, delay: 5)]
        for i in 1...3 { s.add(i, host: "fast") }
        s.add(10, host: "slow")
        s.add(11, host: "slow")
        s.add(20, host: "other")
        s.add(21, host: "other")
        var started: [Int] = []
        while let next = s.next(now: 0) { started.append(next.item) }
        #expect(started.sorted() == [1, 2, 10, 20])  // fast: two at once; slow and other: one
        s.finished(host: "slow", now: 0)
        s.finished(host: "other", now: 0)
        #expect(s.next(now: 1)?.item == 21)  // other waits the default 1 s
        #expect(s.next(now: 4.9) == nil)  // slow waits its own 5 s
        #expect(s.next(now: 5)?.item == 11)
    }

    @Test func sourcesSharingAHostGetTheStrictestSettings() throws {
        let yaml = """
            version: 1
            defaults: {delay: 1s, per_host: 1}
            sources:
              - name: a
                start: ["https://jobs.example/a"]
                delay: 3s
                per_host: 2
              - name: b
                start: ["https://JOBS.example:443/b", "http://other.example/"]
                delay: 2s
                per_host: 4
            """
        let config = try ConfigLoader.parse(yaml, file: "s.yaml")
        let policies = Crawler.hostPolicies(for: config.sources, options: CrawlOptions())
        #expect(policies["https://jobs.example:443"] == HostPolicy(perHost: 2, delay: 3))
        #expect(policies["http://other.example:80"] == HostPolicy(perHost: 4, delay: 2))
        var fast = CrawlOptions()
        fast.delayOverride = 0
        #expect(Crawler.hostPolicies(for: config.sources, options: fast)["https://jobs.example:443"]?.delay == 0)
    }
}

@Suite struct HostHoldTests {
    @Test func aHeldHostStartsNothingBeforeItsTime() {
        var s = HostScheduler<Int>(maxTotal: 10, perHost: 1, delay: 0, jitter: 0)
        s.hold(host: "a", until: 3)
        s.add(1, host: "a")
        s.add(2, host: "b")
        #expect(s.next(now: 0)?.item == 2)
        #expect(s.next(now: 2.9) == nil)
        #expect(s.wakeTime() == 3)
        #expect(s.next(now: 3)?.item == 1)
    }
}
