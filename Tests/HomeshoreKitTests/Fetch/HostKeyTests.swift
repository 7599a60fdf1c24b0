import Foundation
import Testing
@testable import HomeshoreKit

@Suite struct HostKeyTests {
    /// The key as Foundation's parser gives it (the way taken for any URL the plain path leaves).
    static func reference(_ url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let scheme = url[..<colon].lowercased()
        guard scheme == "http" || scheme == "https", let components = URLComponents(string: url),
              let host = components.host, !host.isEmpty else { return nil }
        return "\(scheme)://\(host.lowercased()):\(components.port ?? (scheme == "https" ? 443 : 80))"
    }

    @Test func plainURLsGiveWhatFoundationGives() throws {
        let urls = [
            "http://127.0.0.1:8080/offres/1", "https://www.hellowork.com/fr-fr/emploi/recherche.html?k=t%C3%A9l%C3%A9",
            "http://Example.FR/", "https://example.fr", "http://example.fr:", "http://example.fr:0080/x",
            "https://a-b.c.d:443?x=1", "http://host#frag", "http://h.fr:65535/", "https://sub.example.fr/a/b/../c",
            "http://example.fr/path;x=1?y=(2)&z=*", "https://x.y/%2e%2E/", "http://1.2.3.4/",
        ]
        var plain = 0
        for url in urls {
            let fast = FetchRequest.plainHostKey(url)
            if fast != nil { plain += 1 }
            #expect(fast == nil || fast == Self.reference(url), "\(url)")
            #expect(try FetchRequest(url: url).hostKey() == Self.reference(url), "\(url)")
        }
        #expect(plain == urls.count)
        // Left to Foundation: users, IP literals, long ports, odd characters, upper-case schemes.
        for url in ["http://user@host.fr/", "http://[::1]:8080/", "http://h.fr:123456/", "http://h.fr:99999/",
                    "HTTP://host.fr/", "http://h_o.fr/", "http://hôte.fr/", "http://h.fr/a b"] {
            #expect(FetchRequest.plainHostKey(url) == nil, "\(url)")
        }
        #expect(throws: FetchError.self) { try FetchRequest(url: "ftp://host.fr/").hostKey() }
        #expect(throws: FetchError.self) { try FetchRequest(url: "http:///path").hostKey() }
    }
}
