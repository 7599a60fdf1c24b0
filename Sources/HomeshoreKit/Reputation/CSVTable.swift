import Foundation

/// A CSV file read per RFC 4180: comma-separated, fields in double quotes may hold commas, line breaks and
/// doubled quotes; the first record names the columns.
public struct CSVTable: Sendable {
    /// The column names, from the first record.
    public let header: [String]
    /// The records after the header, each as many fields as it had.
    public let rows: [[String]]

    /// Parses CSV text.
    /// - Parameter text: the file's content (a UTF-8 byte order mark is skipped).
    public init(text: String) {
        var text = text
        text.makeContiguousUTF8()
        self = text.utf8.withContiguousStorageIfAvailable { CSVTable(bytes: $0) } ?? CSVTable(bytes: Array(text.utf8))
    }

    /// Parses CSV bytes (UTF-8; invalid sequences are replaced field by field).
    init(bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { CSVTable(bytes: $0) }
    }

    /// Parses CSV bytes (UTF-8; invalid sequences are replaced field by field).
    init(bytes all: UnsafeBufferPointer<UInt8>) {
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        field.reserveCapacity(1024)
        let bom = all.count >= 3 && all[0] == 0xEF && all[1] == 0xBB && all[2] == 0xBF
        let bytes = bom ? UnsafeBufferPointer(rebasing: all[3...]) : all
        var i = 0
        var quoted = false
        var sawAny = false
        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        while i < bytes.count {
            let b = bytes[i]
            sawAny = true
            if quoted {
                if b != 0x22 {  // copy the run up to the next quote at once
                    var end = i + 1
                    while end < bytes.count, bytes[end] != 0x22 { end += 1 }
                    field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
                    i = end
                    continue
                }
                if b == 0x22 {
                    if i + 1 < bytes.count, bytes[i + 1] == 0x22 {
                        field.append(0x22)
                        i += 2
                        continue
                    }
                    quoted = false
                } else {
                    field.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case 0x22 where field.isEmpty: quoted = true
            case 0x2C: endField()
            case 0x0D, 0x0A:
                endField()
                if record != [""] { records.append(record) }  // blank lines hold no record
                record = []
                sawAny = false
                if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
            default: field.append(b)
            }
            i += 1
        }
        if sawAny || !field.isEmpty || !record.isEmpty {
            endField()
            records.append(record)
        }
        header = records.first ?? []
        rows = Array(records.dropFirst())
    }

    /// Reads a CSV file.
    /// - Parameter path: the file's path.
    /// - Throws: ``CSVError`` when the file cannot be read.
    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CSVError(description: "\(path): cannot read the file")
        }
        self = data.withUnsafeBytes { CSVTable(bytes: $0.bindMemory(to: UInt8.self)) }
    }

    /// The values of one column, in row order (an empty string where a row is short).
    /// - Parameter name: the column's name in the header.
    /// - Throws: ``CSVError`` when there is no such column.
    /// - Returns: one value a row.
    public func column(_ name: String) throws -> [String] {
        guard let index = header.firstIndex(of: name) else {
            throw CSVError(description: "no column '\(name)' (columns: \(header.joined(separator: ", ")))")
        }
        return rows.map { index < $0.count ? $0[index] : "" }
    }
}

/// A CSV file that cannot be read or lacks a column.
public struct CSVError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, for the user.
    public let description: String
}
