import CCurl
import CLibXML2
import Foundation

/// Facts about this build of Homeshore.
public enum HomeshoreInfo {
    /// The version printed by `homeshore --version` and sent in the User-Agent.
    public static let version = "0.1.0"

    /// The versions of the C libraries Homeshore runs on, for `--version` and bug reports.
    public static var libraryVersions: String {
        let curl = String(cString: curl_version())
        return "\(curl) libxml2/\(LIBXML_DOTTED_VERSION)"
    }
}
