import Foundation
import Testing
@testable import HomeshoreKit

/// Dates as feeds write them, read into the UTC day every source stores.
@Suite struct FeedDateTests {
    static let now = DateText.utcDate(2026, 12, 2)!

    @Test(arguments: [
        ("Tue, 01 Dec 2026 08:30:00 +0100", "2026-12-01"),
        ("Tue, 01 Dec 2026 00:30:00 +0100", "2026-11-30"),
        ("Mon, 30 Nov 2026 23:30:00 -0200", "2026-12-01"),
        ("30 Nov 2026 09:15 GMT", "2026-11-30"),
        ("Sat, 28 Nov 26 14:00 CET", "2026-11-28"),
        ("Sun, 29 Nov 2026 00:10:00 CEST", "2026-11-28"),
        ("Sun,29 Nov 2026 12:00:00 Z", "2026-11-29"),
        ("2026-11-27T08:00:00+01:00", "2026-11-27"),
        ("2026-11-27", "2026-11-27"),
        ("27 novembre 2026", "2026-11-27"),
    ])
    func readsFeedDates(_ text: String, _ day: String) {
        #expect(FeedDate.day(text, now: Self.now) == day, "\(text)")
    }

    @Test(arguments: ["Tue, 31 Feb 2026 08:00:00 GMT", "demain", ""])
    func rejectsWhatIsNoDate(_ text: String) {
        #expect(FeedDate.day(text, now: Self.now) == nil, "\(text)")
    }

    @Test func rejectsAnImpossibleTime() {
        #expect(FeedDate.rfc822("Tue, 01 Dec 2026 25:00:00 GMT") == nil)
        #expect(FeedDate.rfc822("Tue, 01 Dec 2026 23:00:00 GMT") != nil)
    }
}
