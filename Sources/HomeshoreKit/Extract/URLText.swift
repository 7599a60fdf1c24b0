import Foundation

/// Links as pages write them, made absolute.
public enum URLText {
    /// `link` resolved against `base`; nil for empty links and links that are not http(s) (`javascript:`, `mailto:`).
    public static func resolve(_ link: String?, against base: String) -> String? {
        guard let raw = link?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty, !raw.hasPrefix("#") else {
            return nil
        }
        let encoded = raw.replacingOccurrences(of: " ", with: "%20")
        guard let baseURL = URL(string: base), let url = URL(string: encoded, relativeTo: baseURL)?.absoluteURL,
            let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https"
        else { return nil }
        return url.absoluteString
    }
}
