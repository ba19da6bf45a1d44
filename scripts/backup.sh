#!/usr/bin/env bash
# Writes a pg_dump archive (custom format) of the portal's database. See docs/operations.md, "Backups and the restore drill".
set -euo pipefail

usage() {
  cat <<USAGE
Usage: scripts/backup.sh [--connection CONNECTION] [--output FILE]

Dumps the portal's database with pg_dump in custom format (restore it with pg_restore, or try it with
scripts/restore-drill.sh).

  --connection CONNECTION  Npgsql connection string of the database, as the portal takes it
                           ("Host=…;Port=…;Database=…;Username=…;Password=…").
                           Default: the ConnectionStrings__Portal environment variable.
  --output FILE            Archive to write; it must not exist yet.
                           Default: cfit-<database>-<UTC date and time>.dump in the current folder.
  -h, --help               Show this text.

The archive holds personal data and the Data Protection key ring: keep it encrypted and access-controlled.
USAGE
}

fail() {
  echo "backup.sh: $*" >&2
  exit 1
}

connection=${ConnectionStrings__Portal:-}
output=
while (($# > 0)); do
  case $1 in
    --connection) (($# >= 2)) || fail "--connection needs a value."; connection=$2; shift 2 ;;
    --output) (($# >= 2)) || fail "--output needs a value."; output=$2; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; fail "unknown argument '$1'." ;;
  esac
done

[[ -n $connection ]] || { usage >&2; fail "no database given: pass --connection or set ConnectionStrings__Portal."; }
source "$(dirname "$0")/lib/postgres-client.sh"
bin=$(postgres_client_bin)
export_connection "$connection"

output=${output:-cfit-$PGDATABASE-$(date -u +%Y%m%dT%H%M%SZ).dump}
[[ ! -e $output ]] || fail "$output already exists; choose another --output."
output_dir=$(dirname "$output")
[[ -d $output_dir && -w $output_dir ]] || fail "cannot write to the folder $output_dir."

# Dump next to the target and rename at the end, so that a failed dump never leaves a file that looks like a backup.
partial=$(mktemp "$output_dir/.cfit-backup-XXXXXX")
trap 'rm -f "$partial"' EXIT

echo "Dumping database $PGDATABASE on ${PGHOST}:${PGPORT:-5432} with $("$bin/pg_dump" --version)..."
"$bin/pg_dump" --format=custom --compress=6 --no-password --file="$partial" ||
  fail "pg_dump failed (see its message above); no backup was written."
tables=$("$bin/pg_restore" --list "$partial" | grep -c ' TABLE DATA ' || true)
((tables > 0)) || fail "the archive pg_dump wrote lists no table data; no backup was kept."
mv "$partial" "$output"
trap - EXIT
echo "Backup written: $output ($(du -h "$output" | cut -f1), $tables tables with data)."
