import Foundation
import GRDB

/// The HTTP cache in the cache folder (`http-cache.sqlite`): per URL, the validators (ETag, Last-Modified) and what
/// extraction made of the page, under the key of the recipe that made it; per host, robots.txt. A page that answers
/// 304 Not Modified is then neither downloaded nor parsed again.
///
/// The page itself is not kept. A request is made conditional only when what extraction made of the stored page
/// was made by the recipe in use (``validators(for:reusing:)``), so that a 304 never needs the page: after a recipe
/// changes, its pages are fetched in full once. Keeping every page compressed, for that case alone, cost a crawl
/// about a fifth of its processor time (Brotli at its fastest, then SQLite writing it), and the HTTP cache file its
/// size. Rows written before that (Brotli, or zlib before version 2 of the file) keep their page, still read when
/// their stored extraction cannot be.
public final class HTTPCache: Sendable {
    /// A page as stored.
    public struct Entry: Sendable, Equatable {
        public var url: String
        public var finalURL: String
        public var etag: String?
        public var lastModified: String?
        public var contentType: String?
        /// The page, as read from a row that kept it (written by an earlier version); empty otherwise, and never
        /// stored.
        public var body: [UInt8]
        /// What extraction made of the page, under the key of the recipe that made it.
        public var derivedKey: String?
        public var derived: [UInt8]?
        /// True when `body` was left unread (empty) because what extraction made of the page was asked for
        /// (``HTTPCache/entry(for:reusing:)``).
        public var bodyOmitted = false
    }

    /// The database file.
    public let path: String
    let pool: DatabasePool

