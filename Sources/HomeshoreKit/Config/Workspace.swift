import Foundation

/// Where a command finds its configuration and its cache: `--config` (default `./sources.yaml`), and `--cache`,
/// else `$HOMESHORE_CACHE`, else the `cache/` folder beside the configuration file.
public struct Workspace: Sendable {
    /// The configuration file.
    public var configPath: String
    /// The cache folder holding `homeshore.sqlite`.
    public var cacheFolder: String

    /// Resolves the paths a command uses.
    /// - Parameters:
    ///   - config: `--config`, when given.
    ///   - cache: `--cache`, when given.
    ///   - environment: the process environment (for `HOMESHORE_CACHE`).
    public init(config: String?, cache: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        configPath = config ?? "sources.yaml"
        if let cache, !cache.isEmpty {
            cacheFolder = cache
        } else if let fromEnvironment = environment["HOMESHORE_CACHE"], !fromEnvironment.isEmpty {
            cacheFolder = fromEnvironment
        } else {
            let folder = (configPath as NSString).deletingLastPathComponent
            cacheFolder = ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent("cache")
        }
    }

    /// Loads and validates the configuration. - Throws: ``ConfigErrors``.
    public func loadConfig() throws -> SourcesConfig {
        try ConfigLoader.load(path: configPath)
    }

    /// Opens the database. - Throws: ``StoreError``.
    public func openStore() throws -> OfferStore {
        try OfferStore(folder: cacheFolder)
    }
}
