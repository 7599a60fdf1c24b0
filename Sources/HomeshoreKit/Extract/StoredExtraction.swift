import Foundation

/// What extraction made of a page, in the form the HTTP cache keeps it (``HTTPCache/Entry/derived``): a compact
/// binary record read back field by field. An unchanged page (304) costs little more than reading it back, and
/// `JSONDecoder` made that most of the work (its keyed containers, one lookup per field of every offer).
///
/// A record starts with ``StoredExtraction/magic`` (a NUL byte, `HS`, the format's version), then the fields in a
/// fixed order: lengths and counts as LEB128 varints, text as its UTF-8 bytes after its length, an optional text as
/// its length plus one (0 for none), a number as its IEEE 754 bits. Records written as JSON by earlier versions
/// (they start with `{`) are still read, through `JSONDecoder`; anything that reads as neither, or that a later
/// version wrote, is nil, and the page is extracted again.
protocol StoredExtraction: Decodable {
    init(from record: inout ExtractionRecord) throws
    func write(to record: inout ExtractionRecordWriter)
}

extension StoredExtraction {
    /// The record of this extraction, as the HTTP cache keeps it.
    var storedBytes: [UInt8] {
        var writer = ExtractionRecordWriter()
        writer.bytes.append(contentsOf: ExtractionRecord.magic)
        write(to: &writer)
        return writer.bytes
    }

    /// Reads a stored record.
    /// - Returns: the extraction, and `legacy` true when the record was JSON (written by an earlier version); nil
    ///   when the bytes are not a whole record of this type.
    static func stored(_ bytes: [UInt8]) -> (value: Self, legacy: Bool)? {
        if bytes.starts(with: ExtractionRecord.magic) {
            var record = ExtractionRecord(bytes, from: ExtractionRecord.magic.count)
            guard let value = try? Self(from: &record), record.atEnd else { return nil }
            return (value, false)
        }
        guard bytes.first == UInt8(ascii: "{"), let value = try? JSONDecoder().decode(Self.self, from: Data(bytes))
        else { return nil }
        return (value, true)
    }
}

/// A stored record being read; every read throws ``Malformed`` past the end or on a value that cannot be.
struct ExtractionRecord {
    /// The first bytes of a record: NUL (which no JSON text starts with), `HS`, the format's version.
    static let magic: [UInt8] = [0, 0x48, 0x53, 1]

    struct Malformed: Error {}

    private let bytes: [UInt8]
    private var position: Int

    init(_ bytes: [UInt8], from position: Int) {
        self.bytes = bytes
        self.position = position
    }

    var atEnd: Bool { position == bytes.count }

    mutating func count() throws -> Int {
        var value = 0
        var shift = 0
        while true {
            guard position < bytes.count, shift < 63 else { throw Malformed() }
            let byte = bytes[position]
            position += 1
            value |= Int(byte & 0x7f) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        guard value >= 0 else { throw Malformed() }
        return value
    }

    private mutating func text(length: Int) throws -> String {
        guard length <= bytes.count - position else { throw Malformed() }
        let start = position
        position += length
        return bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<start + length]), as: UTF8.self)
        }
    }

    mutating func string() throws -> String { try text(length: count()) }

    mutating func optionalString() throws -> String? {
        let length = try count()
        return length == 0 ? nil : try text(length: length - 1)
    }

    mutating func strings() throws -> [String] {
        let n = try count()
        guard n <= bytes.count - position else { throw Malformed() }  // each takes a byte at least
        var list: [String] = []
        list.reserveCapacity(n)
        for _ in 0..<n { list.append(try string()) }
        return list
    }

    mutating func flag() throws -> Bool {
        guard position < bytes.count, bytes[position] <= 1 else { throw Malformed() }
        position += 1
        return bytes[position - 1] == 1
    }

    mutating func optionalDouble() throws -> Double? {
        guard try flag() else { return nil }
        guard bytes.count - position >= 8 else { throw Malformed() }
        var bits: UInt64 = 0
        for i in 0..<8 { bits |= UInt64(bytes[position + i]) << (8 * UInt64(i)) }
        position += 8
        return Double(bitPattern: bits)
    }

    /// A list of `n` records, `n` read first.
    mutating func list<T>(_ read: (inout ExtractionRecord) throws -> T) throws -> [T] {
        let n = try count()
        guard n <= bytes.count - position else { throw Malformed() }
        var list: [T] = []
        list.reserveCapacity(n)
        for _ in 0..<n { list.append(try read(&self)) }
        return list
    }
}

