#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The man pages the build made: one per command, each naming every option of that command's --help, compressed with
# no time stamp, and readable by man's formatter without warnings.
# Usage: tests/packaging/man-pages.sh AGENCY_OS_BINARY MAN_DIR
set -euo pipefail
bin=$1
dir=$2
passed=0
failed=0
fail() {
  echo "FAIL: $*"
  failed=$((failed + 1))
}

for command in "" migrate export import demo-data chart report history; do
  page="$dir/agency-os${command:+-$command}.1"
  if [ ! -s "$page.gz" ]; then
    fail "no man page $page.gz"
    continue
  fi
  [ "$(gzip -dc "$page.gz")" = "$(cat "$page")" ] || fail "$page.gz does not hold $page"
  # gzip -n: bytes 4-7 (the modification time) are zero, so the package is reproducible.
  [ "$(od -An -tx1 -j4 -N4 "$page.gz" | tr -d ' ')" = 00000000 ] || fail "$page.gz carries a time stamp"
  # shellcheck disable=SC2086 # "" is the window's own command line
  options=$("$bin" $command --help | awk '/^Options:/ { on = 1; next } /^$/ { on = 0 } on && /^  --/ { print $1 }' \
    | tr -d ,)
  text=$(sed 's/\\-/-/g' "$page")
  for option in $options; do
    grep -qe "$option" <<<"$text" || fail "$page does not mention $option"
  done
  grep -q "^\.SH SYNOPSIS" "$page" || fail "$page has no SYNOPSIS"
  synopsis=$(sed -n '/^\.SH SYNOPSIS/,/^\.SH DESCRIPTION/p' <<<"$text" | sed 's/\\f.//g; s/\\[,\/]//g')
  grep -q "^agency-os" <<<"$(sed -n 2p <<<"$synopsis" | sed 's/^\.B //')" || fail "$page: the synopsis is not of agency-os"
  grep -qe "${command:-options}" <<<"$synopsis" || fail "$page: the synopsis does not show '$command'"
  # As man formats it: preconv turns UTF-8 into groff escapes first.
  warnings=$(preconv "$page" | groff -man -Tutf8 -ww -z 2>&1 || true)
  [ -z "$warnings" ] || fail "$page: groff warns: $warnings"
  passed=$((passed + 1))
done
echo "man pages: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
