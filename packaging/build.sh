#!/usr/bin/env bash
# Build nnsim as a standalone one-folder application (PyInstaller), then smoke-test it.
#
#   packaging/build.sh        ->  packaging/dist/nnsim/nnsim   (copy the whole nnsim/ folder)
#
# Uses a venv of its own, packaging/build/venv, where nnsim is pip-installed as it is
# distributed (not editable: the bundle gets exactly the package data of pyproject.toml)
# together with PyInstaller 6. Build outputs (packaging/build/, packaging/dist/) are git-ignored.
# The smoke test opens the built app offscreen in English and in Spanish (`--screenshot`) and
# checks both pictures; it needs Qt's offscreen libraries (./dev.sh test installs them).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
BUILD=$HERE/build
DIST=$HERE/dist
VENV=$BUILD/venv
PYTHON=${PYTHON:-python3}
START=$SECONDS

mkdir -p "$BUILD"
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q "pyinstaller>=6,<7" "$ROOT"
# Same version number, new code: always put this checkout's nnsim in.
"$VENV/bin/python" -m pip install -q --no-deps --force-reinstall "$ROOT"

cd "$HERE"
rm -rf "$DIST/nnsim"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$BUILD/work" nnsim.spec

APP=$DIST/nnsim
# The Python that froze the app may carry debug symbols (pyenv builds do): strip it. Only
# Python's own files: the libraries that come from wheels (numpy.libs, Qt) are patched by
# auditwheel, and strip breaks them ("ELF load command address/offset not page-aligned").
if command -v strip >/dev/null; then
    strip --strip-unneeded "$APP"/_internal/libpython3*.so* "$APP"/_internal/python3*/lib-dynload/*.so 2>/dev/null || true
fi
BUILD_SECONDS=$((SECONDS - START))

# ---------------------------------------------------------------- smoke test
fail() { echo "build.sh: smoke test FAILED: $*" >&2; exit 1; }
is_png() { [ -s "$1" ] && [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; }

for file in nnsim/resources/translations/nnsim_es.qm nnsim/resources/datasets/iris.csv \
            nnsim/resources/examples/one_neuron.json nnsim/resources/icons/nnsim.svg \
            PySide6/Qt/translations/qtbase_es.qm; do
    [ -s "$APP/_internal/$file" ] || fail "$file is not in the bundle"
done

SMOKE=$(mktemp -d)
trap 'rm -rf "$SMOKE"' EXIT
# Settings of its own: a language saved by whoever builds must not change the pictures.
for lang in en es; do
    XDG_CONFIG_HOME=$SMOKE/config HOME=$SMOKE QT_QPA_PLATFORM=offscreen \
        "$APP/nnsim" --lang "$lang" --screenshot "$SMOKE/nnsim-$lang.png" 2>"$SMOKE/stderr-$lang" \
        || { cat "$SMOKE/stderr-$lang" >&2; fail "nnsim --lang $lang --screenshot exited with $?"; }
    is_png "$SMOKE/nnsim-$lang.png" || fail "nnsim --lang $lang wrote no PNG"
done
# The Spanish window has other texts, so another picture (the same means no translation loaded).
cmp -s "$SMOKE/nnsim-en.png" "$SMOKE/nnsim-es.png" && fail "the Spanish window looks like the English one"
XDG_CONFIG_HOME=$SMOKE/config HOME=$SMOKE QT_QPA_PLATFORM=offscreen \
    "$APP/nnsim" --screenshot "$SMOKE/no/such/folder/x.png" 2>/dev/null && fail "a screenshot to a missing folder exited with 0"
mkdir -p "$BUILD"
cp "$SMOKE"/nnsim-*.png "$BUILD/"

echo "build.sh: $APP/nnsim built in ${BUILD_SECONDS}s, $(du -sh "$APP" | cut -f1); smoke test passed" \
     "(screenshots in $BUILD/nnsim-en.png, nnsim-es.png)"
