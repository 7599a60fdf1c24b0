#!/usr/bin/env bash
# Crash safety: crawls the demo sites and kills the crawl with SIGKILL at random moments, TRIALS times (default 20).
# After every kill, SQLite's integrity check must say ok for both databases; then a crawl run to its end must hold
# exactly the offers of a crawl that was never killed. Usage: scripts/crash-test.sh [HOMESHORE_BINARY] [TRIALS]
set -euo pipefail
bin="${1:-.build/debug/homeshore}"
trials="${2:-20}"
work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

"$bin" demo --serve-only --sources-out "$work/sources.yaml" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do [ -s "$work/sources.yaml" ] && break; sleep 0.1; done
[ -s "$work/sources.yaml" ] || { echo "crash-test: the demo server did not start"; cat "$work/server.log"; exit 1; }

integrity() {
    python3 - "$1" <<'PY'
import sqlite3, sys
for name in ("homeshore.sqlite", "http-cache.sqlite"):
    path = sys.argv[1] + "/" + name
    try:
        result = sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.Error as e:
        result = str(e)
    if result != "ok":
        print(f"{path}: {result}")
        sys.exit(1)
PY
}

offers() {
    # Every copy (--all-copies), without row ids, times and the duplicate groups: groups are a view computed over the
    # offers, and which copy fronts a group may differ with the order offers were first stored in.
    "$bin" export --all-copies --config "$work/sources.yaml" --cache "$1" --format jsonl | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
for r in rows:
    for k in ("id", "first_seen", "last_seen", "group_id", "sources", "urls"): r.pop(k, None)
print(json.dumps(sorted(rows, key=lambda r: json.dumps(r, sort_keys=True)), sort_keys=True))'
}

start=$(date +%s%N)
"$bin" crawl --config "$work/sources.yaml" --cache "$work/clean" >/dev/null || true
span_ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$span_ms" -gt 20 ] || span_ms=20
offers "$work/clean" >"$work/clean.json"

killed=0
for i in $(seq 1 "$trials"); do
    "$bin" crawl --config "$work/sources.yaml" --cache "$work/killed" >/dev/null 2>&1 &
    pid=$!
    # A random moment within the time a whole crawl takes (measured on the clean crawl above).
    ms=$((RANDOM % span_ms))
    sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
    if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
    wait "$pid" 2>/dev/null || true
    if [ -f "$work/killed/homeshore.sqlite" ]; then
        integrity "$work/killed" || { echo "crash-test: trial $i: integrity check failed"; exit 1; }
    fi
done
"$bin" crawl --config "$work/sources.yaml" --cache "$work/killed" >/dev/null || true
integrity "$work/killed"
offers "$work/killed" >"$work/killed.json"
if ! cmp -s "$work/clean.json" "$work/killed.json"; then
    echo "crash-test: after $trials kills, the offers differ from a crawl that was never killed"
    diff <(python3 -m json.tool "$work/clean.json") <(python3 -m json.tool "$work/killed.json") | head -20
    exit 1
fi
# Two crawls at once: while a lock is held on the cache, a crawl says so, exits 1 and touches nothing.
before=$(stat -c %Y:%s "$work/killed/homeshore.sqlite")
set +e
python3 - "$work/killed/crawl.lock" "$bin" "$work/sources.yaml" "$work/killed" >"$work/second.log" 2>&1 <<'PY'
import fcntl, subprocess, sys
with open(sys.argv[1], "a") as lock:
    fcntl.flock(lock, fcntl.LOCK_EX)
    result = subprocess.run([sys.argv[2], "crawl", "--config", sys.argv[3], "--cache", sys.argv[4]], capture_output=True, text=True)
    print(result.stderr.strip())
    sys.exit(result.returncode)
PY
status=$?
set -e
after=$(stat -c %Y:%s "$work/killed/homeshore.sqlite")
if [ "$status" -ne 1 ] || ! grep -q "a crawl is already running" "$work/second.log" || [ "$before" != "$after" ]; then
    echo "crash-test: a second crawl did not refuse cleanly (exit $status, database $before -> $after):"
    cat "$work/second.log"
    exit 1
fi

count=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$work/clean.json")
echo "crash-test: $trials trials ($killed killed mid-crawl): integrity ok every time; $count offers, same as a clean crawl"
echo "crash-test: a second crawl while one runs: refused with exit 1, database untouched"
