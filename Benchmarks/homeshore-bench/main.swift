import HomeshoreKit
print("homeshore-bench \(HomeshoreInfo.version)")
