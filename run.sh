#!/usr/bin/env bash
# Starts the whole ForumPlatform (four services, the gateway, a RabbitMQ broker) under the .NET Aspire
# app host and its dashboard. Installs the broker from the distribution's packages when none is available.
# Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
source eng/ensure-broker.sh

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is needed: https://dot.net" >&2; exit 1; }
ensure_broker run
echo "==> Building and starting the app host (first build takes a minute). The dashboard login URL and the"
echo "    gateway URL are printed below; Ctrl-C stops every process."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 MASSTRANSIT_USAGE_TELEMETRY=false
exec dotnet run --project apphost "$@"
