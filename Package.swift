// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Homeshore",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "homeshore", targets: ["homeshore"]),
        .library(name: "HomeshoreKit", targets: ["HomeshoreKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Brotli at its fastest setting: the HTTP cache's bodies (about ten times zlib's speed, a tenth larger).
        .systemLibrary(
            name: "CBrotli",
            pkgConfig: "libbrotlienc",
            providers: [.apt(["libbrotli-dev"])]
        ),
        // One C function Swift's Glibc module does not declare (memmem, a GNU extension).
        .target(name: "CByteSearch"),
        // MinHash signatures in C, compiled for AVX-512, AVX2 and plain x86-64 (the processor picks at load time).
        .target(name: "CMinHash"),
        .target(
            name: "HomeshoreKit",
            dependencies: [
                "CBrotli",
                "CByteSearch",
                "CMinHash",
                "CCurl",
                "CLibXML2",
                "CZlib",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's own functions, for the few loops that read tens of thousands of rows (StatementRows).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            resources: [.copy("Resources/DemoSites"), .copy("Resources/Lexicons")]
        ),
        .executableTarget(
            name: "homeshore",
            dependencies: [
                "HomeshoreKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The release build on Linux links the Swift runtime and Foundation into the binary: a process then
            // starts without resolving thousands of symbols across a dozen shared libraries (docs/sentiment.md,
            // "Speed"). `swift build --static-swift-stdlib` does the same but also changes every compile command, so
            // a build without it rebuilt everything; here only the link differs. The dependencies were compiled
            // against the shared Foundation, whose module does not name its static libraries: they are listed.
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
                + ["CoreFoundation", "_FoundationICU", "_FoundationCShims", "_FoundationCollections",
                   "FoundationEssentials", "FoundationInternationalization", "swiftSynchronization"].map {
                    .linkedLibrary($0, .when(platforms: [.linux], configuration: .release))
                }
        ),
        .executableTarget(
            name: "homeshore-bench",
            dependencies: ["HomeshoreKit"],
            path: "Benchmarks/homeshore-bench"
        ),
        .testTarget(
            name: "HomeshoreKitTests",
            dependencies: ["HomeshoreKit"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
