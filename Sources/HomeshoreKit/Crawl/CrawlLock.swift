import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on a cache folder, so that two crawls never run at once on one database. The kernel releases
/// it when the process ends, however it ends (a crash or SIGKILL leaves no stale lock).
public final class CrawlLock {
    private let descriptor: Int32
    /// The lock file.
    public let path: String

    /// Takes the lock, or fails at once when another process holds it.
    /// - Parameter folder: the cache folder.
    /// - Throws: ``CrawlError`` saying a crawl is running (with its process id) or that the file cannot be opened.
    public init(folder: String) throws {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = (folder as NSString).appendingPathComponent("crawl.lock")
        // The descriptor stays a local until the lock is held: a throwing initialiser of a fully initialised class
        // runs `deinit`, which would close the descriptor a second time (and maybe someone else's by then).
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw CrawlError(description: "\(path): cannot open the lock file: \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = pread(fd, &buffer, 31, 0)
            let holder = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines) : "?"
            close(fd)
            throw CrawlError(description: "a crawl is already running on \(folder) (process \(holder)); nothing was touched")
        }
        self.path = path
        descriptor = fd
        // The holder's process id, overwritten in place: truncating the file first frees its block and makes the
        // write allocate one again, which on ext4 waits for the journal (2-6 ms at every run, measured). The
        // record has a fixed width, padded with spaces that the reader trims; a longer file (written by an
        // older version) is cut to that width.
        var record = Array("\(getpid())".utf8)
        record += [UInt8](repeating: 0x20, count: max(0, Self.recordWidth - 1 - record.count)) + [0x0A]
        _ = record.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_size > Self.recordWidth {
            _ = ftruncate(descriptor, off_t(Self.recordWidth))
        }
    }

    /// Bytes of the lock file's record: the process id, spaces, a newline.
    static let recordWidth = 16

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

@available(*, unavailable)
extension CrawlLock: Sendable {}
