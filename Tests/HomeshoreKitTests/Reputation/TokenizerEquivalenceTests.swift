import Foundation
import Testing
@testable import HomeshoreKit

/// The byte-level tokenizer gives the same tokens as the scalar-level one it replaced.
@Suite struct TokenizerEquivalenceTests {
    static let tricky = [
        "L'accueil n'était pas top :(", "Don't buy, it isn't good!!!", "SOUS-PAYÉ, Œuvre ÆTHER Straße ǅ ﬁ",
        "Voir http://x.fr/a:b super :) HTTPS://X.FR\u{00A0}ok http: https:", "Je ne regrette pas 👍🏽❤️ ♥ 👨‍👩‍👧",
        "pas du tout content... vraiment nul ?!", "(voir):Paris :Paris :P xD <3 </3 \\o/ ^^ ^_^ (: ): ;-D =/",
        "C’est génial — très bien ; mais… bof", "ÉNORME déception », « jamais payé", "Ça ne marche plus",
        "rien à redire 😡🤬💩🙏", "jusqu'au bout, lorsqu'il, puisqu'on, quoiqu'il, QU’IL, L`a, d´un, lʼun",
        "can't won't shouldn't n't 'n't don'T don't9 dont' n'", "ÀÉÎÕÜ ÿŸ ñÑ İstanbul ΣΑΣ Ωμέγα 日本語 très bien",
        "", "a", "\t\r\n", "\r\n\r\n.\n", "Not bad at all, really not bad", "plutôt assez un peu moins bien",
        "😀😃😄 😁 🙂🙃 😉", "rembourse\u{200B}ment", "e\u{301}te\u{301} cafe\u{301}", "naïve coöperate ﬀ ẞ",
    ]

    @Test func sameTokensAsTheScalarTokenizer() throws {
        var texts = Self.tricky
        texts += try LabeledReviewsTests.labeled().map(\.text)
        for text in texts {
            #expect(SentimentTokenizer.tokenize(text) == ScalarReferenceTokenizer.tokenize(text), "\(text)")
        }
        // every scalar below U+3000 and a few planes beyond, alone and between letters
        var scalars = (0..<0x3000).compactMap(Unicode.Scalar.init)
        scalars += (0x1F300..<0x1FA00).compactMap(Unicode.Scalar.init)
        for s in scalars {
            for text in ["\(s)", "a\(s)b", "n\(s)t", "l\(s)a", ":\(s)", "\(s):)", "\(s)'t"] {
                #expect(SentimentTokenizer.tokenize(text) == ScalarReferenceTokenizer.tokenize(text), "\(s.value)")
            }
        }
    }
}
