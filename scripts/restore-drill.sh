#!/usr/bin/env bash
# Restores a backup into a new database beside the live one, runs the portal on it and checks that it works, then removes
# the drill database again. See docs/operations.md, "Backups and the restore drill".
set -euo pipefail

usage() {
  cat <<USAGE
Usage: scripts/restore-drill.sh --dump FILE [--connection CONNECTION] [--portal DLL] [--sign-in EMAIL]

Restores FILE (written by scripts/backup.sh or pg_dump --format=custom) into a NEW database on the server of
CONNECTION, never into the database CONNECTION names. Then it starts the portal on that copy (Production, a free
loopback port) and checks that /health/ready and /criteria answer, and, with --sign-in, that the account signs in with
its password. Finally it stops the portal and drops the drill database. Exit code 0 means the backup restores and works.

  --dump FILE              The archive to restore.
  --connection CONNECTION  Npgsql connection string of the live database; its role needs CREATEDB.
                           Default: the ConnectionStrings__Portal environment variable.
  --portal DLL             The portal to run: a published CircularIctPact.Web.dll or the build output.
                           Default: src/CircularIctPact.Web/bin/Release/net10.0/CircularIctPact.Web.dll (or Debug).
  --sign-in EMAIL          Also sign in as EMAIL; the password is read from DRILL_PASSWORD (kept off the command line).
  -h, --help               Show this text.
USAGE
}

fail() {
  echo "restore-drill.sh: $*" >&2
  exit 1
}

