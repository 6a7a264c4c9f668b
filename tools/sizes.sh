#!/usr/bin/env bash
# Size report for a build directory: raw, gzip -9 and brotli (q 11) per file, the install transfer
# (app shell + service-worker precache, brotli) against the budget, and with code splitting the
# lazy modules and the whole first visit. Exits 1 when the install is over budget.
#   tools/sizes.sh [dir=dist]     budget: FORDELING_BUDGET_KB (default 250)
set -euo pipefail
dir=${1:-dist}
budget_kb=${FORDELING_BUDGET_KB:-250}
command -v brotli >/dev/null || { echo "sizes: brotli missing (apt-get install brotli)" >&2; exit 2; }

printf '%-48s %10s %10s %10s\n' "file ($dir/)" raw gzip brotli
total_raw=0 total_gz=0 total_br=0 shell_br=0 lazy_br=0 lazy_n=0
while IFS= read -r -d '' f; do
  rel=${f#"$dir"/}
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -q 11 -c "$f" | wc -c)
  printf '%-48s %10d %10d %10d\n' "$rel" "$raw" "$gz" "$br"
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  case "$rel" in chunk_*.wasm|split_*.wasm) ;; *) total_br=$((total_br + br)) ;; esac
  case "$rel" in
    sw.js) ;;
    chunk_*.wasm|split_*.wasm) lazy_br=$((lazy_br + br)); lazy_n=$((lazy_n + 1)) ;;  # code splitting: loaded on first use
    index.html|*.js|*.wasm|*.css) shell_br=$((shell_br + br)) ;;
  esac
done < <(find "$dir" -type f ! -name '*.br' ! -name '*.gz' -print0 | sort -z)
printf '%-48s %10d %10d %10d\n' "total (brotli: without lazy modules)" "$total_raw" "$total_gz" "$total_br"
echo
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
echo "app shell before first render (index.html, *.js, *.wasm, *.css), brotli: $(kb "$shell_br")"
echo "install: app shell + service-worker precache (all but the lazy modules), brotli: $(kb "$total_br")"
if ((lazy_n)); then
  echo "lazy wasm modules ($lazy_n; a page's on its first use, all of them in the background"
  echo "  once the service worker is active, so the app works offline), brotli: $(kb "$lazy_br")"
  echo "whole first visit (install + lazy modules), brotli: $(kb $((total_br + lazy_br)))"
fi
if (( total_br > budget_kb * 1024 )); then
  echo "OVER BUDGET: $(kb "$total_br") > ${budget_kb} KB initial transfer (install, brotli)"
  exit 1
fi
echo "within budget: $(kb "$total_br") of ${budget_kb} KB initial transfer (install, brotli)"
