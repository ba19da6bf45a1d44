#!/usr/bin/env bash
# Seeds the large data set into a separate database on a private cluster (.data/bench-postgres), runs the portal
# on 127.0.0.1 and prints page times, SQL query counts, wrk throughput against a static-file baseline (output
# caching on and off) and memory per interactive circuit. The results also go into docs/performance.md between
# its bench-results markers (BENCH_RESULTS_FILE= to skip, or another file). About 10 minutes on 2 cores.
# Knobs: BENCH_ITERATIONS (20), BENCH_LOAD_SECONDS (10), BENCH_CONNECTIONS (50), BENCH_CIRCUITS ("200,1000").
# BENCH_ONLY=circuits (or any of pages,load,circuits) seeds and then runs only those parts, e.g. circuits alone in
# about 3 minutes; such a partial run writes no results file unless BENCH_RESULTS_FILE is given.
# BENCH_CIRCUIT_HOLD_SECONDS=N holds the portal for N s before the circuits and with each count open, printing its
# process id, so that a heap dump can be taken (dotnet-gcdump collect -p PID).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prerequisites.sh
source scripts/lib/bench-tools.sh

ensure_dotnet
ensure_postgres_server
command -v wrk >/dev/null 2>&1 || as_root_install wrk "the wrk HTTP load generator"
trap 'stop_cluster_in "$PWD/.data/bench-postgres"' EXIT

build_bench
if [[ -z ${BENCH_ONLY:-} ]]; then
  export BENCH_RESULTS_FILE=${BENCH_RESULTS_FILE-$PWD/docs/performance.md}
fi
"${bench_tool[@]}" run
