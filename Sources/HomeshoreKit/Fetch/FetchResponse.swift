/// The outcome of one `FetchRequest`: the final response after redirects, or an error.
public struct FetchResponse: Sendable {
    /// The request this answers.
    public var request: FetchRequest
    /// The URL of the last response, after redirects.
    public var finalURL: String
    /// The HTTP status of the last response, or 0 when none arrived.
    public var status: Int
    /// The last response's headers, names lower-cased; repeated headers are joined with `", "`.
    public var headers: [String: String]
    /// The body, decoded from any `Content-Encoding`; on error, what had arrived.
    public var body: [UInt8]
    /// Bytes libcurl counted as downloaded for the body (`CURLINFO_SIZE_DOWNLOAD_T`).
    public var wireBytes: Int
    /// Seconds from the transfer's start to its end (time waiting for politeness not included).
    public var elapsed: Double
    /// Why the fetch failed, or nil when a response arrived (whatever its status).
    public var error: FetchError?

    /// The `Content-Type` header of the last response.
    public var contentType: String? { headers["content-type"] }

    /// A response that failed before or without any transfer.
    static func failed(_ request: FetchRequest, _ error: FetchError) -> FetchResponse {
        FetchResponse(
            request: request, finalURL: request.url, status: 0, headers: [:], body: [], wireBytes: 0, elapsed: 0,
            error: error)
    }
}
