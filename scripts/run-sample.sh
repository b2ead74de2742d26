#!/usr/bin/env bash
# The main job on the bundled sample data: install what is needed, build,
# and extract the facts of the sample articles (English, Russian, Kazakh)
# into out/facts.jsonl, printing a summary per language.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh release
mkdir -p out
./build/newsmine nlp corpora/articles/en/*.txt corpora/articles/ru/*.txt corpora/articles/kk/*.txt \
  -o out/facts.jsonl
python3 - <<'PY'
import collections, json
by = collections.defaultdict(collections.Counter)
for line in open("out/facts.jsonl", encoding="utf-8"):
    r = json.loads(line)
    by[r["lang"]]["articles"] += 1
    for f in r["facts"]:
        by[r["lang"]][f["type"]] += 1
for lang, c in sorted(by.items()):
    print(lang, dict(c))
print("records and facts written to out/facts.jsonl")
PY
