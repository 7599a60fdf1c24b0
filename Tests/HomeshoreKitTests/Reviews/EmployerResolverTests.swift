import Testing
@testable import HomeshoreKit

@Suite struct EmployerResolverTests {
    static let resolver = EmployerResolver(aliases: [
        "Concentrix": ["Webhelp", "Concentrix + Webhelp"],
        "Domicall": ["DOMICALL SAS"],
    ])

    @Test(arguments: [
        ("DOMICALL SAS", "Domicall"), ("Domicall", "domicall.fr"), ("Eodom SAS", "EODOM"), ("eodom.com", "Éodom"),
        ("https://www.eodom.com/recrutement", "Eodom"), ("Relais Client Express S.A.S.", "relais-client-express.fr"),
        ("Assistéo SARL", "ASSISTEO"), ("CallHome Partners Ltd", "Callhome Partners"), ("Acme GmbH", "ACME Inc."),
        ("Groupe Vocalia", "Vocalia Group"), ("Foo & Bar SASU", "foo and bar"), ("bt.co.uk", "BT"),
    ])
    func sameEmployer(_ a: String, _ b: String) {
        #expect(EmployerResolver.key(a) == EmployerResolver.key(b), "\(a) / \(b)")
    }

    @Test(arguments: [
        ("Relais Client Express", "Relais Client Pro"), ("Vocalia Services", "Vocalia Conseil"),
        ("Vocalia Services", "Vocalia"), ("Domicall", "Domicall Pro"), ("Eodom", "Eodom Formation"),
        ("Parleo", "ParleoCom"),
    ])
    func differentEmployers(_ a: String, _ b: String) {
        #expect(EmployerResolver.key(a) != EmployerResolver.key(b), "\(a) / \(b)")
        #expect(Self.resolver.resolve(a).key != Self.resolver.resolve(b).key, "\(a) / \(b)")
    }

    @Test func aliasesResolveToTheConfiguredEmployer() {
        #expect(Self.resolver.resolve("Webhelp") == ("concentrix", "Concentrix"))
        #expect(Self.resolver.resolve("WEBHELP SAS").name == "Concentrix")
        #expect(Self.resolver.resolve("Concentrix + Webhelp").name == "Concentrix")
        #expect(Self.resolver.resolve("domicall.fr").name == "Domicall")
        #expect(Self.resolver.resolve("Teleperformance").name == "Teleperformance")
        #expect(Self.resolver.resolve("  Armatis   SAS ").name == "Armatis SAS")
    }
}
