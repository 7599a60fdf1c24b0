import CCurl

/// One libcurl easy handle and the state of the transfer it is running: body, headers, body cap.
///
/// Reused from transfer to transfer (`curl_easy_reset` in `prepare`). The write and header callbacks reach this
/// object through `Unmanaged.passUnretained(self)`; the `NetworkLoop` keeps it alive while it is in the multi.
final class EasyHandle {
    let raw: UnsafeMutableRawPointer
    private let errors = ErrorBuffer()
    private var headerList: HeaderList?
    private(set) var body: [UInt8] = []
    private(set) var headers: [String: String] = [:]
    private var bodyLimit = 0
    private var bodyTooLarge = false

    init?() {
        guard let handle = curl_easy_init() else { return nil }
        raw = handle
    }

    deinit {
        curl_easy_cleanup(raw)
    }

    /// Resets the handle and sets every option for fetching `request`.
    func prepare(_ request: FetchRequest, options: FetchOptions) {
        curl_easy_reset(raw)
        body = []
        headers = [:]
        bodyLimit = options.maxBodyBytes
        bodyTooLarge = false
        errors.clear()
        headerList = HeaderList(request.headers)

        let h = raw
        hs_easy_setopt_string(h, CURLOPT_URL, request.url)
        // Only http and https, also for redirects: file://, ftp:// and the rest fail with UNSUPPORTED_PROTOCOL.
        hs_easy_setopt_string(h, CURLOPT_PROTOCOLS_STR, "http,https")
        hs_easy_setopt_string(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        hs_easy_setopt_long(h, CURLOPT_FOLLOWLOCATION, 1)
        hs_easy_setopt_long(h, CURLOPT_MAXREDIRS, max(0, options.maxRedirects))
        hs_easy_setopt_long(h, CURLOPT_AUTOREFERER, 1)
        // "" asks for every encoding this libcurl decodes (gzip, deflate, br, zstd here).
        hs_easy_setopt_string(h, CURLOPT_ACCEPT_ENCODING, "")
        // An early stop when Content-Length is too large; the write callback enforces the cap on decoded bytes.
        hs_easy_setopt_off(h, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(options.maxBodyBytes))
        hs_easy_setopt_long(h, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(options.connectTimeout))
        hs_easy_setopt_long(h, CURLOPT_TIMEOUT_MS, Self.milliseconds(options.totalTimeout))
        hs_easy_setopt_long(h, CURLOPT_LOW_SPEED_LIMIT, max(0, options.lowSpeedLimit))
        hs_easy_setopt_long(h, CURLOPT_LOW_SPEED_TIME, Int(options.lowSpeedTime.rounded(.up)))
        hs_easy_setopt_string(h, CURLOPT_USERAGENT, options.userAgent)
        hs_easy_setopt_long(h, CURLOPT_NOSIGNAL, 1)
        // No CURLOPT_PROXY / NOPROXY: libcurl reads http_proxy, https_proxy and no_proxy itself.
        if let list = headerList?.pointer { hs_easy_setopt_slist(h, CURLOPT_HTTPHEADER, list) }
        hs_easy_setopt_pointer(h, CURLOPT_ERRORBUFFER, errors.pointer)

        let context = Unmanaged.passUnretained(self).toOpaque()
        hs_easy_setopt_pointer(h, CURLOPT_WRITEDATA, context)
        hs_easy_setopt_write(h) { data, size, count, context in
            let handle = Unmanaged<EasyHandle>.fromOpaque(context!).takeUnretainedValue()
            return handle.receiveBody(data, size * count)
        }
        hs_easy_setopt_pointer(h, CURLOPT_HEADERDATA, context)
        hs_easy_setopt_header(h) { data, size, count, context in
            let handle = Unmanaged<EasyHandle>.fromOpaque(context!).takeUnretainedValue()
            handle.receiveHeader(data, size * count)
            return size * count
        }
    }

    /// Keeps body bytes, or returns 0 (which makes libcurl abort with a write error) past the cap.
    private func receiveBody(_ data: UnsafeMutablePointer<CChar>?, _ count: Int) -> Int {
        guard body.count + count <= bodyLimit else {
            bodyTooLarge = true
            return 0
        }
        if let data, count > 0 {
            body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: count))
        }
        return count
    }

    /// Collects one header line; a status line starts a new response (a redirect or 1xx), forgetting the last.
    /// Read on the bytes (a line made into a String, searched and lowered cost a tenth of the network thread): the
    /// name lowered as ASCII when it is ASCII (header names are), the value trimmed of spaces, tabs and line ends.
    private func receiveHeader(_ data: UnsafeMutablePointer<CChar>?, _ count: Int) {
        guard let data, count > 0 else { return }
        let line = UnsafeBufferPointer(start: UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: count)
        if count >= 5, line[0] == 0x48, line[1] == 0x54, line[2] == 0x54, line[3] == 0x50, line[4] == 0x2F {  // HTTP/
            headers = [:]
            body = []
            return
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return }
        let nameBytes = UnsafeBufferPointer(rebasing: line[..<colon])
        let name = nameBytes.allSatisfy { $0 < 0x80 }
            ? String(unsafeUninitializedCapacity: colon, initializingUTF8With: { out in
                for (i, byte) in nameBytes.enumerated() { out[i] = ByteScan.lower(byte) }
                return colon
            })
            : String(decoding: nameBytes, as: UTF8.self).lowercased()
        var lower = colon + 1, upper = count
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
        while lower < upper, blank(line[lower]) { lower += 1 }
        while upper > lower, blank(line[upper - 1]) { upper -= 1 }
        let value = String(decoding: UnsafeBufferPointer(rebasing: line[lower..<upper]), as: UTF8.self)
        if let existing = headers[name] {
            headers[name] = existing + ", " + value
        } else {
            headers[name] = value
            // The body's room made at once (a hint: a compressed body grows, a lying header only wastes room).
            if name == "content-length", let size = Int(value), size > 0, size <= bodyLimit, body.isEmpty {
                body.reserveCapacity(size)
            }
        }
    }

    /// Builds the response once libcurl reported the transfer done with `code`.
    func response(for request: FetchRequest, code: CURLcode, limits options: FetchOptions) -> FetchResponse {
        var status = 0
        hs_easy_getinfo_long(raw, CURLINFO_RESPONSE_CODE, &status)
        var downloaded: curl_off_t = 0
        hs_easy_getinfo_off(raw, CURLINFO_SIZE_DOWNLOAD_T, &downloaded)
        var micros: curl_off_t = 0
        hs_easy_getinfo_off(raw, CURLINFO_TOTAL_TIME_T, &micros)
        let finalURL = info(CURLINFO_EFFECTIVE_URL) ?? request.url
        var response = FetchResponse(
            request: request, finalURL: finalURL, status: status, headers: headers, body: body,
            wireBytes: Int(downloaded), elapsed: Double(micros) / 1_000_000, error: nil)
        body = []
        headers = [:]
        headerList = nil
        if code != CURLE_OK {
            response.error = error(for: code, finalURL: finalURL, options: options)
        }
        return response
    }

    private func error(for code: CURLcode, finalURL: String, options: FetchOptions) -> FetchError {
        let message = errors.message ?? String(cString: curl_easy_strerror(code))
        switch code {
        case CURLE_UNSUPPORTED_PROTOCOL:
            return .unsupportedScheme(url: info(CURLINFO_REDIRECT_URL) ?? finalURL)
        case CURLE_TOO_MANY_REDIRECTS:
            return .tooManyRedirects(url: finalURL, limit: options.maxRedirects)
        case CURLE_FILESIZE_EXCEEDED:
            return .bodyTooLarge(url: finalURL, limit: options.maxBodyBytes)
        case CURLE_WRITE_ERROR where bodyTooLarge:
            return .bodyTooLarge(url: finalURL, limit: options.maxBodyBytes)
        case CURLE_OPERATION_TIMEDOUT:
            return message.contains("too slow") ? .stalled(url: finalURL) : .timedOut(url: finalURL)
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .couldNotConnect(url: finalURL, message: message)
        case CURLE_URL_MALFORMAT:
            return .invalidURL(url: finalURL)
        default:
            return .transfer(url: finalURL, code: Int(code.rawValue), message: message)
        }
    }

    private func info(_ item: CURLINFO) -> String? {
        var pointer: UnsafeMutablePointer<CChar>?
        guard hs_easy_getinfo_string(raw, item, &pointer) == CURLE_OK, let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func milliseconds(_ seconds: Double) -> Int {
        seconds > 0 ? Int((seconds * 1000).rounded(.up)) : 0
    }
}

@available(*, unavailable)
extension EasyHandle: Sendable {}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = self[...]
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