cd "$(dirname "$0")/.."
connection=${ConnectionStrings__Portal:-}
dump=
portal_dll=
sign_in_email=
while (($# > 0)); do
  case $1 in
    --dump) (($# >= 2)) || fail "--dump needs a value."; dump=$2; shift 2 ;;
    --connection) (($# >= 2)) || fail "--connection needs a value."; connection=$2; shift 2 ;;
    --portal) (($# >= 2)) || fail "--portal needs a value."; portal_dll=$2; shift 2 ;;
    --sign-in) (($# >= 2)) || fail "--sign-in needs a value."; sign_in_email=$2; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; fail "unknown argument '$1'." ;;
  esac
done

[[ -n $dump ]] || { usage >&2; fail "no archive given: pass --dump FILE."; }
[[ -r $dump ]] || fail "cannot read the archive $dump."
[[ -n $connection ]] || { usage >&2; fail "no server given: pass --connection or set ConnectionStrings__Portal."; }
[[ -z $sign_in_email || -n ${DRILL_PASSWORD:-} ]] || fail "--sign-in needs the account's password in DRILL_PASSWORD."
if [[ -z $portal_dll ]]; then
  for candidate in src/CircularIctPact.Web/bin/{Release,Debug}/net10.0/CircularIctPact.Web.dll; do
    [[ -f $candidate ]] && { portal_dll=$candidate; break; }
  done
  [[ -n $portal_dll ]] || fail "no portal build found; build it (dotnet build src/CircularIctPact.Web -c Release) or pass --portal."
fi
[[ -f $portal_dll ]] || fail "the portal $portal_dll does not exist."
portal_dll=$(realpath "$portal_dll")
command -v dotnet >/dev/null 2>&1 || fail "'dotnet' is not on PATH; the drill runs the portal with it."
command -v curl >/dev/null 2>&1 || fail "'curl' is not on PATH; the drill checks the portal with it."

source scripts/lib/postgres-client.sh
bin=$(postgres_client_bin)
export_connection "$connection"
live_database=$PGDATABASE
"$bin/pg_restore" --list "$dump" >/dev/null 2>&1 || fail "$dump is not a pg_dump archive in custom format."

drill_database="${live_database}_restore_drill_$(date -u +%Y%m%d%H%M%S)"
[[ $drill_database != "$live_database" ]] || fail "the drill database would be the live one."
work=$(mktemp -d /tmp/cfit-restore-drill-XXXXXX)
portal_pid=
drill_created=0

psql_maintenance() {
  PGDATABASE=postgres "$bin/psql" --no-password --no-psqlrc --quiet --tuples-only --set ON_ERROR_STOP=1 "$@"
}

cleanup() {
  if [[ -n $portal_pid ]]; then
    kill -TERM "$portal_pid" 2>/dev/null || true
    wait "$portal_pid" 2>/dev/null || true
    echo "Portal stopped."
  fi
  if ((drill_created == 1)); then
    if psql_maintenance --command "DROP DATABASE IF EXISTS \"$drill_database\" WITH (FORCE)"; then
      echo "Drill database $drill_database dropped."
    else
      echo "restore-drill.sh: could not drop the drill database $drill_database; drop it by hand." >&2
    fi
  fi
  rm -rf "$work"
}
trap cleanup EXIT

exists=$(psql_maintenance --command "SELECT 1 FROM pg_database WHERE datname = '$drill_database'")
[[ -z ${exists// /} ]] || fail "a database named $drill_database already exists."
psql_maintenance --command "CREATE DATABASE \"$drill_database\"" || fail "could not create the drill database (does the role have CREATEDB?)."
drill_created=1
echo "Restoring $dump into the new database $drill_database on ${PGHOST}:${PGPORT:-5432} (the live database $live_database is not touched)..."
PGDATABASE=$drill_database "$bin/pg_restore" --no-password --no-owner --no-acl --exit-on-error --dbname="$drill_database" "$dump" ||
  fail "pg_restore failed (see its message above)."
tables=$(PGDATABASE=$drill_database "$bin/psql" --no-password --no-psqlrc --tuples-only --command \
  "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'" | tr -d '[:space:]')
echo "Restored: $tables tables."

port=
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 20000))
  if ! ss -ltn 2>/dev/null | grep -q ":$candidate "; then
    port=$candidate
    break
  fi
done
[[ -n $port ]] || fail "found no free loopback port."
base="http://127.0.0.1:$port"

drill_connection="Host=$PGHOST;Port=${PGPORT:-5432};Database=$drill_database;Username=${PGUSER:-};Password=${PGPASSWORD:-}"
[[ -z ${PGSSLMODE:-} ]] || drill_connection+=";SSL Mode=$PGSSLMODE"
echo "Starting the portal ($portal_dll) in Production at $base..."
# The drill's log and mail stay in its own folder; the log is shown when a check fails.
ConnectionStrings__Portal=$drill_connection ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$base \
  Mail__DropFolder="$work/mail" Serilog__WriteTo__1__Args__path="$work/logs/portal-.json" \
  dotnet "$portal_dll" --contentRoot "$(dirname "$portal_dll")" >"$work/portal.log" 2>&1 &
portal_pid=$!

show_portal_log() {
  echo "--- last lines of the portal's output ---" >&2
  tail -n 30 "$work/portal.log" >&2
}

ready=0
for _ in $(seq 1 120); do
  if ! kill -0 "$portal_pid" 2>/dev/null; then
    portal_pid=
    show_portal_log
    fail "the portal stopped during start-up."
  fi
  if curl -fsS --max-time 5 "$base/health/ready" >/dev/null 2>&1; then
    ready=1
    break
  fi
  sleep 1
done
((ready == 1)) || { show_portal_log; fail "/health/ready did not answer within 120 s."; }
echo "OK   /health/ready answers 200."

criteria_status=$(curl -s --max-time 30 -o "$work/criteria.html" -w '%{http_code}' "$base/criteria")
[[ $criteria_status == 200 ]] || { show_portal_log; fail "/criteria answered $criteria_status instead of 200."; }
echo "OK   /criteria answers 200."

if [[ -n $sign_in_email ]]; then
  jar="$work/cookies.txt"
  curl -s --max-time 30 -c "$jar" -b "$jar" -o "$work/login.html" "$base/Account/Login"
  token=$(grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' "$work/login.html" | head -n 1 | sed -E 's/.*value="([^"]*)"/\1/')
  [[ -n $token ]] || fail "the sign-in page holds no form token."
  sign_in_status=$(printf '%s' "$DRILL_PASSWORD" | curl -s --max-time 30 -c "$jar" -b "$jar" -o /dev/null -D "$work/sign-in.headers" \
    -w '%{http_code}' --data-urlencode "Input.Email=$sign_in_email" --data-urlencode "Input.Password@-" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "_handler=login" "$base/Account/Login")
  location=$(grep -i '^location:' "$work/sign-in.headers" | tr -d '\r' | cut -d' ' -f2- || true)
  if grep -qi '^set-cookie: cfit.auth=' "$work/sign-in.headers"; then
    echo "OK   $sign_in_email signs in with the password."
  elif [[ $sign_in_status == 302 && $location == *LoginWith2fa* ]]; then
    echo "OK   $sign_in_email's password is accepted; the account then asks for its authenticator code."
  else
    fail "$sign_in_email could not sign in (HTTP $sign_in_status${location:+, to $location}): wrong password, locked out, or the account is missing in the backup."
  fi
fi

echo "Restore drill passed: $dump restores into a working portal."
