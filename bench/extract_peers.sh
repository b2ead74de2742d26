#!/usr/bin/env bash
# Runs newsmine extract and Readability.js (npm @mozilla/readability on
# jsdom) over the same 181 benchmark pages and prints one table: pages/s,
# MB/s of HTML, peak memory (/usr/bin/time -v) and F1/P/R from
# ../shared/bench/score_article_body.py.
#
#   bench/extract_peers.sh [build-dir]      (default: build-extract)
#
# Readability and jsdom are installed into a temporary directory by this
# script (npm registry), never by the build.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build-extract}
SHARED=$ROOT/../shared/bench
PAGES=$SHARED/article-extraction/html
[ -d "$PAGES" ] || { echo "extract_peers: $PAGES not found; nothing to compare" >&2; exit 0; }
[ -x "$BUILD/newsmine" ] || { echo "extract_peers: build $BUILD/newsmine first" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# HTML megabytes and page count, uncompressed.
N=$(ls "$PAGES"/*.html.gz | wc -l)
MB=$(for f in "$PAGES"/*.html.gz; do zcat "$f"; done | wc -c | awk '{printf "%.2f", $1/1048576}')

# Runs a command under /usr/bin/time -v; prints "seconds peak_kb".
measure() {
  local log=$WORK/time.log
  /usr/bin/time -v "$@" 2>"$log" >/dev/null || { cat "$log" >&2; return 1; }
  local wall peak
  wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  peak=$(grep "Maximum resident" "$log" | awk '{print $NF}')
  echo "$wall $peak"
}

score() {  # prints "F1 P R"
  python3 "$SHARED/score_article_body.py" --n-bootstrap 0 "$1" | tail -1 | awk '{print $7, $3, $5}'
}

# newsmine: one process, one core, all pages.
read -r NM_S NM_KB < <(measure sh -c "\"$BUILD/newsmine\" extract --quiet \"$PAGES\"/*.html.gz > \"$WORK/newsmine.jsonl\" 2>/dev/null")
read -r NM_F1 NM_P NM_R < <(score "$WORK/newsmine.jsonl")

# Readability.js
( cd "$WORK" && npm init -y >/dev/null 2>&1 && npm install --no-audit --no-fund --silent @mozilla/readability jsdom >/dev/null 2>&1 ) \
  || { echo "extract_peers: npm install of @mozilla/readability jsdom failed" >&2; exit 1; }
RV=$(node -e "console.log(require('$WORK/node_modules/@mozilla/readability/package.json').version)")
JV=$(node -e "console.log(require('$WORK/node_modules/jsdom/package.json').version)")
cat > "$WORK/readability.js" <<'JS'
// Readability.js over the pages named on the command line; JSON Lines out,
// the url field naming the file so the scorer finds the item.
const fs = require('fs'), zlib = require('zlib');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');
const out = fs.openSync(process.argv[2], 'w');
const vc = new VirtualConsole();  // silence CSS and script errors
for (const file of process.argv.slice(3)) {
  const html = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
  let text = '';
  try {
    const dom = new JSDOM(html, { url: 'https://example.com/', virtualConsole: vc });
    const art = new Readability(dom.window.document).parse();
    text = art && art.textContent ? art.textContent.replace(/\n\s*\n+/g, '\n').trim() : '';
    dom.window.close();
  } catch (e) { text = ''; }
  fs.writeSync(out, JSON.stringify({ url: file, text }) + '\n');
}
JS
read -r RJ_S RJ_KB < <(measure node "$WORK/readability.js" "$WORK/readability.jsonl" "$PAGES"/*.html.gz)
read -r RJ_F1 RJ_P RJ_R < <(score "$WORK/readability.jsonl")

echo "article extraction: $N pages, $MB MB of HTML, one core, wall time of the whole run"
printf "%-36s %9s %8s %10s %6s %6s %6s\n" extractor pages/s MB/s peak_MB F1 P R
row() { awk -v n="$1" -v s="$2" -v kb="$3" -v mb="$MB" -v N="$N" -v f="$4" -v p="$5" -v r="$6" \
  'BEGIN { printf "%-36s %9.1f %8.2f %10.1f %6s %6s %6s\n", n, N/s, mb/s, kb/1024, f, p, r }'; }
row "newsmine $("$BUILD/newsmine" --version 2>/dev/null | awk '{print $NF}')" "$NM_S" "$NM_KB" "$NM_F1" "$NM_P" "$NM_R"
row "readability.js $RV (jsdom $JV)" "$RJ_S" "$RJ_KB" "$RJ_F1" "$RJ_P" "$RJ_R"
awk -v a="$NM_S" -v b="$RJ_S" 'BEGIN { printf "newsmine is %.1fx the pages/s of Readability.js\n", b/a }'