    /// Opens (creating when needed) the cache in `folder`.
    /// - Throws: ``StoreError`` naming the file.
    public init(folder: String) throws {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = (folder as NSString).appendingPathComponent("http-cache.sqlite")
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: pages and robots") { db in
            try db.execute(sql: """
                CREATE TABLE pages (
                    url TEXT PRIMARY KEY,
                    final_url TEXT NOT NULL,
                    etag TEXT,
                    last_modified TEXT,
                    content_type TEXT,
                    body BLOB NOT NULL,
                    body_size INTEGER NOT NULL,
                    fetched_at TEXT NOT NULL,
                    derived_key TEXT,
                    derived BLOB
                );
                CREATE TABLE robots (
                    host TEXT PRIMARY KEY,
                    status INTEGER NOT NULL,
                    body BLOB NOT NULL,
                    fetched_at REAL NOT NULL
                );
                """)
        }
        migrator.registerMigration("v2: body codec") { db in
            // Rows written before are zlib; bodies were then Brotli, until they were no longer kept (codec `none`).
            try db.execute(sql: "ALTER TABLE pages ADD COLUMN body_codec TEXT NOT NULL DEFAULT 'zlib'")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try migrator.migrate(pool)
        } catch {
            throw StoreError(path: path, message: "cannot open the HTTP cache: \(error)")
        }
    }

    // The lookups below are one SELECT each, made for every page of a crawl: a statement prepared once per
    // connection, and no transaction around it (a single statement reads one consistent state by itself).

    /// The stored page for a URL, when there is one.
    public func entry(for url: String) throws -> Entry? {
        try entry(for: url, reusing: nil)
    }

    /// The stored page for a URL, when there is one; without its body (neither read nor inflated) when what
    /// extraction made of it was made under `key`, which the caller means to reuse instead of the page.
    /// - Returns: nil when nothing is stored; when the body is needed (what extraction made of the page is not
    ///   `key`'s) but not kept (every row written since bodies are no longer kept), or cannot be inflated.
    public func entry(for url: String, reusing key: String?) throws -> Entry? {
        try pool.unsafeRead { db in
            let statement = try db.cachedStatement(sql: """
                SELECT final_url, etag, last_modified, content_type, body_size, body_codec, derived_key, derived,
                       CASE WHEN derived_key = ? THEN NULL ELSE body END AS body
                FROM pages WHERE url = ?
                """)
            guard let row = try Row.fetchOne(statement, arguments: [key, url]) else { return nil }
            var entry = Entry(url: url, finalURL: row["final_url"], etag: row["etag"],
                lastModified: row["last_modified"], contentType: row["content_type"], body: [],
                derivedKey: row["derived_key"], derived: (row["derived"] as Data?).map { [UInt8]($0) })
            if let compressed = row["body"] as Data? {
                guard let body = Self.decompress([UInt8](compressed), codec: row["body_codec"], expectedSize: row["body_size"]),
                    !body.isEmpty
                else { return nil }
                entry.body = body
            } else {
                entry.bodyOmitted = true
            }
            return entry
        }
    }

    /// The request headers that make a request for `url` conditional, when what is stored of it was extracted
    /// under `key`.
    public func conditionalHeaders(for url: String, reusing key: String) throws -> [(String, String)] {
        try validators(for: url, reusing: key).headers
    }

    /// What asking for `url` again needs, in one lookup: when what extraction made of the stored page was made
    /// under `key`, the request headers that make the request conditional and the stored page without its body
    /// (as ``entry(for:reusing:)`` gives it), which is all a 304 then needs.
    /// - Returns: no headers and no entry when nothing is stored, or when the stored extraction is missing or was
    ///   made under another key (the page is not kept: a 304 would leave nothing to extract).
    public func validators(for url: String, reusing key: String?) throws
        -> (headers: [(String, String)], entry: Entry?)
    {
        try pool.unsafeRead { db in
            let statement = try db.cachedStatement(sql: Self.validatorsSelect + " = ?")
            guard let row = try Row.fetchOne(statement, arguments: [key, url]) else { return ([], nil) }
            return Self.validators(row)
        }
    }

    /// ``validators(for:reusing:)`` of several URLs (a listing's detail pages) in one lookup.
    /// - Returns: by URL, what ``validators(for:reusing:)`` gives; a URL with nothing stored is left out.
    public func validators(for urls: [String], reusing key: String?) throws
        -> [String: (headers: [(String, String)], entry: Entry?)]
    {
        var found: [String: (headers: [(String, String)], entry: Entry?)] = [:]
        let distinct = Array(Set(urls))
        var start = 0
        while start < distinct.count {
            let chunk = distinct[start..<min(distinct.count, start + 500)]
            start += 500
            try pool.unsafeRead { db in
                let statement = try db.cachedStatement(sql: Self.validatorsSelect
                    + " IN (\(chunk.map { _ in "?" }.joined(separator: ", ")))")
                let rows = try Row.fetchCursor(statement, arguments: StatementArguments([key] + chunk.map { $0 }))
                while let row = try rows.next() { found[row["url"]] = Self.validators(row) }
            }
        }
        return found
    }

    /// The columns ``validators(_:)`` reads, `derived` only when made under the key bound first; the URL condition
    /// follows.
    private static let validatorsSelect = """
        SELECT url, final_url, etag, last_modified, content_type, derived_key,
               CASE WHEN derived_key = ? THEN derived ELSE NULL END AS derived
        FROM pages WHERE url
        """

    /// The request headers and the stored page without its body, from a row of `pages`, when its stored extraction
    /// is the one asked for (`derived` NULL otherwise: then neither).
    private static func validators(_ row: Row) -> (headers: [(String, String)], entry: Entry?) {
        guard let derived = row["derived"] as Data? else { return ([], nil) }
        let etag: String? = row["etag"]
        let lastModified: String? = row["last_modified"]
        var headers: [(String, String)] = []
        if let etag { headers.append(("If-None-Match", etag)) }
        if let lastModified { headers.append(("If-Modified-Since", lastModified)) }
        let entry = Entry(url: row["url"], finalURL: row["final_url"], etag: etag, lastModified: lastModified,
            contentType: row["content_type"], body: [], derivedKey: row["derived_key"], derived: [UInt8](derived),
            bodyOmitted: true)
        return (headers, entry)
    }

    /// A stored body decompressed with the codec it was stored with (`none`: not kept, empty); nil when it cannot
    /// be (the page is then a cache miss, fetched again).
    static func decompress(_ bytes: [UInt8], codec: String?, expectedSize: Int) -> [UInt8]? {
        switch codec {
        case "none": return []
        case "br": return Brotli.decompress(bytes, expectedSize: expectedSize)
        case "zlib", nil: return Deflate.decompress(bytes, expectedSize: expectedSize)
        default: return nil
        }
    }

    /// Stores a page fetched with 200, with what extraction made of it (its body is not kept).
    public func store(_ entry: Entry, at date: Date = Date()) throws {
        try store([entry], at: date)
    }

    /// Stores pages fetched with 200, in one transaction: a crawl hands them over in batches. Their bodies are not
    /// kept (written empty, codec `none`).
    public func store(_ pages: [Entry], at date: Date = Date()) throws {
        guard !pages.isEmpty else { return }
        let fetchedAt = DateText.timestamp(date)
        try pool.write { db in
            // Prepared once per connection: a crawl stores every page that carries validators.
            let statement = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO pages
                    (url, final_url, etag, last_modified, content_type, body, body_size, body_codec, fetched_at,
                     derived_key, derived)
                VALUES (?, ?, ?, ?, ?, x'', 0, 'none', ?, ?, ?)
                """)
            for entry in pages {
                try statement.execute(arguments: [entry.url, entry.finalURL, entry.etag, entry.lastModified,
                                                  entry.contentType, fetchedAt, entry.derivedKey,
                                                  entry.derived.map { Data($0) }])
            }
        }
    }

    /// Replaces what extraction made of a stored page (after a 304 whose stored result was made by another recipe).
    public func storeDerived(url: String, key: String, derived: [UInt8]) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE pages SET derived_key = ?, derived = ? WHERE url = ?",
                arguments: [key, Data(derived), url])
        }
    }

    /// The robots.txt of a host as fetched at most `maxAge` seconds ago: its status and body.
    public func robots(host: String, maxAge: Double, now: Date = Date()) throws -> (status: Int, body: [UInt8])? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM robots WHERE host = ? AND fetched_at >= ?",
                arguments: [host, now.timeIntervalSince1970 - maxAge]) else { return nil }
            return (row["status"], [UInt8](row["body"] as Data))
        }
    }

    /// Remembers a host's robots.txt answer (only answers that may be kept: 2xx and 4xx).
    public func storeRobots(host: String, status: Int, body: [UInt8], at date: Date = Date()) throws {
        try pool.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO robots (host, status, body, fetched_at) VALUES (?, ?, ?, ?)",
                arguments: [host, status, Data(body), date.timeIntervalSince1970])
        }
    }
}
