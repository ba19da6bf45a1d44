# Shared by bench.sh, fault-demo.sh and scale-out-demo.sh: builds the portal and the bench tool, and stops
# the private bench cluster if a run was interrupted before it could stop it itself.

bench_configuration=${BENCH_CONFIGURATION:-Release}

build_bench() {
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
  echo "Building the portal and the bench tool ($bench_configuration)..."
  dotnet build bench/CircularIctPact.Bench -c "$bench_configuration" -nologo -v q -clp:ErrorsOnly
  dotnet build src/CircularIctPact.Web -c "$bench_configuration" -nologo -v q -clp:ErrorsOnly
  export BENCH_REPOSITORY_ROOT=$PWD
  export BENCH_PORTAL_DLL=$PWD/src/CircularIctPact.Web/bin/$bench_configuration/net10.0/CircularIctPact.Web.dll
  bench_tool=(dotnet "$PWD/bench/CircularIctPact.Bench/bin/$bench_configuration/net10.0/CircularIctPact.Bench.dll")
}

postgres_bin() {
  local dir
  for dir in ${POSTGRES_BIN_DIR:-} $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [[ -x $dir/pg_ctl ]] && { echo "$dir"; return; }
  done
  dirname "$(command -v pg_ctl)"
}

# Stops a private cluster left running in folder $1 (e.g. after Ctrl-C); quiet when it is not running.
stop_cluster_in() {
  local data=$1/cluster pg_ctl
  [[ -f $data/postmaster.pid ]] || return 0
  pg_ctl="$(postgres_bin)/pg_ctl"
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1 || true
  else
    "$pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1 || true
  fi
}
