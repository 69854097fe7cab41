"""The packaging folder: the desktop entry, its install script and the PyInstaller spec.

Fast checks only; packaging/build.sh builds the bundle and smoke-tests it (not run here).
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / "nnsim.desktop"
INSTALL = PACKAGING / "install-desktop-entry.sh"
SPEC = PACKAGING / "nnsim.spec"
ICON = ROOT / "nnsim" / "resources" / "icons" / "nnsim.svg"
MIME = PACKAGING / "nnsim-mime.xml"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"

#: the Desktop Menu Specification's registered categories (main and additional) this entry may use
MAIN_CATEGORIES = {"AudioVideo", "Audio", "Video", "Development", "Education", "Game", "Graphics", "Network",
                   "Office", "Science", "Settings", "System", "Utility"}
ADDITIONAL_CATEGORIES = {"ComputerScience": {"Education", "Science"}, "ArtificialIntelligence": {"Education", "Science"},
                         "Math": {"Education", "Science"}, "DataVisualization": {"Education", "Science"}}


def read_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive: Name[es], GenericName
    parser.read(path, encoding="utf-8")
    assert parser.sections() == ["Desktop Entry"]
    return parser["Desktop Entry"]


def test_desktop_entry_has_the_required_keys():
    entry = read_entry(DESKTOP)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "nnsim"
    assert entry["GenericName"] == "Neural network simulator"
    assert entry["GenericName[es]"] == "Simulador de redes neuronales"
    for key in ("Name[es]", "Comment", "Comment[es]", "Keywords", "Keywords[es]"):
        assert entry[key].strip(), key
    assert entry["Terminal"] == "false"
    assert entry["Keywords"].endswith(";") and entry["Keywords[es]"].endswith(";")


def test_desktop_entry_exec_and_icon_match_the_app():
    entry = read_entry(DESKTOP)
    # one file argument: nnsim's positional `model` (nnsim.app.parse_args)
    assert entry["Exec"] == "nnsim %f"
    assert entry["TryExec"] == "nnsim"
    from nnsim.app import parse_args

    assert parse_args(["nnsim", "lesson.nnsim.json"]).model == "lesson.nnsim.json"
    # Icon is a theme name, installed from the package's own icon (no second copy in packaging/)
    assert entry["Icon"] == "nnsim"
    assert ICON.is_file() and not list(PACKAGING.glob("*.svg"))
    # the name the app gives Qt (window grouping on Wayland, StartupWMClass on X11)
    assert entry["StartupWMClass"] == "nnsim"
    assert "setDesktopFileName(\"nnsim\")" in (ROOT / "nnsim" / "app.py").read_text(encoding="utf-8")


def test_desktop_entry_categories_are_registered():
    categories = read_entry(DESKTOP)["Categories"]
    assert categories.endswith(";")
    names = [c for c in categories.split(";") if c]
    assert names == ["Education", "Science", "ComputerScience"]
    for name in names:
        assert name in MAIN_CATEGORIES or name in ADDITIONAL_CATEGORIES, name
        if name in ADDITIONAL_CATEGORIES:
            assert ADDITIONAL_CATEGORIES[name] & set(names), f"{name} needs one of {ADDITIONAL_CATEGORIES[name]}"


def test_desktop_entry_is_valid_for_desktop_file_validate():
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate (Debian: desktop-file-utils) is not installed")
    result = subprocess.run([validate, str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def run_install(tmp_path, *args):
    env = dict(os.environ, HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "data"))
    return subprocess.run(["bash", str(INSTALL), *args], capture_output=True, text=True, env=env, timeout=60)


def test_install_script_installs_entry_and_icon_idempotently_and_uninstalls(tmp_path):
    launcher = tmp_path / "my apps" / "nnsim"
    launcher.parent.mkdir()
    launcher.write_text("#!/bin/sh\n")
    launcher.chmod(0o755)
    entry_file = tmp_path / "data" / "applications" / "nnsim.desktop"
    icon_file = tmp_path / "data" / "icons" / "hicolor" / "scalable" / "apps" / "nnsim.svg"
    mime_file = tmp_path / "data" / "mime" / "packages" / "nnsim.xml"
    mime_icon = tmp_path / "data" / "icons" / "hicolor" / "scalable" / "mimetypes" / "application-x-nnsim.svg"

    for _ in range(2):  # a second run gives the same files
        result = run_install(tmp_path, "--launcher", str(launcher))
        assert result.returncode == 0, result.stderr
        entry = read_entry(entry_file)
        assert entry["Exec"] == f'"{launcher}" %f'  # quoted: the path has a space
        assert entry["TryExec"] == str(launcher)
        assert entry["Icon"] == "nnsim" and entry["Categories"] == read_entry(DESKTOP)["Categories"]
        assert icon_file.read_bytes() == ICON.read_bytes()
        assert mime_file.read_bytes() == MIME.read_bytes() and mime_icon.read_bytes() == ICON.read_bytes()
        assert entry["MimeType"] == "application/x-nnsim;"
    assert sorted(p.name for p in entry_file.parent.iterdir() if p.name.startswith((".nnsim", "nnsim"))) \
        == ["nnsim.desktop"]

    result = run_install(tmp_path, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert not entry_file.exists() and not icon_file.exists()
    assert not mime_file.exists() and not mime_icon.exists()


def test_install_script_default_launcher_is_the_checkouts_venv(tmp_path):
    venv_launcher = ROOT / ".venv" / "bin" / "nnsim"
    result = run_install(tmp_path)
    if not venv_launcher.exists():
        assert result.returncode == 1 and "./dev.sh app" in result.stderr
        return
    assert result.returncode == 0, result.stderr
    entry = read_entry(tmp_path / "data" / "applications" / "nnsim.desktop")
    assert entry["Exec"].split(" %f")[0].strip('"') == str(venv_launcher)


def test_install_script_refuses_a_missing_launcher(tmp_path):
    result = run_install(tmp_path, "--launcher", str(tmp_path / "nowhere" / "nnsim"))
    assert result.returncode == 1
    assert "no nnsim launcher" in result.stderr
    assert not (tmp_path / "data" / "applications" / "nnsim.desktop").exists()


def test_spec_bundles_the_resources_and_only_the_qt_modules_used():
    spec = SPEC.read_text(encoding="utf-8")
    assert 'collect_data_files("nnsim", includes=["resources/**/*"]' in spec
    for folder in (ROOT / "nnsim" / "resources").iterdir():
        if folder.is_dir():  # datasets, examples, icons, translations: named in the spec's docstring
            assert folder.name in spec, folder.name
    assert "nnsim-launcher.py" in spec and (PACKAGING / "nnsim-launcher.py").is_file()
    assert "PySide6.QtTest" in spec and "PySide6.QtQml" in spec  # excluded
    assert "console=False" in spec  # a window app: no terminal
    # build.sh checks the translations are inside the bundle and smoke-tests --screenshot
    build = (PACKAGING / "build.sh").read_text(encoding="utf-8")
    assert "nnsim_es.qm" in build and "--screenshot" in build and 'pyinstaller>=6,<7' in build


def test_build_outputs_are_ignored_by_git():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert "/packaging/build/" in ignored and "/packaging/dist/" in ignored


def test_mime_type_describes_nnsim_documents_and_the_entry_opens_them():
    import xml.etree.ElementTree as ET

    root = ET.parse(MIME).getroot()
    assert root.tag == f"{MIME_NS}mime-info"
    (mime_type,) = root.findall(f"{MIME_NS}mime-type")
    assert mime_type.get("type") == "application/x-nnsim"
    assert [g.get("pattern") for g in mime_type.findall(f"{MIME_NS}glob")] == ["*.nnsim", "*.nnsim.json"]
    assert mime_type.find(f"{MIME_NS}icon").get("name") == "application-x-nnsim"
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    comments = {c.get(lang): c.text for c in mime_type.findall(f"{MIME_NS}comment")}
    assert comments == {None: "nnsim lesson", "es": "Lección de nnsim"}
    assert read_entry(DESKTOP)["MimeType"] == "application/x-nnsim;"
    # the magic matches what save_document writes at the start of every document
    magic = mime_type.find(f"{MIME_NS}magic/{MIME_NS}match").get("value")
    for lesson in (ROOT / "nnsim" / "resources" / "lessons").glob("*.nnsim"):
        assert magic in lesson.read_text(encoding="utf-8")[:64 + len(magic)], lesson.name


def test_mime_type_compiles_with_update_mime_database(tmp_path):
    update = shutil.which("update-mime-database")
    if update is None:
        pytest.skip("update-mime-database (Debian: shared-mime-info) is not installed")
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME, packages / "nnsim.xml")
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path))  # else it warns that the folder is not searched
    result = subprocess.run([update, str(tmp_path / "mime")], capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr  # an invalid file is reported
    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8").splitlines()
    assert "50:application/x-nnsim:*.nnsim" in globs and "60:application/x-nnsim:*.nnsim.json" in globs
    assert "application/x-nnsim:application-x-nnsim" in (tmp_path / "mime" / "icons").read_text(encoding="utf-8")


def test_lessons_are_package_data_that_the_bundle_collects():
    lessons = sorted((ROOT / "nnsim" / "resources" / "lessons").glob("*.nnsim"))
    assert len(lessons) >= 7
    assert "lessons/*.nnsim" in SPEC.read_text(encoding="utf-8")
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'nnsim = ["resources/**/*"]' in pyproject  # the wheel (and so the bundle) holds them
