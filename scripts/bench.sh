#!/usr/bin/env bash
# Runs every Homeshore benchmark and its peers in one run, side by side, and prints a table of figures.
# Figures only: nothing passes or fails on time. See docs/benchmarks.md.
#
#   scripts/bench.sh [REALWORLD_DIR]
#
# Environment: VENV (default /work/bench-venv, with lxml cssselect scrapy), CORPUS (20000), PAGES (5000), REPS (3),
# OUT (a fresh folder under /tmp; URL lists, curl config and logs go there, never into the repository).
set -euo pipefail
cd "$(dirname "$0")/.."
REAL=${1:-/work/shared/realworld}
PEERS=${PEERS:-/work/shared/bench}
VENV=${VENV:-/work/bench-venv}
CORPUS=${CORPUS:-20000}
PAGES=${PAGES:-5000}
DEDUP=${DEDUP:-100000}
REPS=${REPS:-3}  # crawl comparisons: best of REPS runs on each side (ours and Scrapy), taking turns
DEDUP_STORE=${DEDUP_STORE:-100000}  # offers grouped through SQLite (saving them computes facets: ~2 min)
OUT=${OUT:-$(mktemp -d /tmp/homeshore-bench.XXXXXX)}
mkdir -p "$OUT"
PY="$VENV/bin/python"

swift build -c release --product homeshore-bench >&2
BENCH="$(swift build -c release --show-bin-path)/homeshore-bench"

run() {  # run NAME COMMAND...: output to $OUT/NAME.txt and stderr, peak RSS of the process to $OUT/NAME.rss
    echo "== $1" >&2
    local name=$1; shift
    /usr/bin/time -f '%M' -o "$OUT/$name.rss" "$@" > "$OUT/$name.txt"
    cat "$OUT/$name.txt" >&2
}

run extract "$BENCH" extract "$REAL"
run lxml "$PY" "$PEERS/extract_peer.py" "$REAL"
run corpus "$BENCH" corpus "$CORPUS"
run crawl "$BENCH" crawl "$PAGES"

curl_run() {  # curl_run NAME CONFIG LABEL: curl fetches the config's URLs, 32 at a time; pages/s to $OUT/NAME.txt
    echo "== curl ($3)" >&2
    local start end
    start=$(date +%s.%N)
    curl -s -Z --parallel-max 32 -K "$2"
    end=$(date +%s.%N)
    python3 -c "import sys; n,s,e=int(sys.argv[1]),float(sys.argv[2]),float(sys.argv[3]); print(f'curl: {n} pages, {e-s:.2f} s, pages/s {n/(e-s):,.0f}')" \
        "$PAGES" "$start" "$end" | tee "$OUT/$1.txt" >&2
}

# One server process for our crawler, curl and Scrapy: the same URLs from the same server.
"$BENCH" serve "$PAGES" "$OUT/urls.txt" > "$OUT/serve.txt" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$OUT/serve.txt" ] && break; sleep 0.1; done
BASE=$(head -1 "$OUT/serve.txt")
awk '{print "url = \""$1"\"\noutput = \"/dev/null\""}' "$OUT/urls.txt" > "$OUT/curl.cfg"
curl_run curl "$OUT/curl.cfg" "server $BASE"
# Both sides of the comparison with Scrapy are the best of REPS runs, taking turns (Scrapy, ours, Scrapy, ours...): on
# this shared machine either side's single run can land on a slow moment (Scrapy alone has measured 293-500 pages/s
# within a day), and runs of one side after the other's met different moments.
alternate() {  # alternate PEER OURS URLS BASE: NAME.txt keeps every run's output, the table takes each side's best
    : > "$OUT/$1.txt"
    : > "$OUT/$2.txt"
    for r in $(seq "$REPS"); do
        run "$1_$r" "$PY" "$PEERS/crawl_peer.py" "$3"
        cat "$OUT/$1_$r.txt" >> "$OUT/$1.txt"
        run "$2_$r" "$BENCH" crawl "$PAGES" --base "$4" --reps 1 --only crawl
        cat "$OUT/$2_$r.txt" >> "$OUT/$2.txt"
    done
    for name in "$1" "$2"; do cat "$OUT/${name}_"[0-9]*.rss | sort -n | tail -1 > "$OUT/$name.rss"; done
}
alternate scrapy crawl_shared "$OUT/urls.txt" "$BASE"

