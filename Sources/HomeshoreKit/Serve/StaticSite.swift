import Foundation

/// Serves the files of one folder to a `LoopbackServer`, reading each file once and keeping it in memory.
///
/// `/` and folder paths map to `index.html`; the query string is ignored; a path that would leave the folder
/// (through `..`) is a 404, as is any path without a file.
public final class StaticSite: @unchecked Sendable {
    /// The folder served.
    public let root: URL
    private let lock = NSLock()
    private var cache: [String: LoopbackServer.Response] = [:]

    /// Creates a site serving `root`.
    /// - Parameter root: The folder whose files are served.
    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// The content type sent for a file name, from its extension.
    ///
    /// HTML goes out without a charset parameter, so that the page's own `<meta charset>` decides.
    /// - Parameter name: A file name or path.
    /// - Returns: A MIME type.
    public static func contentType(for name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "html", "htm": "text/html"
        case "xml": "application/xml"
        case "json": "application/json"
        case "txt": "text/plain; charset=utf-8"
        case "yaml", "yml": "application/yaml"
        case "css": "text/css"
        case "js": "text/javascript"
        default: "application/octet-stream"
        }
    }

    /// Answers one request from the folder.
    /// - Parameter request: The request; its path and `If-None-Match` are used.
    /// - Returns: The file with its content type and ETag, a 304 when the ETag asked is the file's, or a 404.
    public func respond(to request: LoopbackServer.Request) -> LoopbackServer.Response {
        let response = file(at: request.path)
        // Conditional requests: the ETag is a hash of the bytes, so an unchanged file answers 304.
        if response.status == 200, let etag = response.headers.first(where: { $0.0 == "ETag" })?.1,
            let asked = request.headers["if-none-match"],
            asked.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag })
        {
            return LoopbackServer.Response(status: 304, headers: [("ETag", etag)], body: [])
        }
        return response
    }

    private func file(at path: String) -> LoopbackServer.Response {
        guard let relative = Self.relativePath(path) else { return .notFound() }
        lock.lock()
        if let cached = cache[relative] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        var file = relative.isEmpty ? root : root.appendingPathComponent(relative)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder) else { return .notFound() }
        if isFolder.boolValue { file.appendPathComponent("index.html") }
        guard let data = FileManager.default.contents(atPath: file.path) else { return .notFound() }
        let response = LoopbackServer.Response(
            status: 200,
            headers: [("Content-Type", Self.contentType(for: file.lastPathComponent)), ("ETag", "\"\(Fingerprint.of(data))\"")],
            body: Array(data))
        lock.lock()
        cache[relative] = response
        lock.unlock()
        return response
    }

    /// The path below the root, without leading or trailing slashes, or nil if it would leave the root.
    static func relativePath(_ path: String) -> String? {
        let decoded = path.removingPercentEncoding ?? path
        var parts: [Substring] = []
        for part in decoded.split(separator: "/") {
            if part == "." { continue }
            if part == ".." || part.contains("\0") || part.contains("\\") { return nil }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }
}

extension LoopbackServer {
    /// A handler that serves the files of `root` (see `StaticSite`).
    /// - Parameter root: The folder to serve.
    /// - Returns: A handler for `LoopbackServer.init(handler:)`.
    public static func directory(_ root: URL) -> @Sendable (Request) -> Response {
        let site = StaticSite(root: root)
        return { site.respond(to: $0) }
    }
}
