#!/usr/bin/env bash
# Starts the portal with demo data. Without ConnectionStrings__Portal it runs a private PostgreSQL
# cluster under .data/postgres on loopback, kept between runs. Ctrl-C stops the portal and the cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prerequisites.sh

ensure_dotnet
if [[ -z ${ConnectionStrings__Portal:-} ]]; then
  ensure_postgres_server
fi

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://127.0.0.1:5000}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "Starting the Circular & Fair ICT Pact portal at $ASPNETCORE_URLS ($ASPNETCORE_ENVIRONMENT)"
exec dotnet run --project src/CircularIctPact.Web --no-launch-profile
