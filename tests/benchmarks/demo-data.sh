#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark: `agency-os demo-data` with 1,000 clients × 100 campaigns × 10 channels (1M channels) on a throw-away
# PostgreSQL, and the same on SQLite. Prints wall time and peak memory. Run on demand:
#   tests/benchmarks/demo-data.sh [path/to/agency-os] [clients] [campaigns] [channels]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$here/build/ci/app/agency-os}
clients=${2:-1000}; campaigns=${3:-100}; channels=${4:-10}

read -r pg_dir dsn < <("$here/scripts/pg-throwaway" start)
trap '"$here/scripts/pg-throwaway" stop "$pg_dir"; rm -rf "$tmp"' EXIT
tmp=$(mktemp -d)

measure() { # label, then the command
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
  read -r seconds kb < "$tmp/time"
  printf '%-12s %8.1f s wall  %6d MB peak\n' "$label" "$seconds" $((kb / 1024))
}

echo "demo-data: $clients clients × $campaigns campaigns × $channels channels = $((clients * campaigns * channels)) channels"
"$bin" migrate up --db "$dsn" >/dev/null
measure postgresql "$bin" demo-data --db "$dsn" --clients "$clients" --campaigns-per-client "$campaigns" --channels-per-campaign "$channels"
measure sqlite "$bin" demo-data --db "$tmp/bench.db" --clients "$clients" --campaigns-per-client "$campaigns" --channels-per-campaign "$channels"
