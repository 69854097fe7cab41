"""The window in front of a class: the zoom of the whole window, presentation mode, high
contrast, and the first start on the whole screen.

- ``WindowZoom``: one factor for every font and line of a window. It sets the window's font
  (every widget that keeps the inherited size follows it, the network graph included: its
  text, nodes and lines grow with its font), scales the widgets that chose a size of their
  own (the large numbers, the epoch) from the size they had at zoom 1, the menus, and the
  plots' texts and curves.
- ``Presentation``: the View actions ``presentationAction`` (F11; Esc leaves),
  ``highContrastAction``, ``windowZoomInAction`` (Ctrl +), ``windowZoomOutAction`` (Ctrl -),
  ``windowZoomResetAction``. Presentation mode is full screen at a larger zoom, with the
  settings hidden: the graph and the decision boundary take the screen, under them the
  Train / Step / Reset / pace controls, the loss and the scores, and the confusion matrix.
  Leaving puts the docks, the window's size and the zoom back as they were. Each mode keeps
  its own zoom in QSettings (``ZOOM_KEY``, ``PRESENTATION_ZOOM_KEY``), high contrast too.
- ``show_on_start(window)``: maximized at a first start (no saved geometry), else as saved.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QDockWidget, QGroupBox, QMainWindow, QMenu, QTabBar, QWidget

from nnsim.training.pace import PACES

#: QSettings keys: the zoom of the window as usual, the zoom in presentation, high contrast
ZOOM_KEY = "view/zoom"
PRESENTATION_ZOOM_KEY = "view/presentationZoom"
HIGH_CONTRAST_KEY = "view/highContrast"
#: one Ctrl + or Ctrl - multiplies or divides the zoom by this
ZOOM_STEP = 1.1
MIN_ZOOM, MAX_ZOOM = 0.7, 3.0
#: a widget's own font size at zoom 1 (points), kept on the widget the first time it is zoomed
BASE_POINTS = "nnsimBasePoints"
#: QFont's resolve-mask bit for an explicitly chosen size (QFont::SizeResolved)
SIZE_RESOLVED = 0x2
#: docks that stay in presentation mode (the rest are settings and explanations)
PRESENTATION_DOCKS = ("trainingDock", "plotsDock", "confusionDock")
#: in presentation mode the row of controls and plots is at least this share of the screen's height
ROW_SHARE = 0.22
#: the graph's share of the width it shares with the decision boundary, at the start
GRAPH_SHARE = 0.62


def presentation_zoom_for(screen_height: int) -> float:
    """The zoom presentation mode starts with on a screen this many pixels high: 1.25 up to
    900 pixels (a 1280x720 projector), 1.5 at 1080, 2 at 1440 and above."""
    return round(min(2.0, max(1.25, screen_height / 720)), 2)


def clamp_zoom(value) -> float:
    try:
        value = float(value)
    except (TypeError, ValueError):
        return 1.0
    if not value == value:  # NaN
        return 1.0
    return round(min(MAX_ZOOM, max(MIN_ZOOM, value)), 4)


def scale_plot(plot: pg.PlotWidget, scale: float) -> None:
    """A pyqtgraph plot's texts (ticks, axis labels, legend) and curves at ``scale`` times
    their usual size: pyqtgraph draws them with fonts of its own, not the widget's."""
    font = QFont(plot.font())
    item = plot.getPlotItem()
    for name in ("left", "bottom", "right", "top"):
        axis = item.getAxis(name) if name in item.axes else None
        if axis is None:
            continue
        axis.setStyle(tickFont=font, tickLength=round(-5 * scale))
        axis.label.setFont(font)
        axis.setPen(axis.pen().color(), width=scale)
        axis.setTextPen(axis.textPen().color())
        axis._updateLabel()  # noqa: SLF001 - pyqtgraph lays the label out only here
    legend = item.legend
    if legend is not None:
        legend.setLabelTextSize(f"{9 * scale:.3g}pt")
        for _, label in legend.items:
            label.setText(label.text)  # pyqtgraph sets the size only for the next text
    for data in item.listDataItems():
        pen = pg.mkPen(data.opts.get("pen"))
        base = getattr(data, "_nnsim_base_width", None)
        if base is None:
            base = pen.widthF() / getattr(plot, "_nnsim_scale", 1.0)
            data._nnsim_base_width = base
        if base > 0:
            pen.setWidthF(base * scale)
            data.setPen(pen)
    plot._nnsim_scale = scale


