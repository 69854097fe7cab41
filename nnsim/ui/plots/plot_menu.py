"""What the plots share with the rest of the window: numbers on their axes in the window's
language ("0,45" in Spanish: ``LocaleAxis``) and a context menu of nnsim's own, translated
(``PlotMenu``: View all, Export as PNG…, Copy picture) in place of pyqtgraph's English one
(its "View All", "Mouse Mode", "Plot Options", "Export...", which cannot be translated)."""

from __future__ import annotations

from pathlib import Path

import math

import pyqtgraph as pg
from PySide6.QtCore import QObject, QPoint, QStandardPaths, Qt, Slot
from PySide6.QtGui import QAction, QFontMetricsF, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from nnsim.ui.number_text import locale_of


class LocaleAxis(pg.AxisItem):
    """A pyqtgraph axis whose tick labels use the decimal mark of the view's locale (the
    window's language) and a real minus sign: "−0,5  0  0,5" in Spanish."""

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph)
        strings = super().tickStrings(values, scale, spacing)
        mark = locale_of(self).decimalPoint()
        if mark != ".":
            strings = [s.replace(".", mark) for s in strings]
        return [s.replace("-", "\u2212") if s.startswith("-") else s for s in strings]

    # A small plot on a projector (large fonts, a narrow dock) has no room for pyqtgraph's
    # usual number of ticks: "200400600800" ran together. Along a horizontal axis the ticks
    # are spread so that each label has its width plus two digits of space.
    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802, N803 (pyqtgraph)
        levels = super().tickSpacing(minVal, maxVal, size)
        if self.orientation not in ("bottom", "top") or not levels or size <= 0 or not maxVal > minVal:
            return levels
        spacing = levels[0][0]
        if self.labels_fit(minVal, maxVal, size, spacing):
            return levels
        for _ in range(60):
            spacing = next_round_step(spacing)
            if self.labels_fit(minVal, maxVal, size, spacing):
                break
        return [(spacing, 0)]  # one level: the minor ticks' labels would crowd it again

    def labels_fit(self, low: float, high: float, size: float, spacing: float) -> bool:
        """Whether the labels of ticks every ``spacing`` between ``low`` and ``high`` fit in
        ``size`` pixels, each with its width and two digits of space, and pyqtgraph will draw them."""
        first = math.ceil(low / spacing) * spacing
        values = [first + k * spacing for k in range(int((high - first) / spacing) + 1)]
        if len(values) <= 1:
            return True
        metrics = QFontMetricsF(self.style.get("tickFont") or self.font())
        widest = max(metrics.horizontalAdvance(text) for text in self.tickStrings(values, 1.0, spacing))
        return (len(values) - 1) * (widest + metrics.horizontalAdvance("00")) <= size

    # The axis title is cut to the axis's length with an ellipsis ("ancho del sépalo (cm)
    # (estandari…") rather than run past the picture's edge; ``labelText`` keeps the whole.
    def labelString(self) -> str:  # noqa: N802 (pyqtgraph)
        whole = self.labelText
        size = self.size()
        length = size.width() if self.orientation in ("bottom", "top") else size.height()
        if not whole or length <= 0 or self.label is None:
            return super().labelString()
        shown = QFontMetricsF(self.label.font()).elidedText(whole, Qt.ElideRight, max(20.0, length - 8))
        if shown == whole:
            return super().labelString()
        self.labelText = shown
        try:
            return super().labelString()
        finally:
            self.labelText = whole

    def resizeEvent(self, ev=None):  # noqa: N802 (pyqtgraph)
        if self.label is not None and self.labelText:
            html = self.labelString()
            if html != getattr(self, "_shown_label", None):
                self._shown_label = html
                self.label.setHtml(html)
        super().resizeEvent(ev)


def next_round_step(step: float) -> float:
    """The next tick step of the 1, 2, 5, 10, 20... sequence after ``step``."""
    power = 10.0 ** math.floor(math.log10(step))
    for factor in (2.0, 5.0, 10.0):
        if factor * power > step * (1 + 1e-9):
            return factor * power
    return 20.0 * power


