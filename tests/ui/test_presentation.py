"""Presentation mode, the zoom of the whole window and high contrast (nnsim/ui/presentation.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QDockWidget, QGroupBox

from nnsim.ui.presentation import (
    PRESENTATION_ZOOM_KEY,
    ZOOM_KEY,
    ZOOM_STEP,
    clamp_zoom,
    presentation_zoom_for,
)

SETTINGS_DOCKS = ("parameterDock", "neuronDock", "updateDock", "dataDock", "whatIfDock")
KEPT_DOCKS = ("trainingDock", "plotsDock")


def action(window, name) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def value_text(window):
    """The first hidden node's value text: (font points, height on screen in pixels)."""
    view = window.network_view
    text = view.node_item(1, 0).value_text
    return text.font().pointSizeF(), text.boundingRect().height() * view.transform().m22()


def dock(window, name) -> QDockWidget:
    return window.findChild(QDockWidget, name)


def layout_of(window):
    docks = {d.objectName(): (d.isVisible(), window.dockWidgetArea(d)) for d in window.findChildren(QDockWidget)}
    return docks, window.size(), window.structure_toolbar.isVisible(), window.statusBar().isVisible()


@pytest.fixture
def presenting(shown_window, qtbot):
    win = shown_window
    before = {
        "label": win.training_panel.paceLabel.font().pointSizeF(),
        "epoch": win.training_panel.epochLabel.font().pointSizeF(),
        "scores": win.plots.accuracy_label.font().pointSizeF(),
        "value": value_text(win),
        "layout": layout_of(win),
    }
    action(win, "presentationAction").trigger()
    qtbot.waitUntil(win.isFullScreen, timeout=2000)
    qtbot.waitUntil(lambda: win.network_view.viewport().height() > 300, timeout=2000)
    win.network_view.fit_to_view()
    return win, before


def test_presentation_mode_enlarges_every_font_and_the_node_values(presenting):
    win, before = presenting
    zoom = win.presentation.zoom.factor
    assert zoom == presentation_zoom_for(win.screen().geometry().height()) >= 1.25
    app_points = QApplication.font().pointSizeF()
    # a label with the window's font, and the large numbers that chose a size of their own
    assert before["label"] == app_points
    assert win.training_panel.paceLabel.font().pointSizeF() == pytest.approx(app_points * zoom)
    assert win.training_panel.epochLabel.font().pointSizeF() == pytest.approx(before["epoch"] * zoom)
    assert win.plots.accuracy_label.font().pointSizeF() == pytest.approx(before["scores"] * zoom)
    assert win.training_panel.trainButton.font().pointSizeF() == pytest.approx(app_points * zoom)
    # the graph's node values: a larger font, and larger on screen
    points, pixels = value_text(win)
    assert points > before["value"][0] * 1.2
    assert pixels > before["value"][1] * 1.5  # (on real screens: test_node_values_read_from_the_back_row)


def test_presentation_mode_hides_the_settings_and_keeps_the_controls(presenting):
    win, _ = presenting
    for name in SETTINGS_DOCKS:
        assert not dock(win, name).isVisible(), name
    for name in KEPT_DOCKS:
        assert dock(win, name).isVisible(), name
    panel = win.training_panel
    assert not panel.findChild(QGroupBox, "trainingSettingsBox").isVisible()
    assert not panel.learningRateSpin.isVisible()
    for widget in (panel.trainButton, panel.stepButton, panel.stepExampleButton, panel.resetButton,
                   panel.paceSlider, panel.epochLabel, win.network_view, win.plots.loss_plot,
                   win.plots.accuracy_label, win.confusion_panel.table):
        assert widget.isVisible(), widget.objectName()
    assert not win.structure_toolbar.isVisible()
    confusion = dock(win, "confusionDock")  # in a tab behind the plots, docked
    assert win.tabifiedDockWidgets(dock(win, "plotsDock")) == [confusion] and not confusion.isFloating()
    # the controls are whole, not squeezed under a scroll bar
    for button in (panel.trainButton, panel.resetButton, panel.stepButton):
        assert button.height() >= button.minimumSizeHint().height()
        assert button.width() >= button.fontMetrics().horizontalAdvance(button.text())
    assert panel.paceSlider.visibleRegion().boundingRect().height() == panel.paceSlider.height()
    # the graph and the pictures take the screen: most of its width and height
    screen = win.screen().geometry()
    assert win.picture_splitter.width() == screen.width()
    assert win.network_view.width() > win.boundary_view.width()
    assert win.picture_splitter.height() > 0.55 * screen.height()


