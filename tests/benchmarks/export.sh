#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark: `agency-os export channels` on a million channel rows against psql's \copy of the equivalent query
# (the channels joined to their lookups, as the export writes them) and psql's \copy of the bare table, in one run on
# a throw-away PostgreSQL. Prints the best of three wall times, peak memory and the ratios. Run on demand:
#   tests/benchmarks/export.sh [build dir] [clients campaigns channels]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build/ci}
clients=${2:-1000}; campaigns=${3:-100}; channels=${4:-10}
bin=$build/app/agency-os
sql=$("$build/tests/export_sql" agency_campaign_channels)

tmp=$(mktemp -d)
read -r pg_dir dsn < <("$here/scripts/pg-throwaway" start)
trap '"$here/scripts/pg-throwaway" stop "$pg_dir"; rm -rf "$tmp"' EXIT
"$bin" migrate up --db "$dsn" >/dev/null
"$bin" demo-data --db "$dsn" --clients "$clients" --campaigns-per-client "$campaigns" --channels-per-campaign "$channels" >/dev/null 2>&1
psql "$dsn" -qAtc "VACUUM ANALYZE" >/dev/null
echo "rows: $(psql "$dsn" -qAtc 'SELECT count(*) FROM agency_campaign_channels WHERE deleted_at IS NULL') live channels"

best() { # label, then the command; prints "seconds peak_mb"
  local label=$1; shift
  local best_s="" best_kb=0
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
    read -r s kb < "$tmp/time"
    if [ -z "$best_s" ] || awk "BEGIN{exit !($s < $best_s)}"; then best_s=$s; fi
    [ "$kb" -gt "$best_kb" ] && best_kb=$kb
  done
  printf '%-34s %7.2f s  %5d MB peak\n' "$label" "$best_s" $((best_kb / 1024)) >&2
  echo "$best_s"
}

ours=$(best "agency-os export channels" "$bin" export channels --db "$dsn" -o "$tmp/ours.csv")
equivalent=$(best "psql \\copy (equivalent query) csv" psql "$dsn" -qc "\\copy ($sql) to '$tmp/psql.csv' csv header")
bare=$(best "psql \\copy agency_campaign_channels" psql "$dsn" -qc "\\copy agency_campaign_channels to '$tmp/bare.csv' csv header")
echo "sizes: ours $(stat -c %s "$tmp/ours.csv") B, equivalent $(stat -c %s "$tmp/psql.csv") B, bare $(stat -c %s "$tmp/bare.csv") B"
awk -v o="$ours" -v e="$equivalent" -v b="$bare" 'BEGIN { printf "ratio to the equivalent query: %.2f (target <= 1.5)\nratio to the bare table:       %.2f\n", o / e, o / b }'
