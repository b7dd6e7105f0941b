#!/usr/bin/env bash
# The benchmark gates CI runs (bench/README.md, "Floors and the gate"): articlex alone, against
# the floors of bench/floors.json, on the data kept beside the repository in ../shared/data:
#   1. body accuracy on the HTML of scrapinghub and of every web-dev corpus;
#   2. the same on their text renderings (scrapinghub-text, web-dev-text);
#   3. headline, authors and date on meta-dev;
#   4. the audit of every author, agency and dateline returned, HTML pages and text copies.
# Every gate runs even when an earlier one fails; the script fails when any of them did. Without
# ../shared/data (a clone elsewhere) it skips, successfully.
set -uo pipefail
cd "$(dirname "$0")/.."

data=../shared/data
if [ ! -d "$data" ]; then
    echo "skipped: ../shared/data not found"
    exit 0
fi

failed=()
run_gate() {
    local name=$1
    shift
    echo "== gate: $name"
    if ! python "$@"; then
        failed+=("$name")
    fi
}

start=$SECONDS
run_gate "accuracy, html" bench/accuracy.py --gate --quiet --worst 0 \
    --data "$data/scrapinghub" "$data/web-dev"
run_gate "accuracy, text" bench/accuracy.py --gate --quiet --worst 0 \
    --data "$data/scrapinghub" "$data/web-dev" --text "$data/scrapinghub-text" "$data/web-dev-text"
run_gate "metadata" bench/metadata.py --gate --quiet --worst 0 --data "$data/meta-dev"
run_gate "metadata audit" bench/metadata.py --audit "$data/scrapinghub" "$data/web-dev" "$data/meta-dev" \
    "$data/scrapinghub-text" "$data/web-dev-text" --gate --quiet

echo "== gates done in $((SECONDS - start)) s"
if [ ${#failed[@]} -gt 0 ]; then
    echo "GATES FAILED:"
    printf '  %s\n' "${failed[@]}"
    exit 1
fi
echo "all gates passed"