# The same pages as files behind nginx (Debian's), when it is installed: the server the issue's figures were
# measured with. nginx sends ETag and Last-Modified, so our crawl also stores every page in its HTTP cache.
if command -v nginx >/dev/null; then
    mkdir -p "$OUT/site/offres" "$OUT/nginx"
    awk -v b="$BASE" -v d="$OUT/site" '{p=$1; sub(b, "", p); print "url = \""$1"\"\noutput = \""d p"\""}' "$OUT/urls.txt" > "$OUT/fetch.cfg"
    curl -s -Z --parallel-max 16 -K "$OUT/fetch.cfg"
    chmod -R a+rX "$OUT/site" && chmod a+x "$OUT"  # nginx's workers run as another user when started as root
    # A free port unless NGINX_PORT names one (a fixed default was once held by an nginx left running, and the
    # failed bind ended the script).
    NGINX_PORT=${NGINX_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
    cat > "$OUT/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon on;
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  types { text/html html; }
  charset utf-8;
  server { listen 127.0.0.1:$NGINX_PORT; root $OUT/site; }
}
CONF
    # nginx failing to start costs its leg of the table, not the rest of the run.
    if nginx -c "$OUT/nginx/nginx.conf" -p "$OUT/nginx"; then
        trap 'kill $SERVER 2>/dev/null || true; kill "$(cat "$OUT/nginx/nginx.pid" 2>/dev/null)" 2>/dev/null || true' EXIT
        sed "s#$BASE#http://127.0.0.1:$NGINX_PORT#" "$OUT/urls.txt" > "$OUT/urls-nginx.txt"
        awk '{print "url = \""$1"\"\noutput = \"/dev/null\""}' "$OUT/urls-nginx.txt" > "$OUT/curl-nginx.cfg"
        curl_run curl_nginx "$OUT/curl-nginx.cfg" nginx
        alternate scrapy_nginx crawl_nginx "$OUT/urls-nginx.txt" "http://127.0.0.1:$NGINX_PORT"
        grep -q " $PAGES offers stored" "$OUT/crawl_nginx.txt" || echo "bench: the crawl from nginx did not store every offer (see $OUT/nginx/error.log)" >&2
        kill "$(cat "$OUT/nginx/nginx.pid")" 2>/dev/null || true
    else
        echo "bench: nginx did not start on 127.0.0.1:$NGINX_PORT (see $OUT/nginx/error.log): the nginx leg is left out" >&2
    fi
fi
kill $SERVER 2>/dev/null || true

# Near-duplicate grouping: the same generated offers, the same 3-word shingles and 128 permutations for datasketch.
run dedup "$BENCH" dedup "$DEDUP" --added 2000 --jsonl "$OUT/dedup-offers.jsonl" --store "$DEDUP_STORE"
run datasketch "$PY" "$PEERS/dedup_peer.py" "$OUT/dedup-offers.jsonl" --shingle 3 --perms 128

python3 - "$OUT" <<'PY'
import re, sys, os, datetime
tmp = sys.argv[1]
def text(name): return open(os.path.join(tmp, name + '.txt')).read()
def rss(name): return int(open(os.path.join(tmp, name + '.rss')).read().split()[-1]) / 1024
def num(pattern, s):
    m = re.search(pattern, s)
    return float(m.group(1).replace(',', '')) if m else float('nan')
MBS, PPS, PEAK = r': ([\d.]+) MB/s', r', ([\d,.]+) pages/s', r'peak RSS ([\d.]+)'
def fig(tag, s):  # MB/s, pages/s, peak RSS of a line starting with tag
    line = next((x for x in s.splitlines() if x.startswith(tag)), '')
    return num(MBS, line), num(PPS, line), num(PEAK, line)
RATIO = r'ratio \(b\)/\(a\) MB/s: ([\d.]+)'
e, l, c, k = text('extract'), text('lxml'), text('corpus'), text('crawl')
s, cu, ks = text('scrapy'), text('curl'), text('crawl_shared')
ea, eb, ca, cb = fig('(a)', e), fig('(b)', e), fig('(a)', c), fig('(b)', c)
la, lx = fig('lxml parse only', l), fig('lxml parse + JSON-LD', l)
rows = [
    ('real pages: parse only (MB/s / pages/s)', '%.1f / %.0f' % ea[:2], '%.1f / %.0f' % la[:2], 'libxml2 2.9.14 (Debian) vs lxml (bundled 2.14)'),
    ('real pages: full extraction (MB/s / pages/s)', '%.1f / %.0f' % eb[:2], '%.1f / %.0f' % lx[:2],
     'ours/lxml %.2f (target >= 1); (b)/(a) %.2f (target >= 0.6)' % (eb[0] / lx[0], num(RATIO, e))),
    ('real pages: peak RSS, MB (parse / full / process)', '%.0f / %.0f / %.0f' % (ea[2], eb[2], rss('extract')), '%.0f (process)' % rss('lxml'), ''),
    ('corpus: parse only (MB/s / pages/s)', '%.1f / %.0f' % ca[:2], '', c.splitlines()[1].split(':', 1)[1].split(', resident')[0].strip()),
    ('corpus: full extraction (MB/s / pages/s)', '%.1f / %.0f' % cb[:2], '', '(b)/(a) %.2f' % num(RATIO, c)),
    ('corpus: peak RSS, MB (parse / full / process)', '%.0f / %.0f / %.0f' % (ca[2], cb[2], rss('corpus')), '',
     'pages held in memory: resident %.0f MB after generating' % num(r'resident after loading ([\d.]+)', c)),
]
ours_k = num(r'our crawl: ([\d.]+) pages/s', k)
def best(pattern, s):  # the best of every run's figure (each side's runs are kept one after the other)
    found = [float(x.replace(',', '')) for x in re.findall(pattern, s)]
    return max(found) if found else float('nan')
