# Installs what the portal and its tests need from Debian's packages, or says what to install.
# Sourced by run.sh and test.sh.

apt_updated=0

as_root_install() {
  local package=$1 reason=$2
  if [[ $(id -u) -ne 0 ]]; then
    echo "Missing prerequisite: $reason. Install it with: sudo apt-get install -y $package" >&2
    exit 1
  fi
  if ((apt_updated == 0)); then
    apt-get update -qq
    apt_updated=1
  fi
  echo "Installing $package ($reason)..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
}

has_postgres_server() {
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null 2>&1 ||
    [[ -n ${POSTGRES_BIN_DIR:-} && -x ${POSTGRES_BIN_DIR}/initdb ]]
}

ensure_postgres_server() {
  has_postgres_server || as_root_install postgresql "PostgreSQL server programs for the private database cluster"
}

ensure_chromium() {
  [[ -x /usr/bin/chromium ]] || as_root_install chromium "Chromium for the end-to-end tests"
}

ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "Missing prerequisite: the .NET 10 SDK (https://dotnet.microsoft.com/download). 'dotnet' is not on PATH." >&2
    exit 1
  fi
}
