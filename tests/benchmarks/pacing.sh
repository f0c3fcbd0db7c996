#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark (issue 31.2): what the Pace column costs the Channels page on a big database. A year of daily spend
# (365 periods) is imported for each of the first 256 channels in the page's order, so that every row of the first page
# has a pace to work out (the worst case: with no spend there is nothing to add up). Then, best of N:
#   - the first page read by the page's model with its Pace column and by the same model without it (tests/pages … pace),
#     and the time until the paces (read on a thread of their own after the rows) are in;
#   - the window from process start to its first paint with the Channels page on top (tests/benchmarks/window.sh);
#   - `report pacing` over every channel, time and peak memory.
# The target: the column adds at most 10 % to opening the page.
#   tests/benchmarks/pacing.sh BUILD_DIR DSN [runs]
#   tests/benchmarks/pacing.sh BUILD_DIR big      1M channels in an SQLite file and a throw-away PostgreSQL, both
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=$1
dsn=$2
runs=${3:-5}
bin=$build/app/agency-os
if [ "$dsn" = big ]; then
  exec "$here/tests/benchmarks/on-big-data.sh" "$bin" "$0" "$build" {} "$runs"
fi
run_sql() {
  if [[ $dsn == sqlite:* ]]; then sqlite3 "${dsn#sqlite:}" "$1"; else psql -X -q -v ON_ERROR_STOP=1 "$dsn" -c "$1"; fi
}
first_page="SELECT id FROM agency_campaign_channels WHERE deleted_at IS NULL ORDER BY channel_type, id LIMIT 256"
if [[ $dsn == sqlite:* ]]; then
  run_sql "WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n < 364)
    INSERT OR IGNORE INTO agency_channel_spend (id, channel_id, period_start, period_end, platform, currency, spend, metrics)
    SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-8'
             || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
           p.id, date('now', '-' || (364 - d.n) || ' days'), date('now', '-' || (364 - d.n) || ' days'), 'meta', 'EUR',
           printf('%d.%02d', 10 + d.n % 40, d.n % 100), '{}'
    FROM ($first_page) p, d"
else
  run_sql "INSERT INTO agency_channel_spend (id, channel_id, period_start, period_end, platform, currency, spend, metrics)
    SELECT gen_random_uuid(), p.id, current_date - (364 - n), current_date - (364 - n), 'meta', 'EUR',
           (10 + n % 40) + (n % 100) / 100.0, '{}'
    FROM ($first_page) p, generate_series(0, 364) n ON CONFLICT DO NOTHING; ANALYZE agency_channel_spend"
fi
echo "spend rows: $(run_sql 'SELECT count(*) FROM agency_channel_spend' | grep -Eo '[0-9]+' | head -n 1)"
echo "first page, best of $runs (two interleaved rounds):"
"$build/tests/pages" "$dsn" agency_campaign_channels "$runs" pace | awk -F '\t' '$1 == "pace" { printf "  %-9s %.3f s\n", $2, $3 }'
echo "the window, start to first paint (Channels is the third line):"
"$here/tests/benchmarks/window.sh" "$bin" "$dsn" "$runs"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/time -f '%e %M' -o "$tmp/time" env QT_QPA_PLATFORM=offscreen HOME="$tmp" \
  "$bin" report pacing --format csv --output "$tmp/pacing.csv" --db "$dsn" >/dev/null 2>&1
read -r seconds kb <"$tmp/time"
echo "report pacing: $(( $(wc -l <"$tmp/pacing.csv") - 1 )) channels in $seconds s, $((kb / 1024)) MB peak"
