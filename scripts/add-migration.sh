#!/usr/bin/env bash
# Adds an EF Core migration for the portal's model changes: ./scripts/add-migration.sh AddTenders
set -euo pipefail
[[ $# -eq 1 ]] || { echo "usage: $0 MigrationName" >&2; exit 2; }
cd "$(dirname "$0")/../src/CircularIctPact.Infrastructure"
dotnet tool restore >/dev/null
# Design time needs no database; a placeholder keeps the host from starting the private cluster.
ConnectionStrings__Portal="Host=127.0.0.1;Database=design-time" \
  dotnet ef migrations add "$1" --startup-project ../CircularIctPact.Web --output-dir Persistence/Migrations
