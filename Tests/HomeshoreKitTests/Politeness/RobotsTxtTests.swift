import Testing
@testable import HomeshoreKit

@Suite struct RobotsTxtTests {
    static let file = """
        # a comment
        User-agent: *
        Disallow: /private/
        Allow: /private/public-page.html
        Disallow: /*.pdf$
        Disallow: /search?*sort=
        Crawl-delay: 2

        User-agent: OtherBot
        Disallow: /

        User-agent: homeshore
        User-agent: AnotherBot
        Disallow: /jobs/archive
        Allow: /jobs/archive/2026
        Disallow: /p
        Allow: /p
        Crawl-delay: 5
        Sitemap: https://jobs.example/sitemap.xml
        Disallow: /%7Euser/
        Disallow: /caf%c3%a9
        """

    @Test(arguments: [
        ("/jobs/archive/2025/a.html", false), ("/jobs/archive/2026/a.html", true), ("/jobs/", true),
        ("/private/x", true),  // our group replaces '*': its rules do not apply to us
        ("/p", true),  // allow wins a tie of equal length
        ("/page", true), ("/~user/x", false), ("/%7euser/x", false), ("/café", false), ("/robots.txt", true),
        ("https://jobs.example/jobs/archive/2025?x=1", false), ("https://jobs.example", true),
    ])
    func ourGroupIsChosenAndTheLongestMatchWins(_ path: String, _ allowed: Bool) {
        let robots = RobotsTxt(Array(Self.file.utf8), productToken: "Homeshore")
        #expect(robots.allows(path) == allowed, "\(path)")
        #expect(robots.crawlDelay == 5)
    }

    @Test(arguments: [
        ("/private/x", false), ("/private/public-page.html", true), ("/docs/a.pdf", false), ("/docs/a.pdf?x", true),
        ("/search?q=a&sort=date", false), ("/search?q=a", true), ("/", true),
    ])
    func otherAgentsFallBackToStar(_ path: String, _ allowed: Bool) {
        let robots = RobotsTxt(Array(Self.file.utf8), productToken: "SomeCrawler")
        #expect(robots.allows(path) == allowed, "\(path)")
        #expect(robots.crawlDelay == 2)
    }

    @Test func groupsNamingUsAreMerged() {
        let text = "User-agent: Homeshore\nDisallow: /a\n\nUser-agent: *\nDisallow: /b\n\nuser-agent: HOMESHORE/0.1\nDisallow: /c\n"
        let robots = RobotsTxt(Array(text.utf8), productToken: "Homeshore")
        #expect(!robots.allows("/a"))
        #expect(robots.allows("/b"))
        #expect(!robots.allows("/c"))
    }

    @Test func emptyDisallowAndNoGroupAllowEverything() {
        #expect(RobotsTxt(Array("User-agent: *\nDisallow:\n".utf8), productToken: "Homeshore").allows("/x"))
        #expect(RobotsTxt(Array("garbage\n\u{0}\u{1}".utf8), productToken: "Homeshore").allows("/x"))
        #expect(RobotsTxt.allowAll.allows("/anything"))
        #expect(!RobotsTxt.disallowAll.allows("/anything"))
        #expect(RobotsTxt.disallowAll.allows("/robots.txt"))
    }

    @Test func onlyTheFirst512KiBAreRead() {
        let padding = String(repeating: "# filler line\n", count: 40_000)  // 560 KB of comments
        let text = "User-agent: *\nDisallow: /a\n" + padding + "Disallow: /b\n"
        let robots = RobotsTxt(Array(text.utf8), productToken: "Homeshore")
        #expect(!robots.allows("/a"))
        #expect(robots.allows("/b"))
    }

    @Test(arguments: [
        ("/fish", "/fish", true), ("/fish", "/fish.html", true), ("/fish", "/Fish", false), ("/fish$", "/fish", true),
        ("/fish$", "/fishes", false), ("/*.php", "/index.php", true), ("/*.php", "/a/b.php?x", true),
        ("/*.php$", "/a.php?x", false), ("/fish*", "/fish", true), ("/a*b*c", "/axxbyyc", true), ("/a*b*c$", "/abcd", false),
        ("*", "/anything", true),
    ])
    func patterns(_ pattern: String, _ path: String, _ matches: Bool) {
        #expect(RobotsTxt.matches(pattern, path) == matches)
    }
}
