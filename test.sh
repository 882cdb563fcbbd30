#!/usr/bin/env bash
# Runs the whole test suite: unit tests, messaging tests against private RabbitMQ nodes, and end-to-end
# tests of the running system (including Spectral over every OpenAPI document), and every benchmark scenario once at
# tiny sizes (tests/Bench.Tests) so a scenario that stops working fails here, and the website's pages in a real browser
# (tests/Web.Tests: Playwright driving Chromium). Installs RabbitMQ, Chromium, wrk and nginx from the distribution's
# packages, and Node.js with Spectral from npm, when they are missing.
# Prints "N passed, N failed" counted from the test results at the end.
set -euo pipefail
cd "$(dirname "$0")"
source eng/ensure-broker.sh
source eng/ensure-spectral.sh
source eng/ensure-load-tools.sh
source eng/ensure-browser.sh

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is needed: https://dot.net" >&2; exit 1; }
ensure_broker test
ensure_spectral
ensure_load_tools
ensure_browser
export DOTNET_CLI_TELEMETRY_OPTOUT=1 MASSTRANSIT_USAGE_TELEMETRY=false

results=TestResults
rm -rf "$results"
echo "==> Building..."
dotnet build ForumPlatform.sln -nologo -v:q
# The test projects run side by side (eng/tests-in-parallel.slnf), then the two that start whole systems with load of
# their own, each with the machine to itself: the website's browser tests, then the quick benchmarks (one of which
# starts the app host as ./run.sh does). Side by side on two cores they starved each other past their timeouts.
heavy=(tests/Web.Tests tests/Bench.Tests)
for project in tests/*.Tests; do
  if ! grep -q "$(basename "$project")" eng/tests-in-parallel.slnf && [[ ! " ${heavy[*]} " == *" $project "* ]]; then
    echo "$project is in neither eng/tests-in-parallel.slnf nor the heavy list in test.sh: it would not run." >&2
    exit 1
  fi
done
echo "==> Testing..."
status=0
dotnet test eng/tests-in-parallel.slnf --no-build -nologo --logger "trx" --results-directory "$results" "$@" || status=$?
for project in "${heavy[@]}"; do
  dotnet test "$project" --no-build -nologo --logger "trx" --results-directory "$results" "$@" || status=$?
done

eng/test-summary.sh "$results"
exit "$status"
