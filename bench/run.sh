#!/usr/bin/env bash
# Builds in Release and runs the benchmarks against the real system; prints a table of medians, p95 and p99.
#   bench/run.sh                      all scenarios
#   bench/run.sh notifications        one (publish-latency, gateway-overhead, gateway-vs-nginx, tokens, notifications, articles-10k,
#                                     agenda-500, website, statistics, bulk-writes, startup)
#   bench/run.sh --quick [scenario]   tiny sizes: shows each scenario still runs to its end (the test command does this)
# gateway-vs-nginx needs wrk and nginx; they are installed from the distribution's packages when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source eng/ensure-broker.sh
source eng/apt-install.sh
ensure_broker test
source eng/ensure-load-tools.sh
source eng/ensure-browser.sh
if [ $# -eq 0 ] || [[ " $* " == *" gateway-vs-nginx "* ]] || [[ " $* " == " --quick " ]]; then
  ensure_load_tools
fi
if [ $# -eq 0 ] || [[ " $* " == *" website "* ]] || [[ " $* " == " --quick " ]]; then
  ensure_browser
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 MASSTRANSIT_USAGE_TELEMETRY=false BENCH_CONFIGURATION=Release
dotnet build bench/ForumPlatform.Bench -c Release -nologo -v:q
dotnet bench/ForumPlatform.Bench/bin/Release/net10.0/ForumPlatform.Bench.dll "$@"
