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
        .target(
            name: "HomeshoreKit",
            dependencies: [
                "CCurl",
                "CLibXML2",
                "CZlib",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Resources/DemoSites"), .copy("Resources/Lexicons")]
        ),
        .executableTarget(
            name: "homeshore",
            dependencies: [
                "HomeshoreKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
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