def test_escape_leaves_and_puts_the_docks_and_size_back(presenting, qtbot):
    win, before = presenting
    assert action(win, "presentationAction").isChecked()
    qtbot.keyClick(win.network_view, Qt.Key_Escape)  # the graph does not take Esc: the window does
    qtbot.waitUntil(lambda: not win.isFullScreen(), timeout=2000)
    assert not action(win, "presentationAction").isChecked()
    assert layout_of(win) == before["layout"]
    assert win.training_panel.findChild(QGroupBox, "trainingSettingsBox").isVisible()
    assert all(d.titleBarWidget() is None for d in win.findChildren(QDockWidget))
    assert win.training_panel.paceLabel.font().pointSizeF() == before["label"]
    assert win.training_panel.epochLabel.font().pointSizeF() == before["epoch"]
    assert value_text(win)[0] == before["value"][0]


def test_f11_toggles_presentation_mode(presenting, qtbot):
    win, before = presenting
    presentation = action(win, "presentationAction")
    assert presentation.shortcut() == QKeySequence("F11")
    presentation.trigger()
    qtbot.waitUntil(lambda: not win.isFullScreen(), timeout=2000)
    assert layout_of(win) == before["layout"]


def test_the_window_zoom_is_kept_in_the_settings(window, isolated_settings, qtbot):
    from nnsim.app import create_main_window

    assert QSettings().fileName().startswith(str(isolated_settings))
    points = QApplication.font().pointSizeF()
    before = value_text(window)[0]
    zoom_in = action(window, "windowZoomInAction")
    assert QKeySequence("Ctrl++") in zoom_in.shortcuts() and QKeySequence("Ctrl+=") in zoom_in.shortcuts()
    assert action(window, "windowZoomOutAction").shortcut() == QKeySequence("Ctrl+-")
    zoom_in.trigger()
    zoom_in.trigger()
    assert QSettings().value(ZOOM_KEY, type=float) == pytest.approx(ZOOM_STEP ** 2)
    assert window.training_panel.paceLabel.font().pointSizeF() == pytest.approx(points * ZOOM_STEP ** 2)
    assert value_text(window)[0] > before  # the graph's text follows the window zoom
    # the next start opens at that zoom
    again = create_main_window([])
    qtbot.addWidget(again)
    assert again.presentation.zoom.factor == pytest.approx(ZOOM_STEP ** 2)
    assert again.training_panel.paceLabel.font().pointSizeF() == pytest.approx(points * ZOOM_STEP ** 2)
    again.close()
    action(window, "windowZoomResetAction").trigger()
    assert QSettings().value(ZOOM_KEY, type=float) == 1.0
    assert window.training_panel.paceLabel.font().pointSizeF() == points
    assert value_text(window)[0] == before


def test_presentation_keeps_its_own_zoom(presenting, qtbot):
    win, _ = presenting
    start = win.presentation.zoom.factor
    action(win, "windowZoomInAction").trigger()
    assert QSettings().value(PRESENTATION_ZOOM_KEY, type=float) == pytest.approx(clamp_zoom(start * ZOOM_STEP))
    assert QSettings().value(ZOOM_KEY) is None  # the usual zoom is untouched
    action(win, "presentationAction").trigger()
    qtbot.waitUntil(lambda: not win.isFullScreen(), timeout=2000)
    assert win.presentation.zoom.factor == 1.0
    action(win, "presentationAction").trigger()
    assert win.presentation.zoom.factor == pytest.approx(clamp_zoom(start * ZOOM_STEP))
    action(win, "presentationAction").trigger()


