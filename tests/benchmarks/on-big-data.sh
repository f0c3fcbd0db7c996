#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a benchmark once per backend on the big demo agency: 1,000 clients x 100 campaigns x 10 channels (1M channels;
# AGENCY_OS_BENCH_SIZE="clients campaigns channels" for another size), in an SQLite file and a throw-away
# PostgreSQL, both made here and removed afterwards. In the command, {} stands for the database's DSN.
#   tests/benchmarks/on-big-data.sh AGENCY_OS_BINARY COMMAND [ARG|{}]...
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=$1
shift
read -r clients campaigns channels <<<"${AGENCY_OS_BENCH_SIZE:-1000 100 10}"
data=$(mktemp -d)
read -r pg_dir pg_dsn < <("$here/scripts/pg-throwaway" start)
trap '"$here/scripts/pg-throwaway" stop "$pg_dir"; rm -rf "$data"' EXIT
"$bin" migrate up --db "$pg_dsn" >/dev/null 2>&1
for dsn in "sqlite:$data/big.db" "$pg_dsn"; do
  "$bin" demo-data --db "$dsn" --clients "$clients" --campaigns-per-client "$campaigns" \
    --channels-per-campaign "$channels" >/dev/null 2>&1
done
for dsn in "sqlite:$data/big.db" "$pg_dsn"; do
  [[ $dsn == sqlite:* ]] && name=SQLite || name=PostgreSQL
  echo "$name, $clients clients x $campaigns campaigns x $channels channels:"
  args=()
  for arg in "$@"; do args+=("${arg//\{\}/$dsn}"); done
  "${args[@]}"
done
