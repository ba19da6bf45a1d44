#!/usr/bin/env bash
# Checks the written rules the compiler does not, builds the solution and runs every test project. PostgreSQL comes
# from CFIT_TEST_POSTGRES, a Testcontainers container where Docker answers, or a private cluster each test run starts
# itself. Ends with one line: "N passed, N failed" (", N skipped" when any were skipped), unless a rule check fails first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prerequisites.sh

ensure_dotnet

# .editorconfig says charset = utf-8: no tracked text file carries a byte-order mark (editors and `dotnet ef` add one).
byte_order_marks=$(git ls-files -z | LC_ALL=C xargs -0 grep -lsI $'^\xEF\xBB\xBF' || true)
if [[ -n $byte_order_marks ]]; then
  printf 'These files start a line with a UTF-8 byte-order mark; remove it (charset = utf-8 in .editorconfig):\n%s\n' "$byte_order_marks" >&2
  exit 1
fi

# Whitespace, line endings and final newlines as .editorconfig sets them. Code style and analyzers fail the build itself
# (EnforceCodeStyleInBuild, TreatWarningsAsErrors). This reads the files without loading the solution: a full
# `dotnet format --verify-no-changes` loads it and took as much processor time as the build (over two minutes here).
if ! dotnet format whitespace --folder --verify-no-changes; then
  echo "Whitespace differs from .editorconfig; 'dotnet format whitespace --folder' fixes it." >&2
  exit 1
fi

ensure_postgres_server
ensure_chromium

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

# Tests run against the Release build, the one an operator publishes; the go-live journey starts the published app.
dotnet build CircularIctPact.sln -c Release -nologo -v q -clp:ErrorsOnly
dotnet publish src/CircularIctPact.Web -c Release --no-build -o artifacts/release -nologo -v q
export CFIT_RELEASE_PORTAL=$PWD/artifacts/release

status=0
dotnet test CircularIctPact.sln -c Release --no-build -nologo --logger "console;verbosity=minimal" "$@" 2>&1 | tee "$results/output.txt" || status=$?

# Each test assembly prints "Passed!  - Failed: F, Passed: P, Skipped: S, Total: T" (or "Failed!  - ...").
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- Failed:/ {
    for (i = 1; i <= NF; i++) {
      gsub(",", "", $(i + 1))
      if ($i == "Failed:") f += $(i + 1)
      if ($i == "Passed:") p += $(i + 1)
      if ($i == "Skipped:") s += $(i + 1)
    }
  }
  END { print p + 0, f + 0, s + 0 }' "$results/output.txt")

assemblies=$(grep -cE '(Passed|Failed)! +- Failed:' "$results/output.txt" || true)
if ((status != 0 && failed == 0)); then
  # The run broke outside a test (a crashed test host, a build error): count it as a failure.
  failed=1
fi
if ((assemblies == 0)); then
  echo "No test assembly reported results." >&2
  failed=$((failed > 0 ? failed : 1))
fi

# Time per test project, as each assembly reported it.
sed -nE 's/^(Passed|Failed)! +- .*Duration: (.*) - ([^ ]+)\.dll .*/  \3: \2/p' "$results/output.txt"

summary="$passed passed, $failed failed"
((skipped > 0)) && summary+=", $skipped skipped"
echo "$summary"
((failed == 0))
