#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark: the real window under Xvfb, from process start to the first painted window with the chosen page on top
# (the page's rows are read before that first paint), and the process's peak memory, for each page, on the given
# database. Wall time is taken from outside: from the start of the process to the moment its log says it painted.
# Prints the best and median of N runs. Run on demand (ctest -L bench runs the second form):
#   tests/benchmarks/window.sh AGENCY_OS_BINARY DSN [runs]
#   tests/benchmarks/window.sh AGENCY_OS_BINARY      1,000 clients x 100 campaigns x 10 channels (1M channels) in an
#                                                    SQLite file and a throw-away PostgreSQL, both measured
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=$1
if [ $# -eq 1 ]; then
  exec "$here/tests/benchmarks/on-big-data.sh" "$bin" "$0" "$bin" {}
fi
dsn=$2
runs=${3:-3}
tmp=$(mktemp -d)
display=":$((500 + RANDOM % 400))"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null; rm -rf "$tmp"' EXIT
export DISPLAY=$display QT_QPA_PLATFORM=xcb HOME=$tmp XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
export XDG_RUNTIME_DIR=$tmp/runtime
mkdir -p -m 700 "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME/agency-os"
sleep 1

# One start: prints "seconds peak_mb".
start_once() {
  local page=$1
  printf '[window]\npage=%s\n' "$page" >"$XDG_CONFIG_HOME/agency-os/agency-os.conf"
  : >"$tmp/err"
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$tmp/rss" "$bin" --db "$dsn" --log-level info 2>"$tmp/err" &
  local pid=$!
  for _ in $(seq 6000); do
    grep -q "first window painted" "$tmp/err" && break
    kill -0 "$pid" 2>/dev/null || { cat "$tmp/err" >&2; return 1; }
    sleep 0.01
  done
  t1=$(date +%s.%N)
  sleep 0.3 # what the page does right after its first paint counts towards its memory too
  pkill -TERM -P "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }') $(($(tail -n 1 "$tmp/rss" | tr -dc 0-9) / 1024))"
}

printf '%-10s %10s %10s %10s\n' page best_s median_s peak_mb
for page in 1:clients 2:campaigns 3:channels; do
  results=()
  for _ in $(seq "$runs"); do results+=("$(start_once "${page%%:*}")"); done
  printf '%s\n' "${results[@]}" | sort -n | awk -v name="${page#*:}" -v n="$runs" '
    { s[NR] = $1; if ($2 > m) m = $2 } END { printf "%-10s %10.2f %10.2f %10d\n", name, s[1], s[int((n + 1) / 2)], m }'
done
