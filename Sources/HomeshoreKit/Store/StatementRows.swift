internal import GRDBSQLite
import Foundation
import GRDB

/// The rows of a prepared statement read with SQLite's own functions, by position: for the grouping loops that
/// step through tens of thousands of rows, where building a GRDB `Row` and its arguments for each one cost more than
/// SQLite's search itself. Bind, then ``next()`` until false; the statement is reset on the next ``bind(_:)``.
/// For reading, and for inserting rows inside a transaction GRDB opened (``execute(_:)``): GRDB does not see what
/// is stepped here, so nothing that needs GRDB's observation of changes may be written this way (no transaction
/// observer is ever registered on a store's connections). A class, so that the GRDB statement it holds (which
/// finalizes the SQLite statement when let go of) lives as long as anything reads through it.
final class StatementRows {
    private let owner: Statement
    private let statement: OpaquePointer
    private let db: Database

    init(_ statement: Statement, in db: Database) {
        owner = statement
        self.statement = statement.sqliteStatement
        self.db = db
    }

    /// Resets the statement and binds integers to its parameters, in order.
    func bind(_ values: some Collection<Int64>) {
        sqlite3_reset(statement)
        for (i, value) in values.enumerated() { sqlite3_bind_int64(statement, Int32(i + 1), value) }
    }

    /// Steps to the next row: false when there is none.
    /// - Throws: `DatabaseError` with SQLite's message.
    func next() throws -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                message: sqlite3_errmsg(db.sqliteConnection).map { String(cString: $0) })
        }
    }

    /// Resets the statement and binds values of the types a row of `offers` holds (text, integers, reals, booleans
    /// as 0 and 1, NULL; anything else as GRDB stores it), in order: what GRDB's arguments bind, without a
    /// `DatabaseValue` and an arguments array per row.
    func bind(_ values: [(any DatabaseValueConvertible)?]) {
        sqlite3_reset(statement)
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            switch value {
            case nil: sqlite3_bind_null(statement, index)
            case let text as String: bindText(text, at: index)
            case let number as Int64: sqlite3_bind_int64(statement, index, number)
            case let number as Int: sqlite3_bind_int64(statement, index, Int64(number))
            case let number as Double: sqlite3_bind_double(statement, index, number)
            case let flag as Bool: sqlite3_bind_int64(statement, index, flag ? 1 : 0)
            case let other?:
                switch other.databaseValue.storage {
                case .null: sqlite3_bind_null(statement, index)
                case .int64(let number): sqlite3_bind_int64(statement, index, number)
                case .double(let number): sqlite3_bind_double(statement, index, number)
                case .string(let text): bindText(text, at: index)
                case .blob(let data):
                    _ = data.withUnsafeBytes {
                        sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), Self.transient)
                    }
                }
            }
        }
    }

    /// SQLite's `SQLITE_TRANSIENT`: it copies what is bound.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private func bindText(_ text: String, at index: Int32) {
        var text = text
        text.withUTF8 { bytes in
            _ = bytes.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress {
                    sqlite3_bind_text(statement, index, base, Int32(chars.count), Self.transient)
                } else {
                    sqlite3_bind_text(statement, index, "", 0, Self.transient)  // empty text, not NULL
                }
            }
        }
    }

    /// ``bind(_:)-([(any DatabaseValueConvertible)?])`` and runs a statement that returns no rows, in one step.
    /// - Throws: `DatabaseError` with SQLite's message.
    func execute(values: [(any DatabaseValueConvertible)?]) throws {
        bind(values)
        if try next() {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "a statement run for its changes returned rows")
        }
    }

    /// Binds integers and runs a statement that returns no rows (an insert), in one step.
    /// - Throws: `DatabaseError` with SQLite's message.
    func execute(_ values: some Collection<Int64>) throws {
        bind(values)
        if try next() {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "a statement run for its changes returned rows")
        }
    }

        func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    func int64OrNil(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }

    func doubleOrNil(_ column: Int32) -> Double? { isNull(column) ? nil : sqlite3_column_double(statement, column) }

    func text(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(statement, column) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, column))),
            as: UTF8.self)
    }

    /// The ``MinHasher/hash(_:)`` of each word of a text of words separated by single spaces, sorted and unique
    /// (``DedupFeatures/title`` from title words kept as text), hashed from SQLite's bytes without a string per word.
    func wordHashes(_ column: Int32) -> [UInt64] {
        guard let bytes = sqlite3_column_text(statement, column) else { return [] }
        let text = UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, column)))
        var hashes: [UInt64] = []
        var start = 0
        for i in 0...text.count where i == text.count || text[i] == 0x20 {
            if i > start { hashes.append(MinHasher.hash(utf8: UnsafeBufferPointer(rebasing: text[start..<i]))) }
            start = i + 1
        }
        hashes.sortAndRemoveDuplicates()
        return hashes
    }

    /// 64-bit hashes stored as a blob by ``OfferStore/data(_:)``; none for NULL.
    func hashes(_ column: Int32) -> [UInt64] {
        let count = Int(sqlite3_column_bytes(statement, column)) / 8
        guard count > 0, let bytes = sqlite3_column_blob(statement, column) else { return [] }
        return [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(start: bytes, count: 8 * count))
            initialized = count
        }
    }
}

@available(*, unavailable) extension StatementRows: Sendable {}

extension Array where Element: Comparable {
    /// Sorts in place and keeps one of each run of equal elements: a sorted set without hashing (for tens of
    /// thousands of integers, cheaper than a `Set`).
    mutating func sortAndRemoveDuplicates() {
        sort()
        var unique = 0
        // By index: iterating the array itself would hold its buffer, and the first write would copy it.
        for i in indices where unique == 0 || self[unique - 1] != self[i] {
            self[unique] = self[i]
            unique += 1
        }
        removeLast(count - unique)
    }
}
