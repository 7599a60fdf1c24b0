import Foundation
import Testing
@testable import HomeshoreKit

/// The compact records in which the HTTP cache keeps what extraction made of a page.
@Suite struct StoredExtractionTests {
    static var fullOffer: Offer {
        var offer = Offer(source: "board", url: "https://jobs.example/offres/1?ref=x")
        offer.sourceID = "O-1"
        offer.title = "Téléconseiller à domicile 🎧 H/F"
        offer.employer = "Domicall"
        offer.location = "Lille"
        offer.postalCode = "59000"
        offer.remote = "full"
        offer.employmentType = ["FULL_TIME", "PART_TIME", ""]
        offer.contract = "cdi"
        offer.salaryMin = 1801.5
        offer.salaryMax = 2_100.25
        offer.salaryPeriod = "month"
        offer.currency = "EUR"
        offer.salaryText = "1 801,50 € brut"
        offer.posted = "2026-11-28"
        offer.validThrough = "2026-12-31"
        offer.description = String(repeating: "Répondre aux appels.\n\u{0}\"{}", count: 40)
        offer.employerReference = ""
        return offer
    }

    static var listing: ListingExtraction {
        let bare = Offer(source: "board", url: "")
        return ListingExtraction(items: [
            ListingItem(offer: fullOffer, detailURL: "https://jobs.example/offres/1", missing: [.postalCode, .salary]),
            ListingItem(offer: bare, detailURL: nil, missing: []),
        ], next: "https://jobs.example/?page=2", warnings: ["a warning", ""], encoding: "utf-8 (header)")
    }

    static var detail: DetailExtraction {
        var parts = DetailExtraction(url: "https://jobs.example/offres/1", posting: fullOffer, recipe: nil, warnings: [])
        parts.completed = (Offer(source: "board", url: "u"), fullOffer)
        return parts
    }

    static func same(_ a: ListingExtraction, _ b: ListingExtraction) -> Bool {
        a.items.map(\.offer) == b.items.map(\.offer) && a.items.map(\.detailURL) == b.items.map(\.detailURL)
            && a.items.map(\.missing) == b.items.map(\.missing) && a.next == b.next && a.warnings == b.warnings
            && a.encoding == b.encoding
    }

    @Test func aListingComesBackAsItWas() throws {
        let bytes = Self.listing.storedBytes
        #expect(bytes.starts(with: [0, 0x48, 0x53, 1]))
        let read = try #require(ListingExtraction.stored(bytes))
        #expect(!read.legacy)
        #expect(Self.same(read.value, Self.listing))
        #expect(read.value.storedBytes == bytes)
        // Numbers come back bit for bit, those JSON cannot write too.
        var odd = Self.listing
        odd.items[0].offer.salaryMin = -0.0
        odd.items[0].offer.salaryMax = .infinity
        let back = try #require(ListingExtraction.stored(odd.storedBytes)).value.items[0].offer
        #expect(back.salaryMin?.bitPattern == (-0.0).bitPattern && back.salaryMax == .infinity)
    }

    @Test func aDetailComesBackWithWhatItCompleted() throws {
        let read = try #require(DetailExtraction.stored(Self.detail.storedBytes))
        #expect(read.value.url == Self.detail.url)
        #expect(read.value.posting == Self.fullOffer)
        #expect(read.value.recipe == nil)
        #expect(read.value.completed?.item == Offer(source: "board", url: "u"))
        #expect(read.value.completed?.offer == Self.fullOffer)
        var none = Self.detail
        none.completed = nil
        #expect(DetailExtraction.stored(none.storedBytes)?.value.completed == nil)
    }

    /// Records written as JSON by earlier versions are still read (and said to be legacy, to be stored again).
    @Test func jsonWrittenByAnEarlierVersionIsStillRead() throws {
        let listing = try #require(ListingExtraction.stored([UInt8](try JSONEncoder().encode(Self.listing))))
        #expect(listing.legacy)
        #expect(Self.same(listing.value, Self.listing))
        let json = [UInt8](try JSONEncoder().encode(Self.detail))
        #expect(!String(decoding: json, as: UTF8.self).contains("completed"))
        let detail = try #require(DetailExtraction.stored(json))
        #expect(detail.legacy)
        #expect(detail.value.posting == Self.fullOffer)
        #expect(detail.value.completed == nil)
    }

    /// A record cut anywhere, with a byte too many, of another type, of a later version, or not a record at all is
    /// nil (the page is then extracted again), never a crash.
    @Test func anythingButAWholeRecordIsNil() {
        let bytes = Self.listing.storedBytes
        for length in 0..<bytes.count {
            #expect(ListingExtraction.stored(Array(bytes.prefix(length))) == nil, "cut at \(length)")
        }
        #expect(ListingExtraction.stored(bytes + [0]) == nil)
        #expect(DetailExtraction.stored(bytes) == nil)
        #expect(ListingExtraction.stored([0, 0x48, 0x53, 2] + bytes.dropFirst(4)) == nil)
        #expect(ListingExtraction.stored(Array("{".utf8)) == nil)
        #expect(ListingExtraction.stored(Array("[1]".utf8)) == nil)
        #expect(ListingExtraction.stored([0, 0x48, 0x53, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]) == nil)
        var seed: UInt64 = 42
        for _ in 0..<2_000 {
            var mangled = bytes
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            mangled[4 + Int(seed >> 33) % (bytes.count - 4)] = UInt8(truncatingIfNeeded: seed >> 20)
            _ = ListingExtraction.stored(mangled)  // any value or nil, but no trap
        }
    }

    @Test func completingTakesWhatTheSamePartsCompletedForTheSameListingOffer() throws {
        let config = try ConfigLoader.parse("""
            version: 1
            tracking_parameters: [ref]
            sources:
              - name: board
                start: ["https://jobs.example/list.html"]
            """, file: "t.yaml")
        let extractor = PageExtractor(source: config.sources[0])
        var item = ListingItem(offer: Offer(source: "board", url: "https://jobs.example/offres/1"), detailURL: nil,
            missing: [])
        item.offer.sourceID = "O-1"
        var parts = DetailExtraction(url: "https://jobs.example/offres/1?ref=x#top", posting: Self.fullOffer,
            recipe: nil, warnings: [])
        let first = extractor.completing(item, with: &parts)
        #expect(first.changed)
        #expect(first.offer == extractor.complete(item, with: parts))
        #expect(first.offer.url == "https://jobs.example/offres/1")
        #expect(first.offer.sourceID == "O-1")
        let again = extractor.completing(item, with: &parts)
        #expect(!again.changed && again.offer == first.offer)
        // Another listing offer: completed again, and remembered.
        item.offer.sourceID = "O-2"
        let other = extractor.completing(item, with: &parts)
        #expect(other.changed && other.offer.sourceID == "O-2")
        #expect(parts.completed?.item.sourceID == "O-2")
    }
}
