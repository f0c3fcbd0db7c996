#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark (issue 30): the SLA view for all clients for one month, and the retainer ledger, on a throw-away
# PostgreSQL holding Plane's tables as tests/fixtures/plane_postgresql.sql creates them (Plane's own indexes: the
# foreign keys' and no more) with 200 workspaces, 2,000 projects and N issues (default 1,000,000) over two years, 2 N
# comments and 3 N activities; 200 clients, one per workspace. What a person waits for is the command's wall time;
# the floor beside it is psql running one set-based query for the same figures.
# Run on demand: tests/benchmarks/sla.sh [BUILD_DIR] [issues]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build/ci}
issues=${2:-1000000}
bin=$build/app/agency-os
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

psql -qX -v ON_ERROR_STOP=1 -d "$pg_dsn" -f "$here/tests/fixtures/plane_postgresql.sql" >/dev/null
"$bin" migrate up --db "$pg_dsn" >/dev/null
start=$(date +%s)
psql -qX -v ON_ERROR_STOP=1 -d "$pg_dsn" <<SQL
SET client_min_messages = warning;
CREATE FUNCTION pg_temp.u(prefix text, n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE AS
  \$\$ SELECT (prefix || lpad(to_hex(n), 12, '0'))::uuid \$\$;
INSERT INTO workspaces SELECT now(), now(), pg_temp.u('00000000-0000-4000-a000-', w), 'Workspace ' || w, NULL, 'ws-' || w,
    '99999999-9999-4999-8999-999999999999', '1-10', 'UTC', NULL FROM generate_series(1, 200) w;
INSERT INTO projects (created_at, updated_at, id, name, description, network, identifier, workspace_id, module_view,
    cycle_view, archive_in, close_in, logo_props, timezone)
  SELECT now(), now(), pg_temp.u('00000000-0000-4000-b000-', p), 'Project ' || p, '', 2, 'P' || p,
    pg_temp.u('00000000-0000-4000-a000-', 1 + p % 200), true, true, 0, 0, '{}', 'UTC' FROM generate_series(1, 2000) p;
INSERT INTO states (created_at, updated_at, id, name, description, color, slug, sequence, "group", "default", is_triage,
    project_id, workspace_id)
  SELECT now(), now(), pg_temp.u('00000000-0000-4000-c000-', p * 8 + g), grp, '', '#000000', grp, g, grp, g = 0, false,
    pg_temp.u('00000000-0000-4000-b000-', p), pg_temp.u('00000000-0000-4000-a000-', 1 + p % 200)
  FROM generate_series(1, 2000) p, (VALUES (0, 'backlog'), (1, 'unstarted'), (2, 'started'), (3, 'completed'),
    (4, 'cancelled')) s(g, grp);
-- Issues spread evenly over 2025 and 2026; one in fifty a draft, one in a hundred deleted.
INSERT INTO issues (created_at, updated_at, id, name, description_json, description_html, priority, sequence_id,
    sort_order, is_draft, state_id, project_id, workspace_id, created_by_id, deleted_at)
  SELECT t, t, pg_temp.u('00000000-0000-4000-d000-', i), 'Issue ' || i, '{}', '<p></p>', 'none', i, 65535, i % 50 = 0,
    pg_temp.u('00000000-0000-4000-c000-', p * 8 + i % 5), pg_temp.u('00000000-0000-4000-b000-', p),
    pg_temp.u('00000000-0000-4000-a000-', 1 + p % 200), '77777777-7777-4777-8777-000000000001',
    CASE WHEN i % 100 = 1 THEN t + interval '1 day' END
  FROM (SELECT i, 1 + i % 2000 AS p, timestamptz '2025-01-01 00:00+00' + (i::double precision / $issues) * interval '730 days' AS t
        FROM generate_series(1, $issues) i) s;
-- Two comments an issue: the writer's own, and the agency's some hours later.
INSERT INTO issue_comments (created_at, updated_at, id, comment_stripped, comment_json, comment_html, attachments,
    issue_id, actor_id, access, created_by_id, project_id, workspace_id)
  SELECT t, t, pg_temp.u('00000000-0000-4000-e000-', c), 'c', '{}', '<p>c</p>', '{}', pg_temp.u('00000000-0000-4000-d000-', i),
    CASE WHEN c % 2 = 0 THEN '77777777-7777-4777-8777-000000000001'::uuid ELSE '77777777-7777-4777-8777-000000000002'::uuid END,
    'INTERNAL', NULL, pg_temp.u('00000000-0000-4000-b000-', 1 + i % 2000), pg_temp.u('00000000-0000-4000-a000-', 1 + (1 + i % 2000) % 200)
  FROM (SELECT c, 1 + (c - 1) / 2 AS i, timestamptz '2025-01-01 00:00+00' + ((1 + (c - 1) / 2)::double precision / $issues)
        * interval '730 days' + (c % 37) * interval '1 hour' AS t FROM generate_series(1, 2 * $issues) c) s;
-- Three activities an issue: created, a priority change, a move into the started state.
INSERT INTO issue_activities (created_at, updated_at, id, verb, field, comment, attachments, actor_id, new_identifier,
    issue_id, project_id, workspace_id)
  SELECT t, t, pg_temp.u('00000000-0000-4000-f000-', a), CASE WHEN a % 3 = 0 THEN 'created' ELSE 'updated' END,
    CASE a % 3 WHEN 1 THEN 'priority' WHEN 2 THEN 'state' END, '', '{}', '77777777-7777-4777-8777-000000000002',
    CASE WHEN a % 3 = 2 THEN pg_temp.u('00000000-0000-4000-c000-', (1 + i % 2000) * 8 + 2) END,
    pg_temp.u('00000000-0000-4000-d000-', i), pg_temp.u('00000000-0000-4000-b000-', 1 + i % 2000),
    pg_temp.u('00000000-0000-4000-a000-', 1 + (1 + i % 2000) % 200)
  FROM (SELECT a, 1 + (a - 1) / 3 AS i, timestamptz '2025-01-01 00:00+00' + ((1 + (a - 1) / 3)::double precision / $issues)
        * interval '730 days' + (a % 29) * interval '1 hour' AS t FROM generate_series(1, 3 * $issues) a) s;
INSERT INTO agency_sla_tiers (id, name, priority, response_time_hours, monthly_hours_included, hourly_rate, monthly_retainer)
  VALUES ('10000000-0000-4000-8000-000000000001', 'Gold', 1, 8, 20, '120.00', '4000.00');
INSERT INTO agency_clients (id, client_name, sla_tier_id, plane_workspace_id)
  SELECT pg_temp.u('20000000-0000-4000-8000-', w), 'Client ' || w, '10000000-0000-4000-8000-000000000001',
    pg_temp.u('00000000-0000-4000-a000-', w) FROM generate_series(1, 200) w;
ANALYZE;
SQL
echo "data: $issues issues, $((2 * issues)) comments, $((3 * issues)) activities, 200 clients ($(($(date +%s) - start)) s to make)"

month=2026-06
client=20000000-0000-4000-8000-000000000007
for round in 1 2 3; do
  printf 'report sla, all clients, %s:   %6s s\n' $month "$(seconds "$bin" report sla --month $month --db "$pg_dsn" --format csv -o "$tmp/sla.csv")"
done
printf 'report sla, one client:              %6s s\n' "$(seconds "$bin" report sla --month $month --client $client --db "$pg_dsn" --format csv -o -)"
printf 'report sla, business hours:          %6s s\n' "$(seconds "$bin" report sla --month $month --db "$pg_dsn" --format csv -o - --business-hours 'Mon-Fri 09:00-17:00 UTC')"
printf 'report sla as PDF, all clients:      %6s s\n' "$(seconds "$bin" report sla --month $month --db "$pg_dsn" --format pdf -o "$tmp/sla.pdf")"
printf 'report retainer, all clients:        %6s s\n' "$(seconds "$bin" report retainer --month $month --db "$pg_dsn" --format csv -o -)"
printf 'report progress, one client:         %6s s\n' "$(seconds "$bin" report progress --month $month --client $client --db "$pg_dsn" --format csv -o -)"
# The client overview as a person opens it (this month's figures), from the dialog's construction to its page painted.
"$build/tests/overview" "$pg_dsn" $client
# The floor: the same first responses, counted and ranked by one query in psql (no percentiles' interpolation done
# by hand, no per-client loop).
floor=$(seconds psql -qX -d "$pg_dsn" -c "
  SELECT c.id, count(*), count(r.first), percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.first - i.created_at))
    FROM agency_clients c JOIN issues i ON i.workspace_id = c.plane_workspace_id
    LEFT JOIN LATERAL (SELECT least((SELECT min(m.created_at) FROM issue_comments m WHERE m.issue_id = i.id AND m.deleted_at IS NULL
                                      AND COALESCE(m.actor_id, m.created_by_id) IS DISTINCT FROM i.created_by_id),
                                    (SELECT min(a.created_at) FROM issue_activities a JOIN states s ON s.id = a.new_identifier
                                      WHERE a.issue_id = i.id AND a.field = 'state' AND s.\"group\" = 'started')) AS first) r ON true
   WHERE c.deleted_at IS NULL AND i.deleted_at IS NULL AND NOT i.is_draft
     AND i.created_at >= timestamptz '$month-01 00:00+00' AND i.created_at < timestamptz '$month-01 00:00+00' + interval '1 month'
   GROUP BY c.id")
printf 'floor: psql, one query:              %6s s\n' "$floor"
head -3 "$tmp/sla.csv"