def locale_axes() -> dict:
    """``axisItems`` for a ``pg.PlotWidget``: the left and bottom axes in the window's locale."""
    return {"left": LocaleAxis("left"), "bottom": LocaleAxis("bottom")}


class PlotMenu(QObject):
    """The right-click menu of ``plot`` (a ``pg.PlotWidget``): pyqtgraph's own menus are
    switched off. ``view_all`` (optional) is what "View all" does (default: the plot's
    auto range); ``name`` starts the file name the picture is offered under."""

    def __init__(self, plot: pg.PlotWidget, view_all=None, name: str = "plot"):
        super().__init__(plot)
        self.setObjectName("plotMenu")
        self.plot = plot
        self._view_all = view_all
        self._name = name
        plot.getPlotItem().setMenuEnabled(False)
        # pyqtgraph's scene keeps an English "Export..." for a menu of its own that this one
        # replaces (it never shows): dropped, so the window holds no English text
        scene = plot.scene()
        for action in getattr(scene, "contextMenu", []):
            action.setParent(None)  # nothing else holds it: gone with the list
        scene.contextMenu = []
        plot.setContextMenuPolicy(Qt.CustomContextMenu)
        plot.customContextMenuRequested.connect(self._show)
        self.view_all_action = QAction(self.tr("View all"), self)
        self.view_all_action.setObjectName("plotViewAllAction")
        self.view_all_action.setToolTip(self.tr("Zoom out to show everything the plot holds"))
        self.view_all_action.triggered.connect(self.view_all)
        self.export_action = QAction(self.tr("Export as PNG…"), self)
        self.export_action.setObjectName("plotExportPngAction")
        self.export_action.setToolTip(self.tr("Save a picture of this plot as a PNG file"))
        self.export_action.triggered.connect(self.export_png)
        self.copy_action = QAction(self.tr("Copy picture"), self)
        self.copy_action.setObjectName("plotCopyAction")
        self.copy_action.setToolTip(self.tr("Copy a picture of this plot, to paste into a worksheet"))
        self.copy_action.triggered.connect(self.copy_picture)

    def menu(self) -> QMenu:
        """A fresh menu with the plot's actions (the caller shows it)."""
        menu = QMenu(self.plot)
        menu.setObjectName("plotContextMenu")
        menu.addAction(self.view_all_action)
        menu.addSeparator()
        menu.addAction(self.export_action)
        menu.addAction(self.copy_action)
        return menu

    @Slot(QPoint)
    def _show(self, pos: QPoint) -> None:
        menu = self.menu()
        menu.setAttribute(Qt.WA_DeleteOnClose)
        menu.popup(self.plot.mapToGlobal(pos))

    @Slot()
    def view_all(self) -> None:
        if self._view_all is not None:
            self._view_all()
        else:
            self.plot.getPlotItem().autoRange()

    @Slot()
    def copy_picture(self) -> None:
        QGuiApplication.clipboard().setPixmap(self.plot.grab())

    def _folder(self) -> str:
        return QStandardPaths.writableLocation(QStandardPaths.PicturesLocation) or str(Path.home())

    @Slot()
    def export_png(self) -> bool:
        """Ask where, then save a picture of the plot there; True when a file was written."""
        path, _ = QFileDialog.getSaveFileName(self.plot, self.tr("Export the plot as a picture"),
                                              str(Path(self._folder()) / f"{self._name}.png"),
                                              self.tr("PNG pictures (*.png)"))
        if not path:
            return False
        if not path.lower().endswith(".png"):
            path += ".png"
        return self.save_png(path)

    def save_png(self, path) -> bool:
        """Save a picture of the plot to ``path``; a failure is said in a message box."""
        if self.plot.grab().save(str(path), "PNG"):
            return True
        QMessageBox.warning(self.plot, self.tr("Could not save the picture"),
                            self.tr("nnsim could not write «{0}». Is the folder there, and may nnsim "
                                    "write in it?").format(str(path)))
        return False
