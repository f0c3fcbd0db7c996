#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark: what the change history (migration 0008) costs and how its views open, on a throw-away PostgreSQL and on
# SQLite:
#  - single-row saves through the table model, without the history's triggers (turned off) and with them;
#  - an import of N channels (default 100,000) with `agency-os import`, without and with;
#  - Recent changes opened with M rows of history (default 5,000,000).
# Run on demand: [BACKENDS=sqlite] tests/benchmarks/history.sh [BUILD_DIR] [channels] [history rows]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build/ci}
channels=${2:-100000}
history_rows=${3:-5000000}
bin=$build/app/agency-os
bench=$build/tests/history
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

read -r pg_dir pg_dsn < <("$here/scripts/pg-throwaway" start)
tmp=$(mktemp -d)
trap '"$here/scripts/pg-throwaway" stop "$pg_dir"; rm -rf "$tmp"' EXIT
export HOME=$tmp XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config

seconds() { # the command's wall time in seconds, two decimals (bash arithmetic: no bc on a fresh Debian)
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
  end=$(date +%s%N)
  printf '%d.%02d' $(((end - start) / 1000000000)) $(((end - start) / 10000000 % 100))
}

campaigns=$((channels / 10))
for backend in ${BACKENDS:-postgresql sqlite}; do
  echo "== $backend"
  # The source: a demo agency with $channels channels, exported table by table.
  if [ $backend = postgresql ]; then
    src="$pg_dsn"
    psql -qX -d "$pg_dsn" -c "SET client_min_messages = warning; DROP SCHEMA IF EXISTS a CASCADE; DROP SCHEMA IF EXISTS b CASCADE; CREATE SCHEMA a; CREATE SCHEMA b"
    src="${pg_dsn}?options=-csearch_path%3Da"
    dst="${pg_dsn}?options=-csearch_path%3Db"
  else
    src="sqlite:$tmp/a.db"
    dst="sqlite:$tmp/b.db"
  fi
  "$bin" migrate up --db "$src" >/dev/null
  "$bin" demo-data --db "$src" --clients 100 --campaigns-per-client $((campaigns / 100)) --channels-per-campaign 10 >/dev/null
  for t in sla-tiers clients campaigns channels; do "$bin" export $t --db "$src" -o "$tmp/$t.csv"; done

  for version in 7 8; do
    if [ $backend = postgresql ]; then
      psql -qX -d "$pg_dsn" -c "SET client_min_messages = warning; DROP SCHEMA b CASCADE; CREATE SCHEMA b"
    else
      rm -f "$tmp/b.db" "$tmp/b.db-wal" "$tmp/b.db-shm"
    fi
    "$bin" migrate up --db "$dst" >/dev/null
    if [ $version = 7 ]; then # the same schema with the history's triggers off: the cost of everything else
      for table in agency_sla_tiers agency_clients agency_campaigns agency_campaign_channels; do
        for op in insert update delete; do
          if [ $backend = postgresql ]; then
            psql -qX -d "$pg_dsn" -c "ALTER TABLE b.$table DISABLE TRIGGER ${table}_log_$op"
          else
            sqlite3 "$tmp/b.db" "DROP TRIGGER ${table}_log_$op"
          fi
        done
      done
    fi
    for t in sla-tiers clients campaigns; do "$bin" import $t --db "$dst" --input "$tmp/$t.csv" >/dev/null; done
    took=$(seconds "$bin" import channels --db "$dst" --input "$tmp/channels.csv")
    label=$([ $version = 7 ] && echo "without history" || echo "with history")
    printf '%-16s import of %d channels: %6.2f s\n' "$label" "$channels" "$took"
    printf '%-16s ' "$label"; "$bench" "$dst" saves 200
  done

  # Recent changes over $history_rows rows of history (written straight into the log, a mix of tables and people).
  if [ $backend = postgresql ]; then
    psql -qX -d "$pg_dsn" -c "SET search_path = b; INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes, db_role, app_user, source)
      SELECT now() - make_interval(secs => $history_rows - g), (ARRAY['agency_clients','agency_campaigns','agency_campaign_channels','agency_sla_tiers'])[1 + g % 4],
             gen_random_uuid(), 'update', jsonb_build_object('notes', jsonb_build_array('old ' || g, 'new ' || g)),
             'role' || (g % 7), 'person' || (g % 5), 'app'
        FROM generate_series(1, $history_rows) g; ANALYZE agency_change_log;"
  else
    sqlite3 "$tmp/b.db" "WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < $history_rows)
      INSERT INTO agency_change_log (changed_at, table_name, row_id, operation, changes, db_role, app_user, source)
      SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || ($history_rows - n) || ' seconds'),
             CASE n % 4 WHEN 0 THEN 'agency_clients' WHEN 1 THEN 'agency_campaigns' WHEN 2 THEN 'agency_campaign_channels' ELSE 'agency_sla_tiers' END,
             lower(hex(randomblob(4))) || '-0000-4000-8000-' || lower(hex(randomblob(6))), 'update',
             json_object('notes', json_array('old ' || n, 'new ' || n)), 'role' || (n % 7), 'person' || (n % 5), 'app'
        FROM g; ANALYZE;"
  fi
  echo "recent changes with $history_rows history rows:"
  "$bench" "$dst" recent
done
