import Foundation
import Testing
@testable import HomeshoreKit

/// Broken `sources.yaml` files made by mutating valid ones: every one either loads or gives errors located at a
/// line and column of the file; none crashes.
@Suite struct ConfigFuzzTests {
    static let seeds: [String] = [
        ConfigLoaderTests.valid,
        (try? String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("sources.yaml"), encoding: .utf8)) ?? "",
    ].filter { !$0.isEmpty }

    /// A small deterministic generator, so that a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(1, bound)))
        }
    }

    static let fragments = [":", "-", " ", "  ", "\n", "\"", "'", "[", "]", "{", "}", "#", "&a", "*a", "!!int", "css: ",
                            "xpath: //", "@", "\t", "https://", "ftp://x", "24x", "-1", "99999999999999999999", "é", "~",
                            "null", "true", "selecter", "itemz", "kind: ofers", "max_pages: lots"]

    static func mutate(_ text: String, _ g: inout Generator) -> String {
        var lines = text.components(separatedBy: "\n")
        for _ in 0..<(1 + g.next(3)) {
            guard !lines.isEmpty else { break }
            let i = g.next(lines.count)
            switch g.next(6) {
            case 0: lines.remove(at: i)
            case 1: lines.insert(lines[g.next(lines.count)], at: i)
            case 2:
                var chars = Array(lines[i])
                if !chars.isEmpty { chars.remove(at: g.next(chars.count)) }
                lines[i] = String(chars)
            case 3:
                var chars = Array(lines[i])
                chars.insert(contentsOf: Array(fragments[g.next(fragments.count)]), at: g.next(chars.count + 1))
                lines[i] = String(chars)
            case 4: lines.swapAt(i, g.next(lines.count))
            default: lines[i] = String(repeating: " ", count: g.next(6)) + lines[i].trimmingCharacters(in: .whitespaces)
            }
        }
        return lines.joined(separator: "\n")
    }

    @Test func twoThousandMutantsLoadOrFailAtALocatedPlace() {
        var g = Generator(state: 20_261_130)
        var failures = 0, loaded = 0
        for round in 0..<2_000 {
            let seed = Self.seeds[round % Self.seeds.count]
            let mutant = Self.mutate(seed, &g)
            do {
                _ = try ConfigLoader.parse(mutant, file: "sources.yaml")
                loaded += 1
            } catch let errors as ConfigErrors {
                failures += 1
                #expect(!errors.errors.isEmpty)
                for error in errors.errors {
                    #expect(error.line >= 1 && error.column >= 1, "round \(round): \(error)\n---\n\(mutant)")
                    #expect(error.description.hasPrefix("sources.yaml:\(error.line):\(error.column): "))
                    #expect(!error.message.isEmpty)
                }
            } catch {
                Issue.record("round \(round): an error that is not a ConfigErrors: \(error)")
            }
        }
        #expect(failures > 1_000)  // most mutants are broken: the test exercises the error paths
        #expect(loaded > 0)
    }
}
