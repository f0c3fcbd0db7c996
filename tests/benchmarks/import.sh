#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark (issue 32.1): a large CSV import. N new clients (default 1,000,000 rows, about 200 MB) written as a user's
# file would be, then `agency-os import clients --dry-run` and the real import, each timed with its peak memory, on
# SQLite and on a throw-away PostgreSQL; beside them the floor: the same file loaded into a scratch table by
# `sqlite3 .import` and by psql's `\copy`. Fails when an import's peak memory passes 100 MB.
# Run on demand: [BACKENDS=sqlite] tests/benchmarks/import.sh [BUILD_DIR] [rows]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build/ci}
rows=${2:-1000000}
bin=$build/app/agency-os
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
limit_kb=$((100 * 1024))

tmp=$(mktemp -d)
pg_dir=
cleanup() { [ -n "$pg_dir" ] && "$here/scripts/pg-throwaway" stop "$pg_dir"; rm -rf "$tmp"; }
trap cleanup EXIT
export HOME=$tmp XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config

# The file: a header and one new client per line, a note long enough for about 200 bytes a line.
file=$tmp/clients.csv
awk -v n="$rows" 'BEGIN {
  print "client_name,client_legal_name,client_type,industry,internal_notes"
  pad = sprintf("%120s", ""); gsub(/ /, "x", pad)
  for (i = 1; i <= n; i++)
    printf "Client %d,\"Client %d, Ltd\",%s,Retail,%s\n", i, i, (i % 3 == 0 ? "project" : "retainer"), pad
}' > "$file"
echo "file: $rows rows, $(( $(stat -c %s "$file") / 1048576 )) MiB"

failed=0
measure() { # LABEL COMMAND…: wall seconds and peak resident memory (GNU time)
  local label=$1; shift
  /usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
  read -r secs kb < "$tmp/time"
  printf '%-44s %8s s %8d KB\n' "$label" "$secs" "$kb"
  case $label in agency-os*) [ "$kb" -le "$limit_kb" ] || { echo "  over $limit_kb KB" >&2; failed=1; } ;; esac
}

for backend in ${BACKENDS:-sqlite postgresql}; do
  echo "== $backend"
  if [ $backend = postgresql ]; then
    read -r pg_dir dsn < <("$here/scripts/pg-throwaway" start)
    "$bin" migrate up --db "$dsn" >/dev/null
    measure "psql \\copy into a scratch table" psql -qX -d "$dsn" \
      -c "CREATE TABLE scratch (a text, b text, c text, d text, e text)" \
      -c "\\copy scratch FROM '$file' WITH (FORMAT csv, HEADER true)"
  else
    dsn="sqlite:$tmp/agency.db"
    "$bin" migrate up --db "$dsn" >/dev/null
    measure "sqlite3 .import into a scratch table" sqlite3 "$tmp/scratch.db" ".import --csv $file scratch"
  fi
  measure "agency-os import --dry-run" "$bin" import clients --input "$file" --db "$dsn" --dry-run
  measure "agency-os import" "$bin" import clients --input "$file" --db "$dsn"
done
exit $failed
