"""Fixtures for the window tests: a main window with settings kept in a temporary folder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture
def isolated_settings(tmp_path, qapp):
    """QSettings written under tmp_path, so no test reads or writes the user's settings."""
    for fmt in (QSettings.NativeFormat, QSettings.IniFormat):
        QSettings.setPath(fmt, QSettings.UserScope, str(tmp_path / "settings"))
    yield tmp_path / "settings"


@pytest.fixture
def window(qtbot, isolated_settings):
    """The main window as nnsim opens it (Iris network), not shown."""
    from nnsim.app import create_main_window

    win = create_main_window([])
    qtbot.addWidget(win)
    win.resize(1280, 800)
    yield win
    win.close()


@pytest.fixture
def shown_window(window, qtbot):
    """The main window shown (offscreen), for clicks and geometry."""
    window.show()
    qtbot.waitExposed(window)
    window.network_view.fit_to_view()
    return window


@pytest.fixture
def find_slider(window):
    """find_slider("weightSlider_0_1_0") -> the QSlider of that name in the window."""
    from PySide6.QtWidgets import QSlider

    def find(name):
        found = window.findChild(QSlider, name)
        assert found is not None, f"no slider named {name}"
        return found

    return find
