#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark (issue 31.3): `agency-os export channels` as an .xlsx workbook against the same export as CSV, on a big
# database: wall time (best of N, interleaved), peak memory and the file's size. The target: the workbook within 2x
# the CSV's time, its memory not growing with the rows. Run on demand:
#   tests/benchmarks/xlsx.sh BUILD_DIR DSN [runs]
#   tests/benchmarks/xlsx.sh BUILD_DIR big [runs]   1M channels in an SQLite file and a throw-away PostgreSQL
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=$1
dsn=$2
runs=${3:-3}
bin=$build/app/agency-os
if [ "$dsn" = big ]; then
  exec "$here/tests/benchmarks/on-big-data.sh" "$bin" "$0" "$build" {} "$runs"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export QT_QPA_PLATFORM=offscreen HOME=$tmp
declare -A best mem
for _ in $(seq "$runs"); do
  for format in csv xlsx; do
    /usr/bin/time -f '%e %M' -o "$tmp/time" "$bin" export channels --output "$tmp/channels.$format" --db "$dsn" \
      >/dev/null 2>&1
    read -r seconds kb <"$tmp/time"
    if [ -z "${best[$format]:-}" ] || awk -v a="$seconds" -v b="${best[$format]}" 'BEGIN { exit !(a < b) }'; then
      best[$format]=$seconds
    fi
    mem[$format]=$(( kb / 1024 > ${mem[$format]:-0} ? kb / 1024 : ${mem[$format]:-0} ))
  done
done
rows=$(( $(wc -l <"$tmp/channels.csv") - 1 ))
printf '  %-5s %8s %8s %10s\n' format best_s peak_mb file_mb
for format in csv xlsx; do
  printf '  %-5s %8.2f %8d %10.1f\n' "$format" "${best[$format]}" "${mem[$format]}" \
    "$(awk -v b="$(stat -c %s "$tmp/channels.$format")" 'BEGIN { print b / 1048576 }')"
done
echo "  $rows rows; xlsx / csv: $(awk -v a="${best[xlsx]}" -v b="${best[csv]}" 'BEGIN { printf "%.2f", a / b }')x"
