#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# scripts/install-deps when it cannot do its job: each case ends with one line naming what failed and what to do,
# and a non-zero status; nothing to install is silent. apt-get, dpkg-query, id and sudo are stand-ins on PATH here
# (a real apt-get cannot be made to fail on purpose); the script itself runs as it is.
# Usage: tests/packaging/install-deps.sh SOURCE_DIR
set -euo pipefail
script=$1/scripts/install-deps
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# A PATH with only the stand-ins and the few real tools the script uses (no real sudo or apt-get on it).
mkdir "$tmp/bin"
for tool in env mktemp tail rm cat; do ln -s "$(command -v "$tool")" "$tmp/bin/$tool"; done
stub() { # name, body
  printf '#!/bin/bash\n%s\n' "$2" >"$tmp/bin/$1"
  chmod +x "$tmp/bin/$1"
}

case_() { # what, expected status, expected text on stderr ("" = stderr empty), then the set-up commands
  local what=$1 status=$2 text=$3
  shift 3
  rm -f "$tmp/bin/sudo" "$tmp/bin/apt-get" "$tmp/bin/id" "$tmp/bin/dpkg-query"
  stub dpkg-query 'echo "unknown ok not-installed"'
  stub id 'echo 0'
  stub apt-get 'exit 0'
  "$@"
  local rc=0
  PATH=$tmp/bin /bin/bash "$script" "${mode:-test}" >"$tmp/out" 2>"$tmp/err" || rc=$?
  local last
  last=$(tail -n 1 "$tmp/err")
  if [ "$rc" -ne "$status" ]; then
    echo "FAIL: $what: status $rc, wanted $status; stderr: $(cat "$tmp/err")"
    failed=$((failed + 1))
  elif [ -z "$text" ] && [ -s "$tmp/err" ]; then
    echo "FAIL: $what: wanted silence, got: $(cat "$tmp/err")"
    failed=$((failed + 1))
  elif [ -n "$text" ] && [[ $last != *"$text"* ]]; then
    echo "FAIL: $what: the last line '$last' does not say '$text'"
    failed=$((failed + 1))
  else
    passed=$((passed + 1))
  fi
}

nothing() { :; }
all_installed() { stub dpkg-query 'echo "install ok installed"'; }
a_user() { stub id 'echo 1000'; }
a_user_with_sudo() {
  stub id 'echo 1000'
  stub sudo 'echo "sudo $*" >>'"$tmp"'/sudo.log; exec "$@"'
}
update_fails() { stub apt-get '[ "$1" = update ] && { echo "E: Could not resolve deb.debian.org" >&2; exit 100; }; exit 0'; }
install_fails() { stub apt-get '[ "$1" = install ] && { echo "E: Unable to locate package qt6-charts-dev" >&2; exit 100; }; exit 0'; }

mode=bogus case_ "an unknown mode" 2 "usage: scripts/install-deps [run|test|package|screenshots]" nothing
case_ "everything there" 0 "" all_installed
case_ "a user without sudo" 1 "install-deps: error: need root or sudo to install:" a_user
case_ "apt-get update fails" 1 "install-deps: error: apt-get update failed" update_fails
case_ "apt-get install fails" 1 "install-deps: error: apt-get install failed (see above) for: cmake" install_fails
case_ "a user with sudo" 0 "install-deps: installing cmake" a_user_with_sudo
grep -q "sudo env DEBIAN_FRONTEND=noninteractive apt-get install" "$tmp/sudo.log" \
  && passed=$((passed + 1)) || { echo "FAIL: a user with sudo: apt-get install did not go through sudo"; failed=$((failed + 1)); }

echo "install-deps: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