class WindowZoom:
    """Every font and line of ``window`` at ``factor`` times the application's size."""

    def __init__(self, window: QWidget):
        self.window = window
        self.factor = 1.0

    def apply(self, factor: float) -> None:
        factor = clamp_zoom(factor)
        previous, self.factor = self.factor, factor
        points = QApplication.font().pointSizeF()
        font = QFont(self.window.font())
        font.setPointSizeF(points * factor)
        self.window.setFont(font)  # every widget that keeps the inherited size follows
        for widget in self.window.findChildren(QWidget):
            if isinstance(widget, QMenu):  # a menu is a window of its own: fonts do not reach it
                base = points
            elif widget.testAttribute(Qt.WA_SetFont) and widget.font().resolveMask() & SIZE_RESOLVED:
                base = widget.property(BASE_POINTS)
                if base is None:  # made at the zoom in force before this one
                    base = widget.font().pointSizeF() / previous
            else:
                continue
            if base is None or base <= 0:
                continue
            widget.setProperty(BASE_POINTS, float(base))
            own = QFont(widget.font())
            own.setPointSizeF(float(base) * factor)
            widget.setFont(own)
        for plot in self.window.findChildren(pg.PlotWidget):
            scale_plot(plot, factor)


def high_contrast_palette() -> QPalette:
    """Black on white, a dark blue selection: every text as dark as it can be."""
    palette = QPalette(QApplication.palette())
    for group in (QPalette.Active, QPalette.Inactive):
        for role, colour in ((QPalette.Window, "#ffffff"), (QPalette.WindowText, "#000000"),
                             (QPalette.Base, "#ffffff"), (QPalette.AlternateBase, "#eeeeee"),
                             (QPalette.Text, "#000000"), (QPalette.Button, "#e6e6e6"),
                             (QPalette.ButtonText, "#000000"), (QPalette.Highlight, "#003b8e"),
                             (QPalette.HighlightedText, "#ffffff"), (QPalette.ToolTipBase, "#ffffff"),
                             (QPalette.ToolTipText, "#000000"), (QPalette.PlaceholderText, "#333333"),
                             (QPalette.Mid, "#555555"), (QPalette.Dark, "#333333"), (QPalette.Shadow, "#000000")):
            palette.setColor(group, role, QColor(colour))
    return palette


