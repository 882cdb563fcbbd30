#!/usr/bin/env bash
# Builds in Release and runs the benchmarks against the real system; prints a table of medians, p95 and p99.
#   bench/run.sh                      all scenarios
#   bench/run.sh notifications        one (publish-latency, gateway-overhead, notifications, articles-10k, agenda-500, statistics, startup)
set -euo pipefail
cd "$(dirname "$0")/.."
source eng/ensure-broker.sh
ensure_broker test
export DOTNET_CLI_TELEMETRY_OPTOUT=1 MASSTRANSIT_USAGE_TELEMETRY=false BENCH_CONFIGURATION=Release
dotnet build bench/ForumPlatform.Bench -c Release -nologo -v:q
dotnet bench/ForumPlatform.Bench/bin/Release/net10.0/ForumPlatform.Bench.dll "$@"
