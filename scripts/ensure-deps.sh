#!/usr/bin/env bash
# Installs the C libraries Homeshore builds against (Debian packages), when they are missing.
# Runs apt-get as root, or through sudo; does nothing when everything is there.
set -euo pipefail
need=()
for pkg in pkg-config libcurl4-openssl-dev libxml2-dev libsqlite3-dev zlib1g-dev libbrotli-dev; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
[ ${#need[@]} -eq 0 ] && exit 0
echo "homeshore: installing ${need[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
    echo "homeshore: please install ${need[*]} (apt-get install ${need[*]}) as root" >&2
    exit 1
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
