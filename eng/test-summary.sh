#!/usr/bin/env bash
# Adds up the counters of every TRX file under a results folder and prints "N passed, N failed".
set -euo pipefail
results=${1:-TestResults}
passed=0 failed=0 total=0
shopt -s nullglob globstar
for trx in "$results"/**/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { printf '%s' "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  total=$((total + $(value total)))
done
if [ "$total" -eq 0 ]; then
  echo "No test results found under $results." >&2
fi
echo "$passed passed, $failed failed"
