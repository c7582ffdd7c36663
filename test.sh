#!/usr/bin/env bash
# Runs every test of the repository and prints one summary line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
results="$(mktemp -d)"
dotnet build ServicePolicy.sln -c Release -nologo -v minimal || { echo "0 passed, 1 failed"; exit 1; }
dotnet test ServicePolicy.sln -c Release --no-build -nologo --logger "trx" --results-directory "$results" -v minimal
status=$?
passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  p=$(grep -o 'passed="[0-9]*"' "$trx" | head -1 | grep -o '[0-9]*'); f=$(grep -o 'failed="[0-9]*"' "$trx" | head -1 | grep -o '[0-9]*')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
echo "${passed} passed, ${failed} failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
