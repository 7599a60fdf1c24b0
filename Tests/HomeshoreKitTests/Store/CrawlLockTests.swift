import Foundation
import Testing
@testable import HomeshoreKit

@Suite struct CrawlLockTests {
    @Test func aSecondLockOnTheSameFolderFailsAndTheFirstReleasesIt() throws {
        let folder = TemporaryFolder()
        var first: CrawlLock? = try CrawlLock(folder: folder.path)
        #expect(first != nil)
        let error = #expect(throws: CrawlError.self) { try CrawlLock(folder: folder.path) }
        #expect(error?.description.contains("a crawl is already running") == true)
        #expect(error?.description.contains("process \(getpid())") == true)
        first = nil
        _ = try CrawlLock(folder: folder.path)
    }

    /// The process id is written over what the file held (no truncation): a longer record left by an older version
    /// is cut, so that the file names only the holder.
    @Test func theLockFileNamesOnlyItsHolder() throws {
        let folder = TemporaryFolder()
        let path = (folder.path as NSString).appendingPathComponent("crawl.lock")
        try Data("4194304\nleft over by an older version\n".utf8).write(to: URL(fileURLWithPath: path))
        let lock = try CrawlLock(folder: folder.path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == "\(getpid())")
        #expect(text.utf8.count == CrawlLock.recordWidth)
        withExtendedLifetime(lock) {}
    }
}

/// A refused lock closes its descriptor once: closing it twice closed whatever another thread had opened under the
/// same number meanwhile (seen in CI as a loopback server whose listening socket vanished mid-test).
@Suite struct CrawlLockDescriptorTests {
    @Test func aRefusedLockNeverClosesAnotherThreadsDescriptor() async throws {
        let folder = TemporaryFolder()
        let held = try CrawlLock(folder: folder.path)
        let path = folder.path
        let attempts = Task.detached {
            for _ in 0..<20_000 { _ = try? CrawlLock(folder: path) }
        }
        let lost = Task.detached { () -> Int in
            var lost = 0
            for _ in 0..<20_000 {
                let fd = open("/dev/null", O_RDONLY | O_CLOEXEC)
                guard fd >= 0 else { continue }
                sched_yield()
                if fcntl(fd, F_GETFD) == -1 { lost += 1 } else { close(fd) }
            }
            return lost
        }
        await attempts.value
        #expect(await lost.value == 0, "descriptors closed behind their owner's back")
        withExtendedLifetime(held) {}
    }
}
