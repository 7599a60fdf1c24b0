import ArgumentParser
import Foundation
import HomeshoreKit

extension Homeshore {
    struct Schedule: AsyncParsableCommand {
        enum Action: String, ExpressibleByArgument, CaseIterable { case install, show, remove }

        static let configuration = CommandConfiguration(
            commandName: "schedule",
            abstract: "Install, show or remove the daily run of `homeshore nightly` (systemd user timer, or cron).",
            discussion: """
                install writes homeshore-nightly.service and .timer into --unit-dir (default \
                ~/.config/systemd/user); enable them with `systemctl --user daemon-reload && systemctl --user enable \
                --now homeshore-nightly.timer`. With --cron, prints the crontab line instead (--install adds it with \
                `crontab -`). show says when the next run is and how the last one ended.
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "install, show or remove.")
        var action: Action

        @Option(help: ArgumentHelp("The daily time, HH:MM (local time).", valueName: "HH:MM"))
        var at: String = "06:30"

        @Option(help: ArgumentHelp("Where the systemd units go.", valueName: "dir"))
        var unitDir: String = NSHomeDirectory() + "/.config/systemd/user"

        @Flag(help: "Use cron instead of systemd: print the crontab line.")
        var cron = false

        @Flag(help: "With --cron: add the line to the user's crontab (through `crontab -`).")
        var install = false

        func validate() throws {
            guard NightlySchedule.parseTime(at) != nil else { throw ValidationError("--at must be HH:MM, not '\(at)'") }
            if install && !cron { throw ValidationError("--install goes with --cron") }
        }

        func schedule() -> NightlySchedule {
            let time = NightlySchedule.parseTime(at)!
            let cwd = FileManager.default.currentDirectoryPath
            func absolute(_ path: String) -> String {
                path.hasPrefix("/") ? path : ((cwd as NSString).appendingPathComponent(path) as NSString).standardizingPath
            }
            let workspace = global.workspace
            let executable = absolute(CommandLine.arguments[0].contains("/")
                ? CommandLine.arguments[0] : (Self.which("homeshore") ?? CommandLine.arguments[0]))
            return NightlySchedule(hour: time.hour, minute: time.minute, executable: executable,
                workingDirectory: (absolute(workspace.configPath) as NSString).deletingLastPathComponent,
                configPath: absolute(workspace.configPath), cacheFolder: absolute(workspace.cacheFolder))
        }

        static func which(_ name: String) -> String? {
            for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
                let path = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
            return nil
        }

        func run() async throws {
            switch action {
            case .install:
                let s = schedule()
                if cron {
                    try s.validate()
                    print(s.cronLine)
                    if install { try Self.addToCrontab(s.cronLine) }
                    return
                }
                for file in try s.install(unitDirectory: unitDir) { print("wrote \(file)") }
                print("enable it: systemctl --user daemon-reload && systemctl --user enable --now \(NightlySchedule.unitName).timer")
            case .remove:
                let removed = NightlySchedule.remove(unitDirectory: unitDir)
                print(removed.isEmpty ? "no units in \(unitDir)" : removed.map { "removed \($0)" }.joined(separator: "\n"))
                if !removed.isEmpty { print("then: systemctl --user daemon-reload") }
            case .show:
                if let time = NightlySchedule.installedTime(unitDirectory: unitDir) {
                    let next = NightlySchedule.nextRun(hour: time.hour, minute: time.minute, after: Date())
                    let formatter = DateFormatter()
                    formatter.dateFormat = "yyyy-MM-dd HH:mm zzz"
                    print("timer: daily at \(String(format: "%02d:%02d", time.hour, time.minute)), next run \(formatter.string(from: next))")
                } else {
                    print("no timer in \(unitDir) (homeshore schedule install, or --cron)")
                }
                let store = try global.workspace.openStore()
                if let last = try store.runs(limit: 1).first {
                    let bad = last.sources.filter { $0.status != "ok" }.map { "\($0.source) \($0.status)" }
                    print("last run: \(last.startedAt), \(last.status)" + (bad.isEmpty ? "" : " (\(bad.joined(separator: ", ")))"))
                } else {
                    print("last run: none yet")
                }
                if let digest = try store.digests(limit: 1).first {
                    print("last digest: \(DateText.timestamp(digest.writtenAt)), \(digest.offersShown) offers to "
                        + "\(digest.destination)\(digest.delivered ? "" : " (NOT delivered)")")
                }
            }
        }

        static func addToCrontab(_ line: String) throws {
            let current = Process()
            current.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            current.arguments = ["crontab", "-l"]
            let out = Pipe()
            current.standardOutput = out
            current.standardError = FileHandle.nullDevice
            try current.run()
            let existing = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            current.waitUntilExit()
            let kept = existing.split(separator: "\n").filter { !$0.contains(" nightly --config ") }.map(String.init)
            let install = Process()
            install.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            install.arguments = ["crontab", "-"]
            let input = Pipe()
            install.standardInput = input
            try install.run()
            input.fileHandleForWriting.write(Data(((kept + [line]).joined(separator: "\n") + "\n").utf8))
            input.fileHandleForWriting.closeFile()
            install.waitUntilExit()
            guard install.terminationStatus == 0 else { throw ValidationError("crontab - failed") }
            print("added to the crontab")
        }
    }
}