def test_the_graph_zoom_moved_to_ctrl_alt(window):
    assert window.zoom_in_action.shortcut() == QKeySequence("Ctrl+Alt++")
    assert window.zoom_out_action.shortcut() == QKeySequence("Ctrl+Alt+-")
    assert "mouse wheel" in window.zoom_in_action.toolTip() and "Ctrl +" in window.zoom_in_action.toolTip()
    assert "Ctrl+Alt +" in action(window, "windowZoomInAction").toolTip()


@pytest.mark.parametrize("height, zoom", [(720, 1.25), (800, 1.25), (1080, 1.5), (1440, 2.0), (2160, 2.0)])
def test_presentation_zoom_follows_the_screen(height, zoom):
    assert presentation_zoom_for(height) == zoom


@pytest.mark.parametrize("value, expected", [("abc", 1.0), (None, 1.0), (float("nan"), 1.0), (100, 3.0),
                                             (0.01, 0.7), ("1.21", 1.21)])
def test_a_bad_zoom_in_the_settings_is_clamped(value, expected):
    assert clamp_zoom(value) == expected


def test_high_contrast_is_black_on_white_and_kept(window, isolated_settings):
    high = action(window, "highContrastAction")
    assert high.isCheckable() and not high.isChecked()
    view = window.network_view
    grey = view.node_item(1, 1).pen().color()
    high.trigger()
    assert window.palette().color(QPalette.WindowText).name() == "#000000"
    assert window.training_panel.paceLabel.palette().color(QPalette.WindowText).name() == "#000000"
    assert view.backgroundBrush().color().name() == "#ffffff"
    assert view.node_item(1, 1).pen().color().name() == "#000000" != grey.name()
    assert QSettings().value("view/highContrast") in (True, "true")
    high.trigger()
    assert view.node_item(1, 1).pen().color() == grey


def test_the_legend_never_shrinks_the_graph(shown_window, qtbot):
    view = shown_window.network_view
    for size in ((1280, 720), (1920, 1080), (900, 600)):
        shown_window.resize(*size)
        qtbot.waitUntil(lambda: True)
        view.fit_to_view()
        rect, vp = view.sceneRect(), view.viewport().rect()
        full = min((vp.width() - 4) / rect.width(), (vp.height() - 4) / rect.height())  # fitInView's margin
        assert view.transform().m11() == pytest.approx(min(full, 1.6), rel=0.02)
        if view.legend.isVisible():  # in a corner where it covers no node
            legend = view.legend.geometry()
            for layer, n in enumerate(shown_window.network.layer_sizes):
                for index in range(n):
                    p = view.mapFromScene(view.node_position(layer, index))
                    assert not legend.contains(view.viewport().mapTo(view, p))


def test_the_legend_grows_with_the_zoom(window):
    legend = window.network_view.legend
    before = legend.size()
    window.presentation.set_zoom(1.5)
    assert legend.width() > before.width() * 1.3 and legend.height() > before.height() * 1.3


# ------------------------------------------------------------------ on real screen sizes
MEASURE = r"""
import json, sys
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from nnsim.app import create_main_window
from nnsim.ui.presentation import show_on_start
window = create_main_window(["nnsim", "--lang", sys.argv[1]])
app = QApplication.instance()
show_on_start(window, None)
def settle(ms):  # (QApplication.quit would close the window)
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
settle(300)
free = window.screen().availableGeometry()
first = [window.isMaximized(), window.frameGeometry().size() == free.size(), window.network_view.width() > window.boundary_view.width()]
window.findChild(QAction, "presentationAction").trigger()
settle(500)
view, panel = window.network_view, window.training_panel
heights = [t.boundingRect().height() * view.transform().m22() for t in view._value_texts]
controls = [panel.trainButton, panel.stepButton, panel.stepExampleButton, panel.stepBatchButton, panel.resetButton,
            panel.paceSlider, panel.paceLabel, panel.epochLabel]
cut = [w.objectName() for w in controls
       if not (w.isVisible() and w.visibleRegion().boundingRect().size() == w.size())]
from PySide6.QtWidgets import QDockWidget
confusion, plots = window.findChild(QDockWidget, "confusionDock"), window.findChild(QDockWidget, "plotsDock")
tabbed = window.tabifiedDockWidgets(plots) == [confusion] and not confusion.isFloating()
words = panel.paceLabel.fontMetrics().horizontalAdvance(panel.paceLabel.text()) <= panel.paceLabel.width()
print(json.dumps({"value_px": min(heights), "window": [window.width(), window.height()], "cut": cut,
                  "first": first, "tabbed": tabbed,
                  "words": words, "label_pt": panel.paceLabel.font().pointSizeF()}))
window.context.shutdown()
"""


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("width, height, smallest", [(1920, 1080, 22.0), (1280, 720, 15.0)])
def test_node_values_read_from_the_back_row(tmp_path, width, height, smallest, lang):
    """On a real screen size (an offscreen screen of that size, in a process of its own):
    the node values at least ``smallest`` pixels high (2% of the screen's height), every
    control whole and the pace's words in full."""
    import json
    import os
    import subprocess
    import sys

    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-c", MEASURE, lang], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["window"] == [width, height]
    assert seen["value_px"] >= smallest
    assert seen["first"] == [True, True, True]  # the first start fills the screen, the graph widest
    assert seen["cut"] == [] and seen["words"] and seen["tabbed"]
    assert seen["label_pt"] >= QApplication.font().pointSizeF() * 1.25


