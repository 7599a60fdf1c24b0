import CCurl

/// libcurl's process-wide setup, done once: a `static let` is initialised exactly once, thread-safely.
enum CurlGlobal {
    /// The result of `curl_global_init`, run on first use.
    static let initCode: Int = Int(hs_global_init_default().rawValue)

    /// Runs `curl_global_init` if no one has yet.
    /// - Throws: `FetchError.setup` if libcurl could not initialise.
    static func ensure() throws(FetchError) {
        guard initCode == Int(CURLE_OK.rawValue) else {
            throw FetchError.setup(message: "curl_global_init failed with code \(initCode)")
        }
    }
}