class Presentation(QObject):
    """Presentation mode, high contrast and the window zoom of a ``MainWindow``."""

    def __init__(self, window: QMainWindow, settings: QSettings | None):
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.zoom = WindowZoom(window)
        self._saved: dict | None = None  # what presentation mode changed, to put back on leaving
        self.presentationAction = self._action(
            "presentationAction", self.tr("&Presentation mode"), "F11",
            self.tr("Full screen, everything larger, the settings hidden: for the front of a class "
               "(F11 or Esc leaves)"), self.set_presenting, checkable=True)
        self.highContrastAction = self._action(
            "highContrastAction", self.tr("&High contrast"), None,
            self.tr("Black texts and outlines on white, stronger edges: for a pale projector"),
            self.set_high_contrast, checkable=True)
        self.zoomInAction = self._action(
            "windowZoomInAction", self.tr("&Larger text"), QKeySequence.ZoomIn,
            self.tr("Every text and line of the window larger, the graph's too (Ctrl +); the graph alone "
               "zooms with the mouse wheel or Ctrl+Alt +"), lambda: self.step_zoom(1))
        self.zoomInAction.setShortcuts([QKeySequence(QKeySequence.ZoomIn), QKeySequence("Ctrl+=")])
        self.zoomOutAction = self._action(
            "windowZoomOutAction", self.tr("&Smaller text"), QKeySequence.ZoomOut,
            self.tr("Every text and line of the window smaller, the graph's too (Ctrl -); the graph alone "
               "zooms with the mouse wheel or Ctrl+Alt -"), lambda: self.step_zoom(-1))
        self.zoomResetAction = self._action(
            "windowZoomResetAction", self.tr("&Normal text size"), None,
            self.tr("Texts and lines at their usual size"), self.reset_zoom)
        window.installEventFilter(self)  # Esc leaves presentation mode
        # The graph gets the most room: more than the decision boundary beside it, whatever
        # the window's width (the boundary's plot is square and needs less).
        window.picture_splitter.setStretchFactor(0, 3)
        window.picture_splitter.setStretchFactor(1, 2)
        self._first_show = True
        high = self._read(HIGH_CONTRAST_KEY, False)
        if high in (True, "true", "1", 1):
            self.highContrastAction.setChecked(True)
            self.set_high_contrast(True)
        zoom = self.normal_zoom()
        if zoom != 1.0:
            self.zoom.apply(zoom)

    def _action(self, name, text, shortcut, tip, slot, checkable=False) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.setCheckable(checkable)
        action.setShortcutContext(Qt.WindowShortcut)
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(slot)
        self.window.addAction(action)  # its shortcut works while the menu bar is hidden too
        return action

    def add_to_menu(self, menu: QMenu) -> None:
        """Put the actions at the top of ``menu`` (View)."""
        first = menu.actions()[0] if menu.actions() else None
        for action in (self.presentationAction, self.highContrastAction, None,
                       self.zoomInAction, self.zoomOutAction, self.zoomResetAction, None):
            if action is None:
                menu.insertSeparator(first) if first is not None else menu.addSeparator()
            elif first is not None:
                menu.insertAction(first, action)
            else:
                menu.addAction(action)

    def first_show(self) -> None:
        """Called when the window first shows: the graph takes GRAPH_SHARE of the pictures'
        width (the splitter is no part of the saved layout)."""
        if self._first_show:
            self._first_show = False
            QTimer.singleShot(0, self._share_pictures)

    def _share_pictures(self) -> None:
        w = self.window
        splitter = w.picture_splitter
        if not w.boundary_view.isVisible() or self.presenting:
            return
        total = splitter.width()
        side = max(w.boundary_view.minimumSizeHint().width(), round(total * (1 - GRAPH_SHARE)))
        splitter.setSizes([max(0, total - side), side])

    # ------------------------------------------------------------ settings
    def _read(self, key, default):
        return default if self.settings is None else self.settings.value(key, default)

    def _write(self, key, value) -> None:
        if self.settings is not None:
            self.settings.setValue(key, value)

    def normal_zoom(self) -> float:
        return clamp_zoom(self._read(ZOOM_KEY, 1.0))

    def presentation_zoom(self) -> float:
        screen = self.window.screen()
        default = presentation_zoom_for(screen.geometry().height() if screen is not None else 1080)
        return clamp_zoom(self._read(PRESENTATION_ZOOM_KEY, default))

    # ------------------------------------------------------------ zoom
    @property
    def presenting(self) -> bool:
        return self._saved is not None

    def set_zoom(self, factor: float) -> None:
        """The zoom of the mode in force, kept for the next time."""
        factor = clamp_zoom(factor)
        self._write(PRESENTATION_ZOOM_KEY if self.presenting else ZOOM_KEY, factor)
        self.zoom.apply(factor)
        if self.presenting:
            QTimer.singleShot(0, self._arrange)

    def step_zoom(self, steps: int) -> None:
        self.set_zoom(self.zoom.factor * ZOOM_STEP ** steps)

    def reset_zoom(self) -> None:
        self.set_zoom(presentation_zoom_for(self.window.screen().geometry().height())
                      if self.presenting and self.window.screen() is not None else 1.0)

    # ------------------------------------------------------------ high contrast
    def set_high_contrast(self, on: bool) -> None:
        on = bool(on)
        self._write(HIGH_CONTRAST_KEY, on)
        self.window.setPalette(high_contrast_palette() if on else QPalette())
        self.window.network_view.set_high_contrast(on)
        if self.highContrastAction.isChecked() != on:
            self.highContrastAction.setChecked(on)

    # ------------------------------------------------------------ presentation mode
    def set_presenting(self, on: bool) -> None:
        if bool(on) == self.presenting:
            return
        if on:
            self.enter()
        else:
            self.leave()

    def _docks(self) -> dict[str, QDockWidget]:
        return {dock.objectName(): dock for dock in self.window.findChildren(QDockWidget)}

    def enter(self) -> None:
        w = self.window
        docks = self._docks()
        settings_box = w.training_panel.findChild(QGroupBox, "trainingSettingsBox")
        self._saved = {
            "state": w.saveState(), "geometry": w.saveGeometry(), "splitter": w.picture_splitter.saveState(),
            "maximized": w.isMaximized(), "full_screen": w.isFullScreen(), "size": w.size(), "pos": w.pos(),
            "bars": [(bar, bar.isVisible()) for bar in (w.structure_toolbar, w.statusBar())],
            "settings_box": settings_box,
        }
        for name, dock in docks.items():
            if name not in PRESENTATION_DOCKS:
                # out of its tab group, not only hidden: the tabs of a group of hidden docks
                # would stay on screen (restoreState docks them again on leaving)
                dock.hide()
                dock.setFloating(True)
        for bar, _ in self._saved["bars"]:
            bar.hide()
        if settings_box is not None:
            settings_box.hide()
        training, plots, confusion = (docks[name] for name in PRESENTATION_DOCKS)
        # One row under the pictures: the controls, then the loss and the scores with the
        # confusion matrix in a tab behind them (side by side, both would be too small).
        w.addDockWidget(Qt.BottomDockWidgetArea, training)
        w.splitDockWidget(training, plots, Qt.Horizontal)
        w.addDockWidget(Qt.BottomDockWidgetArea, confusion)  # out of its group with "What if?"
        w.tabifyDockWidget(plots, confusion)
        for dock in (training, plots, confusion):
            dock.show()
            dock.setTitleBarWidget(QWidget())  # the titles take height the pictures need
        plots.raise_()
        self.zoom.apply(self.presentation_zoom())
        w.showFullScreen()
        self._arrange()
        QTimer.singleShot(0, self._arrange)  # again once the window has its full-screen size
        if not self.presentationAction.isChecked():
            self.presentationAction.setChecked(True)

    def _arrange(self) -> None:
        """Sizes in presentation mode: the row of controls as low as its contents allow, as
        wide as the pace's words, the graph wider than the (square) decision boundary."""
        if not self.presenting:
            return
        w = self.window
        docks = self._docks()
        training, plots = docks["trainingDock"], docks["plotsDock"]
        panel = w.training_panel
        screen = w.screen().geometry().height() if w.screen() is not None else w.height()
        row = max(panel.sizeHint().height(), panel.minimumSizeHint().height(), round(screen * ROW_SHARE)) + 8
        w.resizeDocks([training], [row], Qt.Vertical)
        metrics = panel.paceLabel.fontMetrics()
        words = max(metrics.horizontalAdvance(panel.pace_text(pace)) for pace in PACES)  # the longest pace
        controls = max(panel.sizeHint().width(), words + 24) + 16
        w.resizeDocks([training, plots], [controls, max(200, w.width() - controls)], Qt.Horizontal)
        splitter = w.picture_splitter
        if w.boundary_view.isVisible():
            total = splitter.width()
            side = min(round(total * 0.42), round(splitter.height() * 0.85))
            splitter.setSizes([total - side, side])
        self._move_stale_tabs()

    def _move_stale_tabs(self) -> None:
        """Qt leaves the tab bars of the groups taken apart (the neuron and its update,
        "What if?") on screen, under the pictures: out of sight with them. (Hiding one that Qt
        still counts as used crashes it; it places them again when it reuses them.)"""
        w = self.window
        hidden = {dock.windowTitle() for name, dock in self._docks().items() if name not in PRESENTATION_DOCKS}
        for tabs in w.findChildren(QTabBar, options=Qt.FindDirectChildrenOnly):
            if any(tabs.tabText(i) in hidden for i in range(tabs.count())):
                tabs.move(-10 * max(1, tabs.width()), -10 * max(1, tabs.height()))
        # (a bar Qt reuses for the new group may still have held the old tabs: the next
        # layout pass places the bars in use again)
        w.layout().invalidate()

    def leave(self) -> None:
        saved, self._saved = self._saved, None
        if saved is None:
            return
        w = self.window
        for dock in self._docks().values():
            if dock.titleBarWidget() is not None:
                old = dock.titleBarWidget()
                dock.setTitleBarWidget(None)
                old.deleteLater()
        if saved["settings_box"] is not None:
            saved["settings_box"].show()
        for bar, visible in saved["bars"]:
            bar.setVisible(visible)
        self.zoom.apply(self.normal_zoom())
        if saved["full_screen"]:
            pass
        elif saved["maximized"]:
            w.showMaximized()
        else:
            w.showNormal()
        w.restoreGeometry(saved["geometry"])
        if not (saved["maximized"] or saved["full_screen"]):  # exactly as it was (restoreGeometry
            w.resize(saved["size"])  # may fit the window to the screen)
            w.move(saved["pos"])
        w.restoreState(saved["state"])
        w.picture_splitter.restoreState(saved["splitter"])
        if self.presentationAction.isChecked():
            self.presentationAction.setChecked(False)

    def eventFilter(self, watched, event):  # noqa: N802 (Qt)
        # An Esc that no widget took (a weight being typed keeps its own) leaves presentation.
        if watched is self.window and event.type() == QEvent.KeyPress and event.key() == Qt.Key_Escape \
                and self.presenting:
            self.leave()
            return True
        return False


def show_on_start(window: QMainWindow, settings: QSettings | None) -> None:
    """Show the window maximized at a first start (no geometry saved yet), else as saved."""
    saved = settings.value("mainWindow/geometry") if settings is not None else None
    if saved is None:
        screen = window.screen()
        if screen is not None:
            window.setGeometry(screen.availableGeometry())
        window.showMaximized()
    else:
        window.show()