def test_the_first_start_is_maximized(window, isolated_settings, qtbot):
    from nnsim.ui.presentation import show_on_start

    show_on_start(window, QSettings())  # nothing saved yet (sizes: test_node_values_read_from_the_back_row)
    qtbot.waitUntil(window.isMaximized, timeout=2000)


def test_a_longer_stop_row_widens_the_training_dock(window, qtbot):
    """"After N epochs" shows a second box beside the choice: the dock grows with it instead
    of cutting the panel's right side off (Spanish "Reiniciar" showed as "Reir")."""
    from PySide6.QtWidgets import QScrollArea

    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    panel = window.training_panel
    scroll = window.findChild(QScrollArea, "trainingDockScroll")
    panel.stopCombo.setCurrentIndex(panel.stopCombo.findData("epochs"))
    panel.stopCombo.activated.emit(panel.stopCombo.currentIndex())
    assert panel.stopEpochsSpin.isVisibleTo(panel)
    qtbot.waitUntil(lambda: scroll.viewport().width() >= panel.minimumSizeHint().width(), timeout=2000)
    for widget in (panel.resetButton, panel.stepButton, panel.stopEpochsSpin):
        qtbot.waitUntil(lambda w=widget: w.visibleRegion().boundingRect().width() == w.width(), timeout=2000)
        assert widget.width() >= widget.minimumSizeHint().width()


def test_no_tab_of_a_hidden_group_stays_over_the_pictures(presenting):
    from PySide6.QtWidgets import QTabBar

    win, _ = presenting
    pictures = win.picture_splitter.geometry()
    for tabs in win.findChildren(QTabBar, options=Qt.FindDirectChildrenOnly):
        if tabs.isVisible() and tabs.count():
            assert not tabs.geometry().intersects(pictures), [tabs.tabText(i) for i in range(tabs.count())]


def test_a_restored_layout_presents_and_closing_keeps_the_usual_one(window, isolated_settings, qtbot):
    """A second start restores the saved docks; presentation mode works on them (Qt crashed
    when the tabs of a restored group were hidden), and closing while presenting keeps the
    usual layout for the next start, not the presentation's."""
    from nnsim.app import create_main_window

    window.show()
    qtbot.waitExposed(window)
    window.close()  # saves the layout
    again = create_main_window([])
    qtbot.addWidget(again)
    assert again._layout_restored
    again.show()
    qtbot.waitExposed(again)
    action(again, "presentationAction").trigger()
    qtbot.waitUntil(again.isFullScreen, timeout=2000)
    assert not dock(again, "parameterDock").isVisible()
    again.close()  # while presenting
    third = create_main_window([])
    qtbot.addWidget(third)
    assert third._layout_restored
    third.show()
    qtbot.waitExposed(third)
    assert third.dockWidgetArea(dock(third, "trainingDock")) == Qt.LeftDockWidgetArea
    assert dock(third, "parameterDock").isVisible() and not third.isFullScreen()
    third.close()
