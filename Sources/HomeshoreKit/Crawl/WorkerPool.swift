import Foundation

/// A fixed number of threads that run submitted work in order of submission: a crawl's page extraction.
///
/// It replaced a concurrent dispatch queue whose blocks waited on a semaphore of one slot per core: each page then
/// woke a parked thread when another page's work ended, and on two cores the cores stood idle for about a sixth of
/// the fetching (a wake-up takes tens of microseconds; a page's work a few hundred). Here a thread that ends a page
/// takes the next one waiting without sleeping, and only an idle thread is woken.
final class WorkerPool: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [(work: @Sendable () -> Void, bytes: Int)?] = []
    /// The bytes that the work queued and not started holds (as told by `submit`), and their most at any moment.
    private var waiting = 0
    private var mostWaiting = 0
    private var head = 0
    private var idle = 0
    private var stopping = false
    private var running = 0

    /// Starts `count` threads (at least one).
    /// - Parameters:
    ///   - name: the threads' name, as shown by debuggers, `top -H` and `perf` (with each thread's number
    ///     appended; 15 bytes in all are kept).
    ///   - niceness: the threads' nice value (0 to 19: higher yields the processor to the process's other threads,
    ///     and to other processes, more readily).
    init(count: Int, name: String, niceness: Int32 = 0) {
        let count = max(1, count)
        running = count
        for i in 0..<count {
            let thread = Thread { [self] in
                Thread.nameCurrent("\(name) \(i + 1)")
                // Linux keeps a nice value per thread: `who` 0 is the calling thread.
                if niceness > 0 { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness) }
                loop()
            }
            // As deep as the main thread's: extraction recurses through libxml2's tree.
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Queues `work`; a waiting thread, if any, is woken to run it.
    /// - Parameter bytes: what the work holds until it starts (a fetched page's body), counted in ``waitingBytes``.
    func submit(bytes: Int = 0, _ work: @escaping @Sendable () -> Void) {
        condition.lock()
        queue.append((work, bytes))
        waiting += bytes
        mostWaiting = max(mostWaiting, waiting)
        let wake = idle > 0
        condition.unlock()
        if wake { condition.signal() }
    }

    /// The bytes held by work queued and not started yet.
    var waitingBytes: Int {
        condition.lock()
        defer { condition.unlock() }
        return waiting
    }

    /// The most bytes ever held by work queued and not started.
    var mostWaitingBytes: Int {
        condition.lock()
        defer { condition.unlock() }
        return mostWaiting
    }

    /// Lets the threads end once the work queued is done, and waits for them.
    func shutdown() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while head == queue.count && !stopping {
                idle += 1
                condition.wait()
                idle -= 1
            }
            if head == queue.count {
                condition.unlock()
                break
            }
            let (work, bytes) = queue[head]!
            queue[head] = nil  // the page it holds is let go of when its work ends
            waiting -= bytes
            head += 1
            // The taken part is dropped now and then, so that the array neither grows without end nor is shifted
            // at every take.
            if head >= 1024 && head * 2 >= queue.count {
                queue.removeFirst(head)
                head = 0
            }
            condition.unlock()
            work()
        }
        condition.lock()
        running -= 1
        condition.unlock()
        condition.broadcast()  // the one waiting in shutdown() among them
    }
}

extension Thread {
    /// Names the calling thread for `top -H`, `perf` and `/proc/PID/task/*/comm`, cut to the 15 bytes Linux keeps.
    /// Foundation's `Thread.name` did not reach the system here (the threads kept the name of the dispatch thread
    /// that started them), and Swift does not see glibc's `pthread_setname_np`: the name is written where Linux
    /// reads it. Does nothing where that file is missing.
    static func nameCurrent(_ name: String) {
        var bytes = Array(name.utf8.prefix(15))
        while !bytes.isEmpty, String(validating: bytes, as: UTF8.self) == nil { bytes.removeLast() }
        let fd = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }
}
