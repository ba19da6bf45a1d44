# Shared by backup.sh and restore-drill.sh: finds the PostgreSQL client programs and turns the portal's connection
# string (Npgsql keywords, as in ConnectionStrings__Portal) into libpq's PG* variables, so that no password appears on a
# command line.

# The folder holding pg_dump, pg_restore and psql: POSTGRES_BIN_DIR, the newest /usr/lib/postgresql/*/bin, or PATH.
postgres_client_bin() {
  local dir
  for dir in ${POSTGRES_BIN_DIR:-} $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [[ -x $dir/pg_dump && -x $dir/pg_restore && -x $dir/psql ]] && { echo "$dir"; return; }
  done
  if command -v pg_dump >/dev/null 2>&1; then
    dirname "$(command -v pg_dump)"
    return
  fi
  echo "The PostgreSQL client programs (pg_dump, pg_restore, psql) were not found. Install them (Debian: apt-get install -y postgresql-client) or set POSTGRES_BIN_DIR." >&2
  return 1
}

# Exports PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD and PGSSLMODE from an Npgsql connection string
# ("Host=db;Port=5432;Database=cfit;Username=cfit;Password=…"). Values containing ';' are not supported.
export_connection() {
  local connection=$1 part key value
  local -a parts
  unset PGHOST PGPORT PGDATABASE PGUSER PGPASSWORD PGSSLMODE
  IFS=';' read -r -a parts <<<"$connection"
  for part in "${parts[@]}"; do
    [[ $part == *=* ]] || continue
    key=$(echo "${part%%=*}" | tr -d '[:space:]' | tr '[:upper:]' '[:lower:]')
    value=${part#*=}
    value=${value#"${value%%[![:space:]]*}"}
    value=${value%"${value##*[![:space:]]}"}
    case $key in
      host | server) export PGHOST=$value ;;
      port) export PGPORT=$value ;;
      database | db) export PGDATABASE=$value ;;
      username | userid | user | uid) export PGUSER=$value ;;
      password | pwd) export PGPASSWORD=$value ;;
      sslmode) export PGSSLMODE=$(echo "$value" | tr '[:upper:]' '[:lower:]') ;;
    esac
  done
  if [[ -z ${PGHOST:-} || -z ${PGDATABASE:-} ]]; then
    echo "The connection string names no Host or no Database; expected Npgsql keywords, e.g. \"Host=127.0.0.1;Port=5432;Database=cfit;Username=cfit;Password=…\"." >&2
    return 1
  fi
}