ours_s = best(r'our crawl: ([\d.]+) pages/s', ks)
scrapy = best(r'pages/s ([\d,.]+)', s)
curl = num(r'pages/s ([\d,.]+)', cu)
rows += [
    ('crawl, in-process server: pages/s (MB/s)', '%.0f (%.1f)' % (ours_k, num(r'our crawl: [\d.]+ pages/s, ([\d.]+) MB/s', k)), '',
     '%.0f offers stored, peak RSS %.0f MB (phase)' % (num(r'(\d+) offers stored', k), num(r'our crawl:.*peak RSS ([\d.]+)', k))),
    ('crawl, shared `serve` process: pages/s', '%.0f' % ours_s, 'Scrapy %.0f; curl (no parsing) %.0f' % (scrapy, curl),
     'ours/Scrapy %.1fx (target >= 10x); ours/curl %.2f; process peak RSS ours %.0f MB, Scrapy %.0f MB' % (ours_s / scrapy, ours_s / curl, rss('crawl_shared'), rss('scrapy'))),
    *([('crawl, the same pages from nginx: pages/s', '%.0f' % best(r'our crawl: ([\d.]+) pages/s', text('crawl_nginx')),
         'Scrapy %.0f; curl (no parsing) %.0f' % (best(r'pages/s ([\d,.]+)', text('scrapy_nginx')), num(r'pages/s ([\d,.]+)', text('curl_nginx'))),
         'ours/Scrapy %.1fx; every page also stored in the HTTP cache (nginx sends validators)' % (
            best(r'our crawl: ([\d.]+) pages/s', text('crawl_nginx')) / best(r'pages/s ([\d,.]+)', text('scrapy_nginx'))))]
      if os.path.exists(os.path.join(tmp, 'crawl_nginx.txt')) else []),
    ('parse+store of the same bodies, no fetch, 1 thread, grouping included: pages/s', '%.0f' % num(r'parse\+store[^:]*: ([\d.]+) pages/s', k), '',
     re.search(r'\(extract [^)]*\)', k).group(0) if re.search(r'\(extract [^)]*\)', k) else ''),
    ('crawl time / parse+store time', '%.2f' % num(r'ratio crawl time / parse\+store time: ([\d.]+)', k), '', 'target <= 1.5'),
]
d, ds = text('dedup'), text('datasketch')
ours_d = num(r'memory  from scratch .* offers/s ([\d,]+)', d)
peer_d = num(r'offers/s ([\d,]+)', ds)
rows += [
    ('dedup, %s offers from scratch, in memory: offers/s (s)' % os.environ.get('DEDUP', '100000'),
     '%.0f (%.2f s)' % (ours_d, num(r'memory  from scratch .* seconds ([\d.]+)', d)),
     'datasketch %.0f (%.2f s)' % (peer_d, num(r'seconds ([\d.]+)', ds)),
     'ours/datasketch %.1fx (target >= 5x); peak RSS ours %.0f MB (process %.0f), datasketch %.0f MB (target < 600)' % (
        ours_d / peer_d, num(r'memory  from scratch .*peak_rss_mb ([\d.]+)', d), rss('dedup'), rss('datasketch'))),
    ('dedup, add 2000 to the stored, in memory / through SQLite', '%s %% / %s %%' % (
        num(r'memory  add .*\(([\d.]+) % of', d), num(r'store   add .*\(([\d.]+) % of', d)), '', 'of the from-scratch time (target < 5 %)'),
]
print('\nHomeshore benchmarks, %s, %d cores\n' % (datetime.date.today(), os.cpu_count()))
print('| figure | Homeshore | peer | notes |')
print('|---|---|---|---|')
for r in rows: print('| ' + ' | '.join(r) + ' |')
PY
echo "(raw outputs in $OUT)"
