import Foundation
import Testing
@testable import HomeshoreKit

@Suite struct HTTPCacheTests {
    /// A page's body is not kept: what extraction made of it is. Rows written by earlier versions, with their body
    /// (zlib before version 2 of the file, no codec named; Brotli after), are still read; a body that does not
    /// decompress to its recorded size is a cache miss, never a wrong page.
    @Test func bodiesAreNotKeptAndOldRowsStillRead() throws {
        let folder = TemporaryFolder()
        let cache = try HTTPCache(folder: folder.path)
        let body = Array(String(repeating: "<p>Conseiller client à distance, 35 h, CDI</p>\n", count: 300).utf8)
        let entry = HTTPCache.Entry(url: "https://jobs.example/new", finalURL: "https://jobs.example/new", etag: "\"n\"",
            lastModified: nil, contentType: "text/html", body: body, derivedKey: "k", derived: [1, 2])
        try cache.store(entry)
        let written = try cache.pool.read { db in
            try String.fetchOne(db, sql: "SELECT body_codec || ' ' || length(body) || ' ' || body_size FROM pages")
        }
        #expect(written == "none 0 0")
        // Reusing its extraction needs no body; anything else would, and there is none.
        var reused = entry
        reused.body = []
        reused.bodyOmitted = true
        #expect(try cache.entry(for: entry.url, reusing: "k") == reused)
        #expect(try cache.entry(for: entry.url) == nil)
        #expect(try cache.entry(for: entry.url, reusing: "another recipe") == nil)
        // Rows as earlier versions wrote them: zlib with no codec named, then Brotli.
        try cache.pool.write { db in
            try db.execute(sql: """
                INSERT INTO pages (url, final_url, etag, content_type, body, body_size, fetched_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: ["https://jobs.example/old", "https://jobs.example/old", "\"o\"", "text/html",
                                 Data(Deflate.compress(body)), body.count, "2026-11-01T06:00:00Z"])
            try db.execute(sql: """
                INSERT INTO pages (url, final_url, etag, content_type, body, body_size, body_codec, fetched_at)
                VALUES (?, ?, ?, ?, ?, ?, 'br', ?)
                """, arguments: ["https://jobs.example/v2", "https://jobs.example/v2", "\"b\"", "text/html",
                                 Data(Brotli.compress(body)), body.count, "2026-11-20T06:00:00Z"])
        }
        #expect(try cache.entry(for: "https://jobs.example/old")?.body == body)
        #expect(try cache.entry(for: "https://jobs.example/v2")?.body == body)
        // Damaged or mislabelled bodies: not the page.
        try cache.pool.write { db in
            try db.execute(sql: "UPDATE pages SET body_codec = 'zlib' WHERE url = ?", arguments: ["https://jobs.example/v2"])
        }
        #expect(try cache.entry(for: "https://jobs.example/v2") == nil)
        try cache.pool.write { db in
            try db.execute(sql: "UPDATE pages SET body_codec = 'br', body_size = body_size + 1 WHERE url = ?",
                arguments: ["https://jobs.example/v2"])
        }
        #expect(try cache.entry(for: "https://jobs.example/v2") == nil)
        #expect(Brotli.decompress(Array("not brotli at all".utf8), expectedSize: 10) == nil)
        for sample in [[], [0x41], body, Array(repeating: 0, count: 100_000)] as [[UInt8]] {
            #expect(Brotli.decompress(Brotli.compress(sample), expectedSize: sample.count) == sample)
        }
    }

    /// A request is conditional only when what extraction made of the stored page was made by the recipe in use:
    /// a 304 then needs nothing but that extraction.
    @Test func requestsAreConditionalOnlyForTheRecipeThatMadeTheStoredExtraction() throws {
        let folder = TemporaryFolder()
        let cache = try HTTPCache(folder: folder.path)
        let body = Array(String(repeating: "<li>Téléconseiller à domicile H/F</li>\n", count: 500).utf8)
        let entry = HTTPCache.Entry(url: "https://jobs.example/a", finalURL: "https://jobs.example/a?p=1",
            etag: "\"v1\"", lastModified: "Sat, 28 Nov 2026 06:00:00 GMT", contentType: "text/html", body: body,
            derivedKey: "recipe-1", derived: Array("{}".utf8))
        try cache.store(entry)
        #expect(try cache.entry(for: "https://jobs.example/b", reusing: "recipe-1") == nil)
        #expect(try cache.conditionalHeaders(for: "https://jobs.example/a", reusing: "recipe-1").map {
            "\($0.0): \($0.1)"
        } == ["If-None-Match: \"v1\"", "If-Modified-Since: Sat, 28 Nov 2026 06:00:00 GMT"])
        #expect(try cache.conditionalHeaders(for: "https://jobs.example/a", reusing: "recipe-2").isEmpty)
        #expect(try cache.conditionalHeaders(for: "https://jobs.example/b", reusing: "recipe-1").isEmpty)
        // What extraction made of it, replaced (after a 304) under another key: conditional for that key only.
        try cache.storeDerived(url: "https://jobs.example/a", key: "recipe-2", derived: Array("[1]".utf8))
        #expect(try cache.conditionalHeaders(for: "https://jobs.example/a", reusing: "recipe-1").isEmpty)
        #expect(try cache.conditionalHeaders(for: "https://jobs.example/a", reusing: "recipe-2").count == 2)
        let reused = try cache.entry(for: "https://jobs.example/a", reusing: "recipe-2")
        #expect(reused?.bodyOmitted == true && reused?.body == [] && reused?.derived == Array("[1]".utf8))
        #expect(reused?.finalURL == entry.finalURL && reused?.etag == entry.etag)
        #expect(try cache.entry(for: "https://jobs.example/a", reusing: "recipe-1") == nil)
    }

    /// The validators and, when the stored extraction is the one asked for, the stored page without its body, in
    /// one lookup: what `entry(for:reusing:)` gives after a 304.
    @Test func validatorsComeWithTheStoredExtractionAskedFor() throws {
        let folder = TemporaryFolder()
        let cache = try HTTPCache(folder: folder.path)
        #expect(try cache.validators(for: "https://jobs.example/a", reusing: "recipe-1").headers.isEmpty)
        #expect(try cache.validators(for: "https://jobs.example/a", reusing: "recipe-1").entry == nil)
        let entry = HTTPCache.Entry(url: "https://jobs.example/a", finalURL: "https://jobs.example/a?p=1",
            etag: "\"v1\"", lastModified: nil, contentType: "text/html", body: Array("<p>x</p>".utf8),
            derivedKey: "recipe-1", derived: Array("{}".utf8))
        try cache.store(entry)
        let found = try cache.validators(for: "https://jobs.example/a", reusing: "recipe-1")
        #expect(found.headers.map { "\($0.0): \($0.1)" } == ["If-None-Match: \"v1\""])
        #expect(found.entry == (try cache.entry(for: "https://jobs.example/a", reusing: "recipe-1")))
        #expect(found.entry?.bodyOmitted == true && found.entry?.derived == Array("{}".utf8))
        let other = try cache.validators(for: "https://jobs.example/a", reusing: "recipe-2")
        #expect(other.headers.isEmpty && other.entry == nil)
        #expect(try cache.validators(for: "https://jobs.example/a", reusing: nil).entry == nil)
        // Several at once: the same answers, a URL with nothing stored left out.
        var second = entry
        second.url = "https://jobs.example/b"
        second.etag = nil
        second.lastModified = "Sat, 28 Nov 2026 06:00:00 GMT"
        second.derivedKey = "recipe-2"
        try cache.store(second)
        let urls = ["https://jobs.example/a", "https://jobs.example/b", "https://jobs.example/c", "https://jobs.example/a"]
        let many = try cache.validators(for: urls, reusing: "recipe-1")
        #expect(Set(many.keys) == ["https://jobs.example/a", "https://jobs.example/b"])
        for url in ["https://jobs.example/a", "https://jobs.example/b"] {
            let one = try cache.validators(for: url, reusing: "recipe-1")
            #expect(many[url]?.headers.map { "\($0.0): \($0.1)" } == one.headers.map { "\($0.0): \($0.1)" })
            #expect(many[url]?.entry == one.entry)
        }
        #expect(many["https://jobs.example/b"]?.entry == nil && many["https://jobs.example/b"]?.headers.isEmpty == true)
        #expect(many["https://jobs.example/a"]?.entry != nil)
        #expect(try cache.validators(for: Array(repeating: "https://jobs.example/a", count: 1_200) + (0..<1_200).map {
            "https://jobs.example/x\($0)"
        }, reusing: "recipe-1").count == 1)
    }

    @Test func robotsExpire() throws {
        let folder = TemporaryFolder()
        let cache = try HTTPCache(folder: folder.path)
        let then = Date(timeIntervalSince1970: 1_800_000_000)
        try cache.storeRobots(host: "https://jobs.example:443", status: 200, body: Array("User-agent: *\n".utf8), at: then)
        #expect(try cache.robots(host: "https://jobs.example:443", maxAge: 86_400, now: then.addingTimeInterval(3600))?.status == 200)
        #expect(try cache.robots(host: "https://jobs.example:443", maxAge: 86_400, now: then.addingTimeInterval(90_000)) == nil)
    }
}
