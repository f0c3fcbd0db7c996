#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark: sorting by each column and searching, on a big database, against the floor of the same first page
# typed into psql or sqlite3 as a person would write it: a sort, SELECT * … WHERE deleted_at IS NULL ORDER BY the
# column LIMIT 256 (by a client or campaign: the plain join, ordered by the client's name, type and start); a search,
# the table's text columns LIKE '%text%', the first 256 in the page's order (finding fewer rows: not by the names
# shown).
# The app's figure is the time from sort() or setSearchText() to the first page in the model (no paint).
# "replaced": in the background as the window searches, a search replaced 0.3 s in by the next one; the time from
# the second to its rows, which includes what is left of the first unless it was cancelled.
#   tests/benchmarks/pages.sh BUILD_DIR DSN [tables…]       (PAGES_ONLY=sort or search: one half only)
#   tests/benchmarks/pages.sh BUILD_DIR big     1,000 clients x 100 campaigns x 10 channels (1M channels) in an
#                                               SQLite file and a throw-away PostgreSQL, every page's table on both
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=$1
dsn=$2
shift 2
if [ "$dsn" = big ]; then
  exec "$here/tests/benchmarks/on-big-data.sh" "$build/app/agency-os" "$0" "$build" {} agency_clients agency_campaigns \
    agency_campaign_channels
fi
tables=(agency_campaign_channels)
[ $# -gt 0 ] && tables=("$@")
floor() { # seconds for the statement $1, best of 3
  local best=999 t
  for _ in 1 2 3; do
    if [[ $dsn == sqlite:* ]]; then
      t=$(printf '.timer on\n.output /dev/null\n%s;\n' "$1" | sqlite3 "${dsn#sqlite:}" 2>&1 | awk '/Run Time/ { print $4 }' | tail -n 1)
    else
      t=$(psql -X -q "$dsn" -c '\timing on' -c "$1" 2>&1 | awk '/^Time:/ { print $2 / 1000 }' | tail -n 1)
    fi
    best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (b < a ? b : a) }')
  done
  echo "$best"
}
for table in "${tables[@]}"; do
  echo "$table on ${dsn%%:*}:"
  printf '  %-34s %8s %8s %6s\n' what app_s floor_s ratio
  "$build/tests/pages" "$dsn" "$table" 3 "${PAGES_ONLY:-}" | grep -E '^(sort|search|replaced)'$'\t' | while IFS=$'\t' read -r kind name seconds rows sql plain; do
    if [ "$kind" = sort ] && [ "$name" = campaign_id ]; then # by the label shown: a plain join, by its parts
      f=$(floor "SELECT t.* FROM $table t JOIN agency_campaigns c ON c.id = t.campaign_id JOIN agency_clients cl ON cl.id = c.client_id WHERE t.deleted_at IS NULL ORDER BY cl.client_name, c.campaign_type, c.start_date LIMIT 256")
    elif [ "$kind" = sort ] && [ "$name" = client_id ]; then # by the client's name
      f=$(floor "SELECT t.* FROM $table t JOIN agency_clients cl ON cl.id = t.client_id WHERE t.deleted_at IS NULL ORDER BY cl.client_name LIMIT 256")
    elif [ "$kind" = sort ]; then
      f=$(floor "SELECT * FROM $table WHERE deleted_at IS NULL ORDER BY $name LIMIT 256")
    else
      f=$(floor "$plain") # for "replaced", the second search's
    fi
    printf '  %-34s %8.3f %8.3f %6.1f\n' "$kind $name ($rows rows)" "$seconds" "$f" \
      "$(awk -v a="$seconds" -v b="$f" 'BEGIN { print (b > 0 ? a / b : 0) }')"
  done
done
