#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark (issue 31.1): a year of a Meta Ads Manager export, daily, for 270 channels (98,550 lines, the issue's
# "100,000-row Meta export"), written as Meta writes it; `agency-os import spend` timed with its peak memory as a dry
# run, as the first import, and again (nothing to change), on SQLite and on a throw-away PostgreSQL. The target is
# 5 s for the import, with memory that does not grow with the file: fails when an import's peak memory passes that
# of a dry run of one day's lines by more than 12 MB (the database's page caches fill; the file is not held).
# Run on demand: [BACKENDS=sqlite] tests/benchmarks/spend.sh [BUILD_DIR] [days]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build/ci}
days=${2:-365}
channels=270
bin=$build/app/agency-os
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

tmp=$(mktemp -d)
pg_dir=
cleanup() { [ -n "$pg_dir" ] && "$here/scripts/pg-throwaway" stop "$pg_dir"; rm -rf "$tmp"; }
trap cleanup EXIT
export HOME=$tmp XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config

# The agency's side: one client, 27 campaigns in EUR, 10 Meta channels each with their ids at Meta.
sql=$tmp/rows.sql
awk -v n="$channels" 'BEGIN {
  print "INSERT INTO agency_clients (id, client_name) VALUES (\x2700000000-0000-4000-8000-000000000001\x27, \x27Acme\x27);"
  for (c = 1; c <= n / 10; c++)
    printf "INSERT INTO agency_campaigns (id, client_id, metadata) VALUES (\x2700000000-0000-4000-8001-%012d\x27, \x2700000000-0000-4000-8000-000000000001\x27, \x27{\"currency\": \"EUR\"}\x27);\n", c
  for (i = 1; i <= n; i++)
    printf "INSERT INTO agency_campaign_channels (id, campaign_id, channel_type, external_account_id, external_campaign_id) VALUES (\x2700000000-0000-4000-8002-%012d\x27, \x2700000000-0000-4000-8001-%012d\x27, \x27meta_ads\x27, \x271001\x27, \x27238500%05d\x27);\n", i, int((i - 1) / 10) + 1, i
}' > "$sql"

# The export: Meta's columns, a line per channel and day, the day as its breakdown.
file=$tmp/meta.csv
awk -v n="$channels" -v days="$days" 'BEGIN {
  print "\"Reporting starts\",\"Reporting ends\",\"Day\",\"Account ID\",\"Campaign name\",\"Campaign ID\",\"Results\",\"Result indicator\",\"Reach\",\"Impressions\",\"Frequency\",\"Cost per result\",\"Amount spent (EUR)\",\"Link clicks\",\"CPC (cost per link click) (EUR)\",\"CTR (link click-through rate)\""
  start = mktime("2026 01 01 12 00 00")
  for (d = 0; d < days; d++) {
    day = strftime("%Y-%m-%d", start + d * 86400)
    for (i = 1; i <= n; i++) {
      cents = 1000 + (i * 37 + d * 11) % 9000
      printf "2026-01-01,2026-12-31,%s,1001,\"Campaign %d\",238500%05d,%d,actions:link_click,%d,%d,1.25,%.2f,%d.%02d,%d,0.50,1.10\n", day, i, i, i % 50, 400 + i, 500 + d + i, cents / 1000, int(cents / 100), cents % 100, 10 + i % 30
    }
  }
}' > "$file"
echo "file: $(( $(wc -l < "$file") - 1 )) lines, $(( $(stat -c %s "$file") / 1024 )) KiB"
head -$((channels + 1)) "$file" > "$tmp/day.csv" # its first day: what the import holds whatever the file's length


failed=0
measure() { # LABEL COMMAND…: wall seconds and peak resident memory (GNU time)
  local label=$1; shift
  /usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >"$tmp/out" 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
  read -r secs kb < "$tmp/time"
  printf '%-44s %8s s %8d KB   %s\n' "$label" "$secs" "$kb" "$(head -1 "$tmp/out" | cut -c1-90)"
  [ -z "${limit_kb:-}" ] || [ "$kb" -le "$limit_kb" ] || { echo "  over $limit_kb KB" >&2; failed=1; }
}

for backend in ${BACKENDS:-sqlite postgresql}; do
  echo "== $backend"
  if [ $backend = postgresql ]; then
    read -r pg_dir dsn < <("$here/scripts/pg-throwaway" start)
    "$bin" migrate up --db "$dsn" >/dev/null
    psql -qX -d "$dsn" -v ON_ERROR_STOP=1 -f "$sql" >/dev/null
  else
    dsn="sqlite:$tmp/agency.db"
    "$bin" migrate up --db "$dsn" >/dev/null
    sqlite3 "$tmp/agency.db" < "$sql"
  fi
  limit_kb=
  measure "agency-os import spend --dry-run (one day)" "$bin" import spend --input "$tmp/day.csv" --db "$dsn" --dry-run
  limit_kb=$((kb + 12 * 1024))
  measure "agency-os import spend --dry-run" "$bin" import spend --input "$file" --db "$dsn" --dry-run
  measure "agency-os import spend" "$bin" import spend --input "$file" --db "$dsn"
  measure "agency-os import spend (again: no change)" "$bin" import spend --input "$file" --db "$dsn"
done
exit $failed
