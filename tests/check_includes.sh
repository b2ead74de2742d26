#!/usr/bin/env bash
# Keeps the architecture of design.md true by reading #include lines:
#  - public headers include only the standard library and base/;
#  - nlp/, extract/ and crawler/ never include each other;
#  - each third-party C library stays inside its one wrapper file.
set -u
cd "${1:-$(dirname "$0")/..}"
fail=0
say() { echo "check_includes: $*"; fail=1; }

for h in nlp/nlp.h extract/extract.h crawler/crawler.h pipeline/pipeline.h; do
  [ -f "$h" ] || continue
  bad=$(grep -nE '^#include "' "$h" | grep -vE '"base/')
  [ -n "$bad" ] && say "$h: a public header includes only std and base/, not: $bad"
done

for lib in nlp extract crawler; do
  for other in nlp extract crawler; do
    [ "$lib" = "$other" ] && continue
    hits=$(grep -rlE "^#include \"$other/" "$lib" 2>/dev/null)
    [ -n "$hits" ] && say "$lib/ includes $other/ in: $hits"
  done
done

only() {  # only PATTERN FILES...: PATTERN may be included by these files alone
  local pattern=$1; shift
  local allowed="$*"
  for f in $(grep -rlE "^#include <$pattern" base nlp extract crawler pipeline 2>/dev/null); do
    case " $allowed " in *" $f "*) ;; *) say "$f includes <$pattern>, which belongs in $allowed only" ;; esac
  done
}
only 'gumbo\.h' extract/html_tree.cc extract/html_tree.h
only 'curl/' crawler/fetcher.cc
only 'sqlite3\.h' crawler/crawl_state.cc pipeline/store.cc
only 'toml\+\+' nlp/rule_pack.cc crawler/config.cc

[ $fail -eq 0 ] && echo "check_includes: OK"
exit $fail
