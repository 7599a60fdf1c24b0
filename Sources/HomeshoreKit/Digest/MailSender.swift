import CCurl
import Foundation

/// Why a digest could not be mailed.
public struct MailError: Error, CustomStringConvertible {
    public var description: String
}

/// Sends a ``MailMessage`` through libcurl's SMTP support (`smtp://` with optional STARTTLS, or `smtps://`).
public enum MailSender {
    /// Sends the message on a thread of its own (libcurl's easy interface blocks).
    /// - Parameters:
    ///   - message: the message.
    ///   - config: `digest.mail`: server, login, TLS.
    ///   - environment: where the password variable is read.
    /// - Throws: ``MailError`` with libcurl's reason, or when the password variable is not set.
    public static func send(_ message: MailMessage, config: MailConfig,
                            environment: [String: String] = ProcessInfo.processInfo.environment) async throws {
        var password: String?
        if let name = config.passwordEnv {
            guard let value = environment[name], !value.isEmpty else {
                throw MailError(description: "digest.mail.password_env names \(name), which is not set")
            }
            password = value
        }
        let secret = password
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
            let thread = Thread {
                do {
                    try sendNow(message, config: config, password: secret)
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.start()
        }
    }

    /// Sends the message on the calling thread.
    static func sendNow(_ message: MailMessage, config: MailConfig, password: String?) throws {
        do { try CurlGlobal.ensure() } catch { throw MailError(description: "\(error)") }
        guard let handle = curl_easy_init() else { throw MailError(description: "cannot create a libcurl handle") }
        defer { curl_easy_cleanup(handle) }
        let upload = MailUpload(Array(message.rendered.utf8))
        var list: UnsafeMutablePointer<curl_slist>?
        for address in config.to { list = curl_slist_append(list, "<\(address)>") }
        defer { curl_slist_free_all(list) }
        let errors = ErrorBuffer()
        hs_easy_setopt_string(handle, CURLOPT_URL, config.url)
        hs_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        hs_easy_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(config.from)>")
        hs_easy_setopt_slist(handle, CURLOPT_MAIL_RCPT, list)
        hs_easy_setopt_long(handle, CURLOPT_UPLOAD, 1)
        hs_easy_setopt_off(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(upload.bytes.count))
        hs_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, 15_000)
        hs_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, 120_000)
        hs_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        hs_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errors.pointer)
        if config.url.lowercased().hasPrefix("smtp://") {
            switch config.tls {
            case .none: break
            case .try: hs_easy_setopt_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_TRY.rawValue))
            case .required: hs_easy_setopt_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue))
            }
        }
        if let password {
            hs_easy_setopt_string(handle, CURLOPT_USERNAME, config.user ?? config.from)
            hs_easy_setopt_string(handle, CURLOPT_PASSWORD, password)
        }
        let code = withExtendedLifetime(upload) { () -> CURLcode in
            hs_easy_setopt_pointer(handle, CURLOPT_READDATA, Unmanaged.passUnretained(upload).toOpaque())
            hs_easy_setopt_read(handle) { buffer, size, count, context in
                let upload = Unmanaged<MailUpload>.fromOpaque(context!).takeUnretainedValue()
                return upload.read(into: buffer, capacity: size * count)
            }
            return curl_easy_perform(handle)
        }
        guard code == CURLE_OK else {
            let detail = errors.message ?? String(cString: curl_easy_strerror(code))
            throw MailError(description: "cannot send the digest through \(config.url): \(detail)")
        }
    }
}

/// The bytes of a message being uploaded, read by libcurl's read callback.
final class MailUpload {
    let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutablePointer<CChar>?, capacity: Int) -> Int {
        guard let buffer, offset < bytes.count else { return 0 }
        let n = min(capacity, bytes.count - offset)
        bytes.withUnsafeBufferPointer { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + offset, byteCount: n)
        }
        offset += n
        return n
    }
}

@available(*, unavailable)
extension MailUpload: Sendable {}
