import Foundation
import Yams

extension NodeReader {
    static let digestKeys = ["keywords", "exclude", "min_score", "contracts", "remote", "pay_per_act", "min_monthly_pay",
                             "mail"]
    static let mailKeys = ["url", "from", "to", "user", "password_env", "tls"]

    mutating func readDigest(_ node: Node) -> DigestConfig {
        var digest = DigestConfig()
        for (key, _, value) in entries(node, known: Self.digestKeys, what: "'digest'") {
            switch key {
            case "keywords": digest.keywords = strings(value, key) ?? []
            case "exclude": digest.exclude = strings(value, key) ?? []
            case "min_score":
                guard let text = string(value, key) else { continue }
                if let score = Double(text), (0...5).contains(score) {
                    digest.minScore = score
                } else {
                    fail(value, "'min_score' must be a number from 0 to 5, not '\(text)'")
                }
            case "contracts": digest.contracts = enumList(value, key, OfferFacets.Contract.self)
            case "remote": digest.remote = enumList(value, key, OfferFacets.Remote.self).filter { $0 != .unknown }
            case "pay_per_act":
                guard let text = string(value, key) else { continue }
                switch text {
                case "keep": digest.excludePayPerAct = false
                case "exclude": digest.excludePayPerAct = true
                default: fail(value, "'pay_per_act' must be 'keep' (the default) or 'exclude', not '\(text)'")
                }
            case "min_monthly_pay":
                guard let text = string(value, key) else { continue }
                if let pay = Double(text), pay >= 0 {
                    digest.minMonthlyPay = pay
                } else {
                    fail(value, "'min_monthly_pay' must be a positive amount, not '\(text)'")
                }
            case "mail": digest.mail = readMail(value)
            default: break
            }
        }
        return digest
    }

    mutating func enumList<E: RawRepresentable & CaseIterable>(_ node: Node, _ key: String, _: E.Type) -> [E]
    where E.RawValue == String {
        guard let items = strings(node, key) else { return [] }
        var result: [E] = []
        let known = E.allCases.map(\.rawValue).filter { $0 != "unknown" }
        for item in items {
            if let value = E(rawValue: item.lowercased().replacingOccurrences(of: "-", with: "_")) {
                result.append(value)
            } else {
                fail(node, "unknown value '\(item)' in '\(key)'",
                    hint: nearest(item, in: known).map { "did you mean '\($0)'?" } ?? "use \(known.joined(separator: ", "))")
            }
        }
        return result
    }

    mutating func readMail(_ node: Node) -> MailConfig? {
        var url: String?, from: String?, to: [String] = []
        var user: String?, passwordEnv: String?, tls = MailConfig.TLSMode.try
        let errorsBefore = errors.count
        for (key, _, value) in entries(node, known: Self.mailKeys, what: "'digest.mail'") {
            switch key {
            case "url":
                guard let text = string(value, key) else { continue }
                let scheme = URL(string: text)?.scheme?.lowercased()
                if scheme == "smtp" || scheme == "smtps", URL(string: text)?.host?.isEmpty == false {
                    url = text
                } else {
                    fail(value, "'url' must be smtp://host:port or smtps://host:port, not '\(text)'")
                }
            case "from":
                from = string(value, key)
                if let from, !Self.looksLikeAddress(from) { fail(value, "'from' must be an e-mail address, not '\(from)'") }
            case "to":
                to = strings(value, key) ?? []
                for address in to where !Self.looksLikeAddress(address) {
                    fail(value, "'to' must list e-mail addresses: '\(address)' is not one")
                }
            case "user": user = string(value, key)
            case "password_env":
                passwordEnv = string(value, key)
                if let name = passwordEnv, name.isEmpty || !name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                    fail(value, "'password_env' must name an environment variable such as HOMESHORE_SMTP_PASSWORD",
                        hint: "the password itself never goes in sources.yaml")
                }
            case "tls":
                guard let text = string(value, key) else { continue }
                if let mode = MailConfig.TLSMode(rawValue: text) {
                    tls = mode
                } else {
                    fail(value, "'tls' must be none, try or required, not '\(text)'")
                }
            default: break
            }
        }
        if url == nil { fail(node, "'digest.mail' needs 'url' (smtp://host:port)") }
        if from == nil { fail(node, "'digest.mail' needs 'from'") }
        if to.isEmpty { fail(node, "'digest.mail' needs 'to': one address or a list") }
        guard errors.count == errorsBefore, let url, let from else { return nil }
        var mail = MailConfig(url: url, from: from, to: to)
        mail.user = user
        mail.passwordEnv = passwordEnv
        mail.tls = tls
        return mail
    }

    /// A plain `local@domain` address, with no spaces, angle brackets or line breaks.
    static func looksLikeAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !text.contains(where: { $0.isWhitespace || "<>\"(),;".contains($0) })
    }
}
