/// A strict RFC 4180 reader for tests: quoted cells, doubled quotes, separators and line breaks inside quotes.
enum CSVReader {
    struct Malformed: Error, CustomStringConvertible { var description: String }

    static func rows(_ text: String, separator: Character = ",") throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var chars = Array(text)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        var atCellStart = true
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { cell.append("\""); i += 1 } else { quoted = false }
                } else {
                    cell.append(c)
                }
            } else if c == "\"" {
                guard atCellStart else { throw Malformed(description: "quote inside an unquoted cell at \(i)") }
                quoted = true
            } else if c == separator {
                row.append(cell); cell = ""; atCellStart = true; i += 1; continue
            } else if c == "\r\n" || c == "\n" || c == "\r" {
                row.append(cell); rows.append(row); row = []; cell = ""; atCellStart = true; i += 1; continue
            } else {
                cell.append(c)
            }
            atCellStart = false
            i += 1
        }
        if quoted { throw Malformed(description: "unterminated quoted cell") }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }
}
