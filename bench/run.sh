#!/usr/bin/env bash
# Builds in Release and runs the benchmarks against the real system; prints a table of medians, p95 and p99.
#   bench/run.sh                      all scenarios
#   bench/run.sh notifications        one (publish-latency, gateway-overhead, gateway-vs-nginx, tokens, notifications, articles-10k,
#                                     agenda-500, statistics, startup)
# gateway-vs-nginx needs wrk and nginx; they are installed from the distribution's packages when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source eng/ensure-broker.sh
source eng/apt-install.sh
ensure_broker test
if [ $# -eq 0 ] || [[ " $* " == *" gateway-vs-nginx "* ]]; then
  missing=()
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  command -v nginx >/dev/null 2>&1 || missing+=(nginx-light)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "==> Installing ${missing[*]} from the distribution's packages for gateway-vs-nginx..."
    apt_install "${missing[@]}"
  fi
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 MASSTRANSIT_USAGE_TELEMETRY=false BENCH_CONFIGURATION=Release
dotnet build bench/ForumPlatform.Bench -c Release -nologo -v:q
dotnet bench/ForumPlatform.Bench/bin/Release/net10.0/ForumPlatform.Bench.dll "$@"
