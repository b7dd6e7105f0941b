#!/usr/bin/env bash
# The short, bounded fuzzing pass CI runs: 2,000 inputs or 60 seconds, whichever comes first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash fuzz/run.sh 2000 -max_total_time=60
