#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test with a desktop keychain of its own: started under dbus-run-session (a private session bus), it runs
# GNOME Keyring's Secret Service on that bus, unlocked, with its keyring files in a temporary folder, and stops it
# afterwards. Usage: dbus-run-session -- tests/support/with-keyring.sh COMMAND [ARG…]
set -eu
data=$(mktemp -d)
printf 'keyring-password' | XDG_DATA_HOME="$data" gnome-keyring-daemon --foreground --unlock --components=secrets \
  >/dev/null 2>&1 &
keyring=$!
trap 'kill "$keyring" 2>/dev/null; wait "$keyring" 2>/dev/null; rm -rf "$data"' EXIT
tries=0
until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
  org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; do
  tries=$((tries + 1))
  if [ "$tries" -gt 100 ]; then
    echo "with-keyring: gnome-keyring-daemon did not take org.freedesktop.secrets on the session bus" >&2
    exit 1
  fi
  sleep 0.1
done
status=0
"$@" || status=$?
exit "$status"
