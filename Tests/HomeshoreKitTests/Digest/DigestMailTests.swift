import Foundation
import Testing
@testable import HomeshoreKit

/// The digest mailed through libcurl's SMTP to a server on 127.0.0.1: headers, both parts, escaping, delivery state.
@Suite(.serialized) struct DigestMailTests {
    static func decodePart(_ message: String, type: String) -> String? {
        guard let start = message.range(of: "Content-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
        else { return nil }
        let rest = message[start.upperBound...]
        let end = rest.range(of: "\r\n--")?.lowerBound ?? rest.endIndex
        let base64 = rest[..<end].replacingOccurrences(of: "\r\n", with: "")
        return Data(base64Encoded: base64).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func mailArrivesWithHeadersBothPartsAndEscapedHTML() async throws {
        let server = try TinySMTPServer()
        defer { server.stop() }
        let (digest, folder) = try DigestFormatTests.hostileDigest()
        _ = digest
        let store = try OfferStore(folder: folder.path)
        var config = DigestConfig()
        var mail = MailConfig(url: "smtp://127.0.0.1:\(server.port)", from: "homeshore@example.org",
            to: ["me@example.org", "other@example.org"])
        mail.passwordEnv = "HS_TEST_SMTP_PASSWORD"
        mail.tls = .none
        config.mail = mail
        let delivery = DigestDelivery(store: store, config: config)
        let prepared = try delivery.prepare(since: .date(.distantPast), language: .fr)
        try await delivery.mail(prepared, environment: ["HS_TEST_SMTP_PASSWORD": "s3cret"])
        let sessions = server.sessions.current
        #expect(sessions.count == 1)
        let s = try #require(sessions.first)
        #expect(s.from?.hasPrefix("<homeshore@example.org>") == true)
        #expect(s.recipients.map { String($0.prefix(while: { $0 != " " })) } == ["<me@example.org>", "<other@example.org>"])
        #expect(s.auth.flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) }
            == "\0homeshore@example.org\0s3cret")
        #expect(s.data.contains("From: homeshore@example.org\r\n"))
        #expect(s.data.contains("To: me@example.org, other@example.org\r\n"))
        #expect(s.data.contains("Subject: =?UTF-8?B?"))
        #expect(s.data.contains("MIME-Version: 1.0\r\n"))
        #expect(s.data.contains("Content-Type: multipart/alternative; boundary="))
        let text = try #require(Self.decodePart(s.data, type: "text/plain"))
        let html = try #require(Self.decodePart(s.data, type: "text/html"))
        #expect(text.contains("Téléconseiller"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(!html.contains("<script"))
        #expect(try store.digests(limit: 1).first?.delivered == true)
        // The subject decodes back to the French title.
        let lines = s.data.components(separatedBy: "\r\n")
        let first = lines.firstIndex { $0.hasPrefix("Subject: ") }!
        var words = [String(lines[first].dropFirst(9))]
        for line in lines[(first + 1)...] {
            guard line.hasPrefix(" ") else { break }
            words.append(String(line.dropFirst()))
        }
        let subject = words.map { word -> String in
            let inner = word.replacingOccurrences(of: "=?UTF-8?B?", with: "").replacingOccurrences(of: "?=", with: "")
            return String(decoding: Data(base64Encoded: inner) ?? Data(), as: UTF8.self)
        }.joined()
        #expect(subject == "Homeshore · 2 nouvelles offres")
    }

    @Test func aMailThatFailsIsNotCountedDelivered() async throws {
        let server = try TinySMTPServer(refuseRecipients: true)
        defer { server.stop() }
        let (_, folder) = try DigestFormatTests.hostileDigest()
        let store = try OfferStore(folder: folder.path)
        var config = DigestConfig()
        var mail = MailConfig(url: "smtp://127.0.0.1:\(server.port)", from: "homeshore@example.org", to: ["me@example.org"])
        mail.tls = .none
        config.mail = mail
        let delivery = DigestDelivery(store: store, config: config)
        let prepared = try delivery.prepare(since: .last, language: .en)
        await #expect(throws: MailError.self) { try await delivery.mail(prepared) }
        #expect(try store.digests(limit: 1).first?.delivered == false)
        #expect(try store.lastDeliveredDigest() == nil)
        // A password variable that is not set stops before connecting.
        config.mail?.passwordEnv = "HS_TEST_UNSET_VARIABLE"
        await #expect(throws: MailError.self) {
            try await DigestDelivery(store: store, config: config).mail(prepared, environment: [:])
        }
    }
}
