#!/usr/bin/env bash
# Refresh nnsim's translations from the code, then compile them for the app.
#
#   tools/update_translations.sh
#
# 1. pyside6-lupdate collects every tr() / translate() text of the Qt side of nnsim (all of
#    nnsim/ except nnsim/core, which never imports Qt) into nnsim/resources/translations/
#    nnsim_<lang>.ts: new texts arrive as "unfinished", texts gone from the code are dropped.
# 2. Translate the unfinished entries (pyside6-linguist, or any editor: it is XML).
# 3. Run this script again: pyside6-lrelease compiles each .ts into the .qm the app loads.
# tests/ui/test_translation.py fails while a text is untranslated or a .qm is out of date.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${NNSIM_VENV:-.venv}/bin
FOLDER=nnsim/resources/translations
mapfile -t SOURCES < <(find nnsim -name '*.py' -not -path 'nnsim/core/*' | LC_ALL=C sort)

for ts in "$FOLDER"/nnsim_*.ts; do
    lang=$(basename "$ts" .ts)
    lang=${lang#nnsim_}
    "$BIN/pyside6-lupdate" -silent -no-obsolete -source-language en -target-language "$lang" \
        "${SOURCES[@]}" -ts "$ts"
    "$BIN/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
    unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
    echo "$ts: ${unfinished} unfinished"
done
