import Foundation

/// Timing and memory figures read from the process itself.
enum Measure {
    /// Seconds on a monotonic clock.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Processor seconds used by the process so far, every thread, user and system: unlike wall time, hardly
    /// changed by other processes sharing the cores.
    static func cpu() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Runs `body` `reps` times and returns the best wall time in seconds.
    static func best(reps: Int, _ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<max(1, reps) {
            let start = now()
            try body()
            best = min(best, now() - start)
        }
        return best
    }

    /// A field of /proc/self/status in MB (VmHWM: peak resident set; VmRSS: current).
    static func statusMB(_ field: String) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return .nan }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            let kB = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Double($0) }
            return (kB ?? .nan) / 1024
        }
        return .nan
    }

    /// Peak resident set so far, in MB.
    static var peakMB: Double { statusMB("VmHWM") }
    /// Resident set now, in MB.
    static var residentMB: Double { statusMB("VmRSS") }

    /// Resets the peak resident set to the current one (Linux ≥ 4.0: `5` written to clear_refs), so that the next
    /// phase's peak is its own. Returns false when the kernel refuses.
    @discardableResult
    static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        return (try? handle.write(contentsOf: Data("5".utf8))) != nil
    }

    /// Gives the heap pages freed so far back to the system (glibc's `malloc_trim`, looked up at run time), so that
    /// the resident set of the next phase is its own and not pages an earlier phase freed and the allocator kept.
    static func trim() {
        #if os(Linux)
        typealias Trim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim") { _ = unsafeBitCast(symbol, to: Trim.self)(0) }
        #endif
    }

    static func fmt(_ value: Double, _ digits: Int = 1) -> String {
        String(format: "%.\(digits)f", value)
    }
}