/// A stored record being written (``ExtractionRecord`` reads it).
struct ExtractionRecordWriter {
    var bytes: [UInt8] = []

    mutating func count(_ value: Int) {
        var v = UInt(value)
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7f) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 {
            count($0.count)
            bytes.append(contentsOf: $0)
        }
    }

    mutating func optionalString(_ value: String?) {
        guard var value else { return count(0) }
        value.withUTF8 {
            count($0.count + 1)
            bytes.append(contentsOf: $0)
        }
    }

    mutating func strings(_ values: [String]) {
        count(values.count)
        for value in values { string(value) }
    }

    mutating func flag(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func optionalDouble(_ value: Double?) {
        flag(value != nil)
        guard let value else { return }
        let bits = value.bitPattern
        for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt64(i)))) }
    }
}

// MARK: - The stored types

extension Offer {
    init(from record: inout ExtractionRecord) throws {
        self.init(source: try record.string(), url: try record.string())
        sourceID = try record.optionalString()
        title = try record.optionalString()
        employer = try record.optionalString()
        location = try record.optionalString()
        postalCode = try record.optionalString()
        remote = try record.optionalString()
        employmentType = try record.strings()
        contract = try record.optionalString()
        salaryMin = try record.optionalDouble()
        salaryMax = try record.optionalDouble()
        salaryPeriod = try record.optionalString()
        currency = try record.optionalString()
        salaryText = try record.optionalString()
        posted = try record.optionalString()
        validThrough = try record.optionalString()
        description = try record.optionalString()
        employerReference = try record.optionalString()
    }

    func write(to record: inout ExtractionRecordWriter) {
        record.string(source)
        record.string(url)
        record.optionalString(sourceID)
        record.optionalString(title)
        record.optionalString(employer)
        record.optionalString(location)
        record.optionalString(postalCode)
        record.optionalString(remote)
        record.strings(employmentType)
        record.optionalString(contract)
        record.optionalDouble(salaryMin)
        record.optionalDouble(salaryMax)
        record.optionalString(salaryPeriod)
        record.optionalString(currency)
        record.optionalString(salaryText)
        record.optionalString(posted)
        record.optionalString(validThrough)
        record.optionalString(description)
        record.optionalString(employerReference)
    }

    static func optional(from record: inout ExtractionRecord) throws -> Offer? {
        try record.flag() ? try Offer(from: &record) : nil
    }

    static func write(_ offer: Offer?, to record: inout ExtractionRecordWriter) {
        record.flag(offer != nil)
        offer?.write(to: &record)
    }
}

extension ListingExtraction: StoredExtraction {
    init(from record: inout ExtractionRecord) throws {
        items = try record.list { record in
            let offer = try Offer(from: &record)
            let detailURL = try record.optionalString()
            let missing = try record.list { record in
                guard let field = OfferField(rawValue: try record.string()) else { throw ExtractionRecord.Malformed() }
                return field
            }
            return ListingItem(offer: offer, detailURL: detailURL, missing: missing)
        }
        next = try record.optionalString()
        warnings = try record.strings()
        encoding = try record.string()
    }

    func write(to record: inout ExtractionRecordWriter) {
        record.count(items.count)
        for item in items {
            item.offer.write(to: &record)
            record.optionalString(item.detailURL)
            record.strings(item.missing.map(\.rawValue))
        }
        record.optionalString(next)
        record.strings(warnings)
        record.string(encoding)
    }
}

extension DetailExtraction: StoredExtraction {
    init(from record: inout ExtractionRecord) throws {
        url = try record.string()
        posting = try Offer.optional(from: &record)
        self.recipe = try Offer.optional(from: &record)
        warnings = try record.strings()
        if try record.flag() {
            completed = (item: try Offer(from: &record), offer: try Offer(from: &record))
        }
    }

    func write(to record: inout ExtractionRecordWriter) {
        record.string(url)
        Offer.write(posting, to: &record)
        Offer.write(recipe, to: &record)
        record.strings(warnings)
        record.flag(completed != nil)
        if let completed {
            completed.item.write(to: &record)
            completed.offer.write(to: &record)
        }
    }
}
