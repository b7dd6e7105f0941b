#!/usr/bin/env bash
# Fuzz articlex.extract for a fixed number of runs (default 20000), with a corpus seeded from the
# fixture pages, copied into a temporary directory (nothing is written into the repository).
#   bash fuzz/run.sh [RUNS] [extra libFuzzer options...]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20000}"
shift || true
corpus="$(mktemp -d)"
trap 'rm -rf "$corpus"' EXIT
for page in fixtures/*/page.*; do
    cp "$page" "$corpus/$(basename "$(dirname "$page")")-$(basename "$page")"
done
python fuzz/fuzz_extract.py "$corpus" -runs="$runs" -timeout=20 -rss_limit_mb=4096 -max_len=65536 "$@"
