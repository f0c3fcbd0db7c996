#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The bash completion against the program: every command's options in the completion are exactly those its --help
# lists, and completing typical command lines offers the right words.
# Usage: tests/packaging/completion.sh AGENCY_OS_BINARY COMPLETION_FILE
set -euo pipefail
bin=$1
# shellcheck source=/dev/null
. "$2"
passed=0
failed=0

check() { # what, wanted, got
  if [ "$2" = "$3" ]; then
    passed=$((passed + 1))
  else
    echo "FAIL: $1: wanted '$2', got '$3'"
    failed=$((failed + 1))
  fi
}

# The options of the "Options:" block of --help: lines starting with two spaces and a dash.
help_options() {
  "$bin" "$@" --help | awk '/^Options:/ { on = 1; next } /^$/ { on = 0 } on && /^  -/' \
    | sed -E 's/^  (.*)$/\1/; s/  .*//; s/<[^>]*>//g; s/,/ /g' | tr ' ' '\n' | grep -E '^-' | sort -u | paste -sd' '
}
sorted() { tr ' ' '\n' | grep -v '^$' | sort -u | paste -sd' '; }

for command in "" migrate export import demo-data chart report history; do
  # shellcheck disable=SC2086 # "" is the window's own command line
  check "options of '${command:-agency-os}'" "$(help_options $command)" "$(_agency_os_options "$command" | sorted)"
done

complete_line() { # the words of the line; the last one is being completed
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  _agency_os
  printf '%s\n' "${COMPREPLY[@]}" | sorted
}

check "agency-os exp" "export" "$(complete_line agency-os exp)"
check "agency-os ''" "chart demo-data export history import migrate report" "$(complete_line agency-os '')"
check "agency-os migrate u" "up" "$(complete_line agency-os migrate u)"
check "agency-os export c" "campaigns channels clients" "$(complete_line agency-os export c)"
check "agency-os export --db x.db c" "campaigns channels clients" "$(complete_line agency-os export --db x.db c)"
check "agency-os --db x.db export --bom s" "sla-tiers" "$(complete_line agency-os --db x.db export --bom s)"
check "agency-os export clients c (argument given)" "" "$(complete_line agency-os export clients c)"
check "agency-os import c" "campaigns channels clients" "$(complete_line agency-os import c)"
check "agency-os import clients --d" "--db --decimal-comma --delimiter --dry-run" "$(complete_line agency-os import clients --d)"
check "agency-os export --delimiter s" "semicolon" "$(complete_line agency-os export --delimiter s)"
check "agency-os report --status c" "cancelled completed" "$(complete_line agency-os report --status c)"
check "agency-os history --format " "csv json" "$(complete_line agency-os history --format '')"
check "agency-os history --table c" "campaigns channels clients" "$(complete_line agency-os history --table c)"
check "agency-os chart --campaign ''" "" "$(complete_line agency-os chart --campaign '')"
check "agency-os chart --s" "--size" "$(complete_line agency-os chart --s)"
check "agency-os --log-level w" "warning" "$(complete_line agency-os --log-level w)"
check "agency-os demo-data --c" "--campaigns-per-client --channels-per-campaign --clients" \
  "$(complete_line agency-os demo-data --c)"
check "agency-os --db sq" "sqlite:" "$(complete_line agency-os --db sq)"

echo "completion: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
