#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every string lupdate finds is filed under the context the running app looks it up in, so that a translation of it
# can be found at all: a tr() through a local wrapper (QCoreApplication::translate("Migrator", …)) was filed by
# lupdate under the namespace or class around the call ("agency::db", "agency::db::Migrator") and never found. So:
#   - no context is a bare namespace (a tr() in a free function: lupdate and the runtime disagree);
#   - a context naming one of our classes names a QObject (Q_OBJECT: its tr() looks up that very name);
#   - the committed translations/*.ts list exactly the strings the sources hold (refresh them with
#     `cmake --build BUILD --target update_translations`), each one translated (none unfinished or empty).
# Usage: tests/translations/contexts.sh SOURCE_DIR LUPDATE
set -euo pipefail
src=$1
lupdate=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() {
  echo "FAIL: $*"
  failed=$((failed + 1))
}

(cd "$src" && "$lupdate" -no-obsolete -locations none app models ui -ts "$tmp/now.ts" >/dev/null 2>&1) \
  || { echo "FAIL: lupdate did not run"; exit 1; }
contexts=$(grep -o '<name>[^<]*</name>' "$tmp/now.ts" | sed 's/<[^>]*>//g' | sort -u)
[ -n "$contexts" ] || fail "lupdate found no strings"
while read -r context; do
  case $context in
  agency::*::*)
    class=${context##*::}
    if ! grep -rh -A2 -E "^class $class( final)? : public" "$src/app" "$src/models" "$src/ui" --include=*.h \
      | grep -q Q_OBJECT; then
      fail "strings filed under $context, which is not a QObject with Q_OBJECT: the app looks them up elsewhere"
    fi
    ;;
  agency::* | agency)
    fail "strings filed under the namespace $context: a tr() outside a class (use a Q_DECLARE_TR_FUNCTIONS struct)"
    ;;
  esac
done <<<"$contexts"

# The same sources, context by context, in the committed files; English (the sources' language) holds the plural
# forms only (lupdate -pluralonly).
sources() { grep -E '<name>|<source>' "$1" | sed 's/^ *//' | sort; }
plurals() { grep -A1 'numerus="yes"' "$1" | grep '<source>' | sed 's/^ *//' | sort; }
if ! diff <(plurals "$tmp/now.ts") <(plurals "$src/translations/agency_os_en.ts") >"$tmp/diff"; then
  fail "agency_os_en.ts does not hold exactly the plural strings of the sources (cmake --build BUILD --target update_translations):"
  head -n 20 "$tmp/diff"
fi
if grep -q '<message>' "$src/translations/agency_os_en.ts"; then
  fail "agency_os_en.ts holds a string without plural forms: English is the sources' language"
fi
for ts in "$src"/translations/agency_os_*.ts; do
  [ "$(basename "$ts")" = agency_os_en.ts ] && continue
  if ! diff <(sources "$tmp/now.ts") <(sources "$ts") >"$tmp/diff"; then
    fail "$(basename "$ts") is not current with the sources (cmake --build BUILD --target update_translations):"
    head -n 20 "$tmp/diff"
  fi
done

# Every string translated: none unfinished, none empty (lrelease would fall back to English for it).
for ts in "$src"/translations/agency_os_*.ts; do
  unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
  empty=$(grep -cE '<translation>\s*</translation>|<translation/>|<numerusform>\s*</numerusform>' "$ts" || true)
  [ "$unfinished" -eq 0 ] || fail "$(basename "$ts"): $unfinished unfinished translation(s)"
  [ "$empty" -eq 0 ] || fail "$(basename "$ts"): $empty empty translation(s)"
done

echo "$(wc -l <<<"$contexts") contexts, $(grep -c '<source>' "$tmp/now.ts") strings; $failed failed"
[ "$failed" -eq 0 ]
