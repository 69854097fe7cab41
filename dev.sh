#!/usr/bin/env bash
# nnsim's one entry point for a fresh machine (Debian, root or sudo, with or without a display).
#   ./dev.sh app     install what is missing, then open the window on the Iris network
#   ./dev.sh test    install what is missing, then run the whole test suite offscreen
#   ./dev.sh bench   install the benchmark extras too, then print the engine benchmark
# Every step checks first and does nothing when its work is already done, so a second run is fast.
set -euo pipefail
cd "$(dirname "$0")"

VENV=${NNSIM_VENV:-.venv}
PYTHON=${PYTHON:-python3}

# Debian libraries Qt needs to load offscreen (without fontconfig and a font every text is
# an empty box), then the xcb set a real window needs. Verified list: shared/QT-NOTES.md.
QT_OFFSCREEN_DEBS="libgl1 libegl1 libfontconfig1 fonts-dejavu-core libfreetype6 libxkbcommon0 libdbus-1-3 libglib2.0-0"
QT_WINDOW_DEBS="libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0"

install_debs() {
    command -v dpkg >/dev/null || return 0   # not Debian: the user installs Qt's libraries
    local missing=()
    for p in "$@"; do
        dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "dev.sh: installing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

ensure_venv() {
    local extras=$1
    if ! "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1; then
        install_debs python3-venv
    fi
    [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
    # Reinstall only when pyproject.toml changed since the last install with these extras.
    local stamp="$VENV/.nnsim-installed-$extras"
    if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
        "$VENV/bin/python" -m pip install -q --upgrade pip
        "$VENV/bin/python" -m pip install -q -e ".[$extras]"
        touch "$stamp"
    fi
}

cmd=${1:-app}
shift || true
case "$cmd" in
    app)
        install_debs $QT_OFFSCREEN_DEBS $QT_WINDOW_DEBS
        ensure_venv test
        exec "$VENV/bin/python" -m nnsim "$@"
        ;;
    test)
        install_debs $QT_OFFSCREEN_DEBS
        ensure_venv test
        export QT_QPA_PLATFORM=offscreen
        "$VENV/bin/lint-imports"
        exec "$VENV/bin/python" -m pytest "$@"
        ;;
    bench)
        install_debs $QT_OFFSCREEN_DEBS
        ensure_venv "test,bench"
        export QT_QPA_PLATFORM=offscreen
        exec "$VENV/bin/python" benchmarks/engine.py "$@"
        ;;
    *)
        echo "usage: ./dev.sh app|test|bench [args]" >&2
        exit 2
        ;;
esac
