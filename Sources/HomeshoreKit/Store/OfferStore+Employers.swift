import Foundation
import GRDB

/// An employer as the database holds it.
public struct StoredEmployer: Sendable, Equatable, Codable {
    public var id: Int64
    public var name: String
    /// The normalised key of its name (``EmployerResolver/key(_:)``).
    public var key: String
}

extension OfferStore {
    /// Records the aliases of `sources.yaml`: each alias's key points at its employer (created when new). An
    /// employer stored earlier under an alias's name is merged into the configured one, with its offers and reviews.
    /// - Parameter aliases: each employer's configured name and its other names.
    public func registerAliases(_ aliases: [String: [String]]) throws {
        guard !aliases.isEmpty else { return }
        try pool.write { db in
            // Prepared once, not once per alias.
            let register = try db.cachedStatement(sql:
                "INSERT OR REPLACE INTO employer_aliases (key, alias, employer_id) VALUES (?, ?, ?)")
            let own = try db.cachedStatement(sql: "SELECT id FROM employers WHERE key = ?")
            for (employer, others) in aliases.sorted(by: { $0.key < $1.key }) {
                let key = EmployerResolver.key(employer)
                guard !key.isEmpty else { continue }
                let id = try Self.employerID(key: key, name: employer, db: db, rename: true)
                // The configured name is the employer's name from now on: a review source or an offer that spells
                // it otherwise finds it through this alias and never renames it.
                try register.execute(arguments: [key, employer, id])
                for alias in others {
                    let aliasKey = EmployerResolver.key(alias)
                    guard !aliasKey.isEmpty, aliasKey != key else { continue }
                    try register.execute(arguments: [aliasKey, alias, id])
                    if let old = try Int64.fetchOne(own, arguments: [aliasKey]),
                        old != id
                    {
                        for table in ["offers", "reviews", "aggregate_ratings"] {
                            try db.execute(sql: "UPDATE \(table) SET employer_id = ? WHERE employer_id = ?", arguments: [id, old])
                        }
                        try db.execute(sql: "UPDATE employer_aliases SET employer_id = ? WHERE employer_id = ?",
                            arguments: [id, old])
                        try db.execute(sql: "DELETE FROM employers WHERE id = ?", arguments: [old])
                    }
                }
            }
        }
    }

    /// The employer a name resolves to, created when new; nil for an empty name.
    static func employerID(for name: String?, db: Database, rename: Bool = false) throws -> Int64? {
        guard let name else { return nil }
        let key = EmployerResolver.key(name)
        guard !key.isEmpty else { return nil }
        return try employerID(key: key, name: HTMLText.normalizeSpace(name), db: db, rename: rename)
    }

    /// The employer of a key: through an alias (a configured employer keeps its configured name), else by its own
    /// key, else a new employer named `name`.
    /// - Parameter rename: give an employer found by its own key this name (a review source's `employer:` wins over
    ///   an offer's spelling).
    static func employerID(key: String, name: String, db: Database, rename: Bool) throws -> Int64 {
        let aliased = try db.cachedStatement(sql: "SELECT employer_id FROM employer_aliases WHERE key = ?")
        if let id = try Int64.fetchOne(aliased, arguments: [key]) { return id }
        let own = try db.cachedStatement(sql: "SELECT id FROM employers WHERE key = ?")
        if let id = try Int64.fetchOne(own, arguments: [key]) {
            if rename { try db.execute(sql: "UPDATE employers SET name = ? WHERE id = ?", arguments: [name, id]) }
            return id
        }
        try db.execute(sql: "INSERT INTO employers (name, key) VALUES (?, ?)", arguments: [name, key])
        return db.lastInsertedRowID
    }

    /// Every employer that has reviews, offers or a configured alias, by name.
    public func employers() throws -> [StoredEmployer] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, key FROM employers ORDER BY name COLLATE NOCASE").map {
                StoredEmployer(id: $0["id"], name: $0["name"], key: $0["key"])
            }
        }
    }

    /// The employer a name resolves to (by key or alias), if it is stored.
    public func employer(named name: String) throws -> StoredEmployer? {
        let key = EmployerResolver.key(name)
        return try pool.read { db in
            let id = try Int64.fetchOne(db, sql: "SELECT employer_id FROM employer_aliases WHERE key = ?", arguments: [key])
                ?? Int64.fetchOne(db, sql: "SELECT id FROM employers WHERE key = ?", arguments: [key])
            guard let id, let row = try Row.fetchOne(db, sql: "SELECT * FROM employers WHERE id = ?", arguments: [id])
            else { return nil }
            return StoredEmployer(id: row["id"], name: row["name"], key: row["key"])
        }
    }

    /// Each offer's employer id, by offer id.
    public func offerEmployers() throws -> [Int64: Int64] {
        try pool.read { db in
            var result: [Int64: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, employer_id FROM offers WHERE employer_id IS NOT NULL") {
                result[row["id"]] = row["employer_id"]
            }
            return result
        }
    }
}
