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
}
