import Foundation

/// An RFC 5322 message with a text and an HTML alternative (multipart/alternative, UTF-8, base64), CRLF line ends.
public struct MailMessage: Sendable {
    public var from: String
    public var to: [String]
    public var subject: String
    public var text: String
    public var html: String
    public var date: Date
    /// The MIME boundary; random by default.
    public var boundary: String

    public init(from: String, to: [String], subject: String, text: String, html: String, date: Date = Date(),
                boundary: String = "homeshore-" + UUID().uuidString.lowercased()) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.date = date
        self.boundary = boundary
    }

    /// A header value made safe: line breaks (header injection) become spaces.
    static func headerSafe(_ text: String) -> String {
        String(text.map { $0 == "\r" || $0 == "\n" ? " " : $0 })
    }

    /// An RFC 2047 encoded-word for non-ASCII text, split so that no encoded word is longer than 75 characters.
    static func encodedWord(_ text: String) -> String {
        let safe = headerSafe(text)
        guard safe.unicodeScalars.contains(where: { $0.value > 126 || $0.value < 32 }) else { return safe }
        var words: [String] = []
        var chunk = ""
        for ch in safe {
            // 45 bytes of UTF-8 make 60 base64 characters, plus 12 for =?UTF-8?B?...?=.
            if (chunk + String(ch)).utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(ch)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    /// Base64 in lines of 76 characters.
    static func base64Lines(_ text: String) -> String {
        let encoded = Data(text.utf8).base64EncodedString()
        var lines: [Substring] = []
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(encoded[index..<end])
            index = end
        }
        return lines.joined(separator: "\r\n")
    }

    /// The date as RFC 5322 writes it: `Mon, 30 Nov 2026 06:00:00 +0000`.
    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }

    /// The whole message, headers and body, with CRLF line ends.
    public var rendered: String {
        let domain = from.split(separator: "@").last.map(String.init) ?? "homeshore.invalid"
        let headers = [
            "From: \(Self.headerSafe(from))",
            "To: \(to.map(Self.headerSafe).joined(separator: ", "))",
            "Subject: \(Self.encodedWord(subject))",
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: <\(UUID().uuidString.lowercased())@\(Self.headerSafe(domain))>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
            "X-Mailer: Homeshore \(HomeshoreInfo.version)",
        ]
        let part = { (type: String, body: String) -> String in
            "--\(boundary)\r\nContent-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Self.base64Lines(body) + "\r\n"
        }
        return headers.joined(separator: "\r\n") + "\r\n\r\nThis is a MIME message: a text and an HTML version.\r\n\r\n"
            + part("text/plain", text) + part("text/html", html) + "--\(boundary)--\r\n"
    }
}
