#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark: `agency-os export channels` on a million channel rows, on a throw-away PostgreSQL and an SQLite file,
# against what a person would type instead: the plain join of the same columns (the channel's own, the client's name,
# the campaign's name, type, start and allocation, as stored: no formatting) written to CSV by psql's \copy and by
# sqlite3 -csv, in the same order (by id). Prints the best of three interleaved wall times, peak memory and the ratio
# (target <= 1.2, memory <= 64 MB). Run on demand:
#   tests/benchmarks/export.sh [build dir] [clients campaigns channels]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build/release}
clients=${2:-1000}; campaigns=${3:-100}; channels=${4:-10}
bin=$build/app/agency-os
for tool in psql sqlite3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "export.sh: $tool is missing (scripts/install-deps test)" >&2; exit 1; }
done

tmp=$(mktemp -d)
read -r pg_dir dsn < <("$here/scripts/pg-throwaway" start)
trap '"$here/scripts/pg-throwaway" stop "$pg_dir"; rm -rf "$tmp"' EXIT
"$bin" migrate up --db "$dsn" >/dev/null 2>&1
for db in "$dsn" "sqlite:$tmp/big.db"; do
  "$bin" demo-data --db "$db" --clients "$clients" --campaigns-per-client "$campaigns" \
    --channels-per-campaign "$channels" >/dev/null 2>&1
done
psql -X "$dsn" -qAtc "VACUUM ANALYZE" >/dev/null
echo "rows: $(psql -X "$dsn" -qAtc 'SELECT count(*) FROM agency_campaign_channels WHERE deleted_at IS NULL') live channels"

join="FROM agency_campaign_channels t JOIN agency_campaigns c ON c.id = t.campaign_id
  JOIN agency_clients cl ON cl.id = c.client_id WHERE t.deleted_at IS NULL ORDER BY t.id"
pg_plain="SELECT t.*, cl.client_name, c.metadata->>'name' AS campaign_name, c.campaign_type, c.start_date,
  c.budget_allocated $join"
sqlite_plain="SELECT t.*, cl.client_name, json_extract(c.metadata, '\$.name') AS campaign_name, c.campaign_type,
  c.start_date, c.budget_allocated $join"
printf '.headers on\n.mode csv\n.once %s\n%s;\n' "$tmp/sqlite3.csv" "$(echo "$sqlite_plain" | tr '\n' ' ')" \
  > "$tmp/sqlite3.sql"

declare -A best_s best_kb
run() { # key, then the command
  local key=$1; shift
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" < "${stdin:-/dev/null}" \
    || { cat "$tmp/err" >&2; exit 1; }
  read -r s kb < "$tmp/time"
  if [ -z "${best_s[$key]:-}" ] || awk "BEGIN{exit !($s < ${best_s[$key]})}"; then best_s[$key]=$s; fi
  [ "$kb" -gt "${best_kb[$key]:-0}" ] && best_kb[$key]=$kb
  return 0
}
for _ in 1 2 3; do
  run pg_ours "$bin" export channels --db "$dsn" -o "$tmp/pg-ours.csv"
  run pg_floor psql -X "$dsn" -qc "\\copy ($(echo "$pg_plain" | tr '\n' ' ')) to '$tmp/psql.csv' csv header"
  run sqlite_ours "$bin" export channels --db "sqlite:$tmp/big.db" -o "$tmp/sqlite-ours.csv"
  stdin=$tmp/sqlite3.sql run sqlite_floor sqlite3 "$tmp/big.db"
done
report() { # backend, floor's name
  local ours=${best_s[${1}_ours]} floor=${best_s[${1}_floor]}
  printf '%-10s agency-os export channels %6.2f s %4d MB | %-24s %6.2f s %4d MB | ratio %.2f (target <= 1.2)\n' \
    "$1" "$ours" $((best_kb[${1}_ours] / 1024)) "$2" "$floor" $((best_kb[${1}_floor] / 1024)) \
    "$(awk -v o="$ours" -v f="$floor" 'BEGIN { print o / f }')"
}
report pg "psql \\copy plain join"
report sqlite "sqlite3 -csv plain join"
echo "sizes: postgresql $(stat -c %s "$tmp/pg-ours.csv") B, sqlite $(stat -c %s "$tmp/sqlite-ours.csv") B" \
  "(psql $(stat -c %s "$tmp/psql.csv") B, sqlite3 $(stat -c %s "$tmp/sqlite3.csv") B)"
