import Foundation
import Testing
@testable import HomeshoreKit

/// The systemd units and crontab line of `homeshore schedule`, and the next run it computes.
@Suite struct NightlyScheduleTests {
    static let schedule = NightlySchedule(hour: 6, minute: 5, executable: "/usr/local/bin/homeshore",
        workingDirectory: "/home/ana/homeshore", configPath: "/home/ana/homeshore/sources.yaml",
        cacheFolder: "/home/ana/homeshore/cache")

    @Test func unitsRunNightlyInTheWorkingFolder() throws {
        let folder = TemporaryFolder()
        let files = try Self.schedule.install(unitDirectory: folder.path + "/units")
        #expect(files.map { ($0 as NSString).lastPathComponent } == ["homeshore-nightly.service", "homeshore-nightly.timer"])
        let service = try String(contentsOfFile: files[0], encoding: .utf8)
        #expect(service.contains("Type=oneshot\n"))
        #expect(service.contains("WorkingDirectory=/home/ana/homeshore\n"))
        #expect(service.contains("Environment=HOMESHORE_CACHE=/home/ana/homeshore/cache\n"))
        #expect(service.contains(
            "ExecStart=\"/usr/local/bin/homeshore\" nightly --config \"/home/ana/homeshore/sources.yaml\" --cache \"/home/ana/homeshore/cache\"\n"))
        let timer = try String(contentsOfFile: files[1], encoding: .utf8)
        #expect(timer.contains("OnCalendar=*-*-* 06:05:00\n"))
        #expect(timer.contains("Persistent=true\n"))
        #expect(timer.contains("WantedBy=timers.target\n"))
        #expect(NightlySchedule.installedTime(unitDirectory: folder.path + "/units")! == (6, 5))
        #expect(NightlySchedule.remove(unitDirectory: folder.path + "/units").count == 2)
        #expect(NightlySchedule.installedTime(unitDirectory: folder.path + "/units") == nil)
        #expect(Self.schedule.cronLine.hasPrefix("5 6 * * * cd \"/home/ana/homeshore\" && \"/usr/local/bin/homeshore\" nightly"))
    }

    @Test func refusesPathsThatWouldBreakTheUnit() {
        var s = Self.schedule
        s.workingDirectory = "/home/ana/$(rm -rf ~)"
        #expect(throws: ScheduleError.self) { try s.validate() }
        s.workingDirectory = "relative/path"
        #expect(throws: ScheduleError.self) { try s.validate() }
    }

    @Test func nextRunIsTodayOrTomorrow() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris")!
        let before = DateText.parse("2026-11-30T04:00:00Z")!  // 05:00 in Paris
        let after = DateText.parse("2026-11-30T06:00:00Z")!  // 07:00 in Paris
        #expect(NightlySchedule.nextRun(hour: 6, minute: 5, after: before, calendar: calendar)
            == DateText.parse("2026-11-30T05:05:00Z"))
        #expect(NightlySchedule.nextRun(hour: 6, minute: 5, after: after, calendar: calendar)
            == DateText.parse("2026-12-01T05:05:00Z"))
        #expect(NightlySchedule.parseTime("24:00") == nil)
        #expect(NightlySchedule.parseTime("7:30")! == (7, 30))
    }
}
