"""`nnsim --screenshot PATH`: the window as it opens, saved as a PNG, and the exit status.

packaging/build.sh uses it to smoke-test the standalone build; teachers use it for worksheets.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

import nnsim.app

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def captured_windows(monkeypatch, qtbot):
    """The windows main() builds, kept (and closed after the test) so their size can be read."""
    windows = []
    build = nnsim.app.create_main_window

    def create_and_keep(argv=None):
        window = build(argv)
        qtbot.addWidget(window)
        windows.append(window)
        return window

    monkeypatch.setattr(nnsim.app, "create_main_window", create_and_keep)
    return windows


def test_screenshot_writes_a_png_of_the_window_and_exits_0(tmp_path, isolated_settings, captured_windows):
    path = tmp_path / "window.png"
    assert nnsim.app.main(["nnsim", "--screenshot", str(path)]) == 0

    assert path.read_bytes()[:8] == PNG_SIGNATURE
    (window,) = captured_windows
    assert window.isVisible()
    image = QImage(str(path))
    ratio = window.devicePixelRatioF()
    assert (image.width(), image.height()) == (round(window.width() * ratio), round(window.height() * ratio))
    assert window.width() > 600 and window.height() > 400
    # a picture of the window, not a blank rectangle: many colours (graph, plots, texts)
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20
    # a screenshot changes no setting: nothing saved the window's layout
    from PySide6.QtCore import QSettings

    assert QSettings().value("mainWindow/geometry") is None


def test_screenshot_to_a_missing_folder_exits_1_with_a_message(tmp_path, isolated_settings, captured_windows,
                                                               capsys):
    path = tmp_path / "no such folder" / "window.png"
    assert nnsim.app.main(["nnsim", "--screenshot", str(path)]) == 1

    assert not path.exists()
    err = capsys.readouterr().err
    assert "could not write the screenshot" in err and str(path) in err


def test_screenshot_of_a_model_that_cannot_be_opened_exits_1_without_a_dialog(tmp_path, isolated_settings,
                                                                              captured_windows, capsys):
    model = tmp_path / "broken.nnsim.json"
    model.write_text("{ not json", encoding="utf-8")
    path = tmp_path / "window.png"
    assert nnsim.app.main(["nnsim", str(model), "--screenshot", str(path)]) == 1

    assert not path.exists() and captured_windows == []  # stopped before any window
    assert "cannot open the model" in capsys.readouterr().err


def test_screenshot_is_in_the_help():
    result = subprocess.run([sys.executable, "-m", "nnsim", "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "--screenshot PATH" in result.stdout


def test_screenshot_from_the_command_line(tmp_path):
    """The real process, as the desktop or build.sh starts it, with settings of its own."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    from nnsim.core import Network
    from nnsim.core.model_file import save_model

    model = tmp_path / "lesson.nnsim.json"  # as the desktop entry passes it: Exec=nnsim %f
    save_model(model, Network([4, 3, 3], activations=["sigmoid", "softmax"], seed=1))
    path = tmp_path / "shot.png"
    result = subprocess.run([sys.executable, "-m", "nnsim", str(model), "--lang", "es", "--screenshot", str(path)],
                            capture_output=True, text=True, env=env, timeout=90)
    assert result.returncode == 0, result.stderr
    assert path.read_bytes()[:8] == PNG_SIGNATURE
    assert not QImage(str(path)).isNull()

    bad = subprocess.run([sys.executable, "-m", "nnsim", "--screenshot", str(tmp_path / "missing" / "x.png")],
                         capture_output=True, text=True, env=env, timeout=90)
    assert bad.returncode == 1
    assert "could not write the screenshot" in bad.stderr
