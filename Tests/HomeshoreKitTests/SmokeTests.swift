import Testing
@testable import HomeshoreKit

@Test func libraryVersionsNameBothLibraries() {
    #expect(HomeshoreInfo.libraryVersions.contains("libcurl"))
    #expect(HomeshoreInfo.libraryVersions.contains("libxml2"))
}
