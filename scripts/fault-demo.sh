#!/usr/bin/env bash
# Runs the portal on a throwaway private cluster, keeps saving named shortlists from four clients for 30 s,
# restarts PostgreSQL (pg_ctl restart -m fast) after 10 s, and checks that every acknowledged save is in the
# database and that saving works again by itself. Exit code 0 means it held.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prerequisites.sh
source scripts/lib/bench-tools.sh

ensure_dotnet
ensure_postgres_server
build_bench
"${bench_tool[@]}" fault
