#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark: page switches and typing latency in the real window under Xvfb (tests/benchmarks/typing.cpp), from the
# key press to the paint that shows it. Run on demand (ctest -L bench runs the second form):
#   tests/benchmarks/typing.sh BUILD_DIR DSN [deep row]
#   tests/benchmarks/typing.sh BUILD_DIR      1,000 clients x 100 campaigns x 10 channels (1M channels) in an SQLite
#                                             file and a throw-away PostgreSQL, both measured
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=$1
bin=$build/app/agency-os
if [ $# -eq 1 ]; then
  exec "$here/tests/benchmarks/on-big-data.sh" "$bin" "$0" "$build" {}
fi
tmp=$(mktemp -d)
display=":$((500 + RANDOM % 400))"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null; rm -rf "$tmp"' EXIT
sleep 1
DISPLAY=$display QT_QPA_PLATFORM=xcb HOME=$tmp XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data \
  "$build/tests/typing" "$2" "${3:-20000}"
