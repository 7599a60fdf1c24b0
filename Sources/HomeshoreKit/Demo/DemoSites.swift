import Foundation

/// The sample sites bundled with Homeshore (fictional boards, employers and reviews), served on 127.0.0.1 for
/// `homeshore demo` and for the tests.
public enum DemoSites {
    /// The folder of the bundled sites.
    public static var folder: URL {
        get throws {
            guard let url = Bundle.module.url(forResource: "DemoSites", withExtension: nil) else {
                throw CrawlError(description: "the bundled demo sites are missing from this build")
            }
            return url
        }
    }

    /// A running demo: the server and the configuration pointing at it.
    public struct Running: Sendable {
        public let server: LoopbackServer
        public let config: SourcesConfig
        /// The demo's `sources.yaml`, with the server's address written in.
        public let configText: String
    }

    /// Starts serving the sample sites and loads their `sources.yaml`.
    /// - Throws: when the port cannot be opened or the bundled configuration is invalid.
    public static func start() throws -> Running {
        let root = try folder
        let server = try LoopbackServer(handler: LoopbackServer.directory(root))
        let path = root.appendingPathComponent("demo-sources.yaml").path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CrawlError(description: "\(path): cannot read the demo configuration")
        }
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "{{base}}", with: server.baseURL)
        let config = try ConfigLoader.parse(text, file: "demo-sources.yaml")
        return Running(server: server, config: config, configText: text)
    }
}
