import Foundation

/// Why a schedule could not be written, read or removed.
public struct ScheduleError: Error, CustomStringConvertible {
    public var description: String
}

/// The daily run of `homeshore nightly`: a systemd user timer and service, or a crontab line.
public struct NightlySchedule: Sendable, Equatable {
    /// The unit name (`homeshore-nightly.service`, `homeshore-nightly.timer`).
    public static let unitName = "homeshore-nightly"

    public var hour: Int
    public var minute: Int
    /// The `homeshore` executable, absolute.
    public var executable: String
    /// The folder the run starts in (where `sources.yaml` is).
    public var workingDirectory: String
    /// The sources file and the cache folder, absolute.
    public var configPath: String
    public var cacheFolder: String

    public init(hour: Int, minute: Int, executable: String, workingDirectory: String, configPath: String,
                cacheFolder: String) {
        self.hour = hour
        self.minute = minute
        self.executable = executable
        self.workingDirectory = workingDirectory
        self.configPath = configPath
        self.cacheFolder = cacheFolder
    }

    /// Parses `HH:MM`. - Returns: hour and minute, or nil.
    public static func parseTime(_ text: String) -> (hour: Int, minute: Int)? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
            (0...23).contains(h), (0...59).contains(m)
        else { return nil }
        return (h, m)
    }

    var time: String { String(format: "%02d:%02d", hour, minute) }

    /// A value quoted for systemd's ExecStart and for a POSIX shell: single quotes, `'` written as `'\''`... systemd
    /// does not read that, so paths with quotes or line breaks are refused by ``validate()``.
    static func quote(_ text: String) -> String { "\"\(text)\"" }

    /// Refuses paths that neither systemd nor a crontab could hold safely.
    public func validate() throws {
        for path in [executable, workingDirectory, configPath, cacheFolder]
        where path.contains(where: { "\"'\\$%`\n\r".contains($0) }) || !path.hasPrefix("/") {
            throw ScheduleError(description: "'\(path)' must be an absolute path without quotes, $, %, ` or backslashes")
        }
    }

    /// The command the schedule runs.
    var command: String {
        "\(Self.quote(executable)) nightly --config \(Self.quote(configPath)) --cache \(Self.quote(cacheFolder))"
    }

    /// `homeshore-nightly.service`: a oneshot that runs `homeshore nightly` in the working folder.
    public var serviceUnit: String {
        """
        # Written by `homeshore schedule install`; `homeshore schedule remove` deletes it.
        [Unit]
        Description=Homeshore: crawl the due sources and write the digest

        [Service]
        Type=oneshot
        WorkingDirectory=\(workingDirectory)
        Environment=HOMESHORE_CACHE=\(cacheFolder)
        ExecStart=\(command)
        Nice=10

        """
    }

    /// `homeshore-nightly.timer`: daily at the chosen time, caught up after the machine was off.
    public var timerUnit: String {
        """
        # Written by `homeshore schedule install`; `homeshore schedule remove` deletes it.
        [Unit]
        Description=Homeshore: nightly run at \(time)

        [Timer]
        OnCalendar=*-*-* \(time):00
        Persistent=true
        RandomizedDelaySec=300

        [Install]
        WantedBy=timers.target

        """
    }

    /// The crontab line.
    public var cronLine: String {
        "\(minute) \(hour) * * * cd \(Self.quote(workingDirectory)) && \(command) >> \(Self.quote(cacheFolder + "/nightly.log")) 2>&1"
    }

    /// Writes the two unit files into `unitDirectory`.
    /// - Returns: the files written.
    public func install(unitDirectory: String) throws -> [String] {
        try validate()
        do {
            try FileManager.default.createDirectory(atPath: unitDirectory, withIntermediateDirectories: true)
            let service = (unitDirectory as NSString).appendingPathComponent(Self.unitName + ".service")
            let timer = (unitDirectory as NSString).appendingPathComponent(Self.unitName + ".timer")
            try serviceUnit.write(toFile: service, atomically: true, encoding: .utf8)
            try timerUnit.write(toFile: timer, atomically: true, encoding: .utf8)
            return [service, timer]
        } catch {
            throw ScheduleError(description: "cannot write the units in \(unitDirectory): \(error.localizedDescription)")
        }
    }

    /// Deletes the unit files. - Returns: the files deleted.
    public static func remove(unitDirectory: String) -> [String] {
        [".service", ".timer"].compactMap { suffix in
            let path = (unitDirectory as NSString).appendingPathComponent(unitName + suffix)
            return (try? FileManager.default.removeItem(atPath: path)) != nil ? path : nil
        }
    }

    /// The daily time of an installed timer (its `OnCalendar=*-*-* HH:MM:SS`), nil when none is installed.
    public static func installedTime(unitDirectory: String) -> (hour: Int, minute: Int)? {
        let path = (unitDirectory as NSString).appendingPathComponent(unitName + ".timer")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("OnCalendar=") {
            guard let clock = line.split(separator: " ").last else { continue }
            let parts = clock.split(separator: ":")
            if parts.count >= 2, let time = parseTime("\(parts[0]):\(parts[1])") { return time }
        }
        return nil
    }

    /// The next time a daily schedule at `hour:minute` (local time of `calendar`) fires after `now`.
    public static func nextRun(hour: Int, minute: Int, after now: Date, calendar: Calendar = .current) -> Date {
        calendar.nextDate(after: now, matching: DateComponents(hour: hour, minute: minute, second: 0),
            matchingPolicy: .nextTime) ?? now.addingTimeInterval(86_400)
    }
}
