#!/usr/bin/env bash
# Put nnsim among the current user's applications (menu, launcher, "Open with"), or take it out.
#
#   packaging/install-desktop-entry.sh                     install, for this checkout's .venv
#   packaging/install-desktop-entry.sh --launcher PATH     install, starting PATH instead (e.g.
#                                                          packaging/dist/nnsim/nnsim, the standalone build)
#   packaging/install-desktop-entry.sh --uninstall         remove what an install put in
#
# Installs packaging/nnsim.desktop as $XDG_DATA_HOME/applications/nnsim.desktop (by default
# ~/.local/share/applications) with Exec set to the absolute path of the launcher, and the icon
# nnsim/resources/icons/nnsim.svg as .../icons/hicolor/scalable/apps/nnsim.svg, and the file type
# of .nnsim documents (packaging/nnsim-mime.xml, application/x-nnsim) as .../mime/packages/nnsim.xml
# with the same icon as .../icons/hicolor/scalable/mimetypes/application-x-nnsim.svg. Running it
# again rewrites the same files. The default launcher is .venv/bin/nnsim, which ./dev.sh app creates.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
APPS=$DATA/applications
ICON_THEME=$DATA/icons/hicolor
ENTRY=$APPS/nnsim.desktop
ICON=$ICON_THEME/scalable/apps/nnsim.svg
MIME_DIR=$DATA/mime
MIME_XML=$MIME_DIR/packages/nnsim.xml
MIME_ICON=$ICON_THEME/scalable/mimetypes/application-x-nnsim.svg
LAUNCHER=$ROOT/${NNSIM_VENV:-.venv}/bin/nnsim
ACTION=install

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
    case "$1" in
        --uninstall) ACTION=uninstall ;;
        --launcher) [ $# -ge 2 ] || { usage >&2; exit 2; }; LAUNCHER=$2; shift ;;
        --launcher=*) LAUNCHER=${1#--launcher=} ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install-desktop-entry.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

refresh_caches() {
    if command -v update-desktop-database >/dev/null; then
        update-desktop-database -q "$APPS" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null && [ -f "$ICON_THEME/index.theme" ]; then
        gtk-update-icon-cache -q -t "$ICON_THEME" 2>/dev/null || true
    fi
    if command -v update-mime-database >/dev/null && [ -d "$MIME_DIR/packages" ]; then
        update-mime-database "$MIME_DIR" 2>/dev/null || true
    fi
}

if [ "$ACTION" = uninstall ]; then
    rm -f "$ENTRY" "$ICON" "$MIME_XML" "$MIME_ICON"
    refresh_caches
    echo "nnsim's desktop entry, icon and file type removed ($ENTRY, $ICON, $MIME_XML)"
    exit 0
fi

# An absolute path, so the menu starts the same nnsim wherever it is started from.
case "$LAUNCHER" in /*) ;; *) LAUNCHER=$(pwd)/$LAUNCHER ;; esac
if [ ! -x "$LAUNCHER" ] || [ -d "$LAUNCHER" ]; then
    echo "install-desktop-entry.sh: no nnsim launcher at $LAUNCHER" >&2
    echo "  run ./dev.sh app once (it creates .venv/bin/nnsim), or build the standalone app with" >&2
    echo "  packaging/build.sh and pass --launcher packaging/dist/nnsim/nnsim" >&2
    exit 1
fi

# Exec quoting (Desktop Entry spec): a path with spaces or reserved characters goes in double
# quotes, with ", `, $ and \ escaped by a backslash; then every \ is doubled once more, because
# the value of a key is itself an escaped string.
exec_path() {
    local path=$1
    if [[ "$path" =~ [[:space:]\"\'\\\`\$\<\>\~\|\&\;\*\?\#\(\)] ]]; then
        path=${path//\\/\\\\}
        path=${path//\"/\\\"}
        path=${path//\`/\\\`}
        path=${path//\$/\\\$}
        path=\"$path\"
        path=${path//\\/\\\\}
    fi
    printf '%s' "$path"
}
EXEC=$(exec_path "$LAUNCHER")
TRY_EXEC=${LAUNCHER//\\/\\\\}

mkdir -p "$APPS" "$(dirname "$ICON")" "$(dirname "$MIME_XML")" "$(dirname "$MIME_ICON")"
tmp=$(mktemp "$APPS/.nnsim.desktop.XXXXXX")
trap 'rm -f "$tmp"' EXIT
while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
        Exec=*) printf 'Exec=%s %%f\n' "$EXEC" ;;
        TryExec=*) printf 'TryExec=%s\n' "$TRY_EXEC" ;;
        *) printf '%s\n' "$line" ;;
    esac
done < "$HERE/nnsim.desktop" > "$tmp"
chmod 644 "$tmp"
mv -f "$tmp" "$ENTRY"
trap - EXIT
install -m 644 "$ROOT/nnsim/resources/icons/nnsim.svg" "$ICON"
install -m 644 "$ROOT/nnsim/resources/icons/nnsim.svg" "$MIME_ICON"
install -m 644 "$HERE/nnsim-mime.xml" "$MIME_XML"
refresh_caches
echo "nnsim's desktop entry installed: $ENTRY (starts $LAUNCHER), icon: $ICON, file type: $MIME_XML"
