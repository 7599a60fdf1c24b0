import Foundation
import Testing
@testable import HomeshoreKit

/// The `digest:` section of `sources.yaml`: read when right, located errors with hints when wrong.
@Suite struct DigestConfigTests {
    static let sources = """
        version: 1
        sources:
          - name: board
            start: ["https://jobs.example/"]

        """

    @Test func readsTheDigestSection() throws {
        let config = try ConfigLoader.parse(Self.sources + """
            digest:
              keywords: [téléconseiller, "service client"]
              exclude: commercial
              min_score: 3.5
              contracts: [cdi, cdd]
              remote: [full, hybrid]
              pay_per_act: exclude
              min_monthly_pay: 1400
              mail:
                url: smtp://mail.example.org:587
                from: homeshore@example.org
                to: [me@example.org]
                password_env: HOMESHORE_SMTP_PASSWORD
                tls: required

            """, file: "sources.yaml")
        let d = config.digest
        #expect(d.keywords == ["téléconseiller", "service client"])
        #expect(d.exclude == ["commercial"])
        #expect(d.minScore == 3.5)
        #expect(d.contracts == [.cdi, .cdd])
        #expect(d.remote == [.full, .hybrid])
        #expect(d.excludePayPerAct)
        #expect(d.minMonthlyPay == 1400)
        #expect(d.mail?.url == "smtp://mail.example.org:587")
        #expect(d.mail?.to == ["me@example.org"])
        #expect(d.mail?.passwordEnv == "HOMESHORE_SMTP_PASSWORD")
        #expect(d.mail?.tls == .required)
        #expect(try ConfigLoader.parse(Self.sources, file: "s.yaml").digest == DigestConfig())
    }

    @Test(arguments: [
        ("digest:\n  keywords: [a]\n  min_scor: 3\n", "sources.yaml:7:3: unknown key 'min_scor' in 'digest' (did you mean 'min_score'?)"),
        ("digest:\n  contracts: [cdii]\n", "sources.yaml:6:14: unknown value 'cdii' in 'contracts' (did you mean 'cdi'?)"),
        ("digest:\n  min_score: 9\n", "sources.yaml:6:14: 'min_score' must be a number from 0 to 5, not '9'"),
        ("digest:\n  mail:\n    url: http://x.example\n    from: a@example.org\n    to: b@example.org\n",
         "sources.yaml:7:10: 'url' must be smtp://host:port or smtps://host:port, not 'http://x.example'"),
        ("digest:\n  mail:\n    url: smtp://x.example\n    from: a@example.org\n    to: b@example.org\n    password: hunter2\n",
         "sources.yaml:10:5: unknown key 'password' in 'digest.mail'"),
        ("digest:\n  mail:\n    url: smtp://x.example\n    to: b@example.org\n", "sources.yaml:7:5: 'digest.mail' needs 'from'"),
    ])
    func reportsLocatedErrors(_ yaml: String, _ expected: String) {
        do {
            _ = try ConfigLoader.parse(Self.sources + yaml, file: "sources.yaml")
            Issue.record("no error for \(yaml)")
        } catch let errors as ConfigErrors {
            #expect(errors.errors.contains { $0.description.hasPrefix(expected) }, "\(errors)")
        } catch {
            Issue.record("\(error)")
        }
    }
}
