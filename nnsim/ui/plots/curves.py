"""Live training plots: the loss (``LossPlot``) and, for classification, the accuracy
(``AccuracyPlot``), side by side in ``TrainingPlots`` with a log-scale toggle.

Each plot is created once and fed with ``setData`` from growing buffers (capacity doubles
when full), with downsampling and clip-to-view on, so it stays smooth over a million epochs.
``setData`` keeps a *view* of the arrays it gets: the plots hand it the filled part of a
buffer, and a filled slot is never written again (growth copies into a new array, clearing
starts new arrays), so nothing a plot shows changes under it.

The plots read the training controller's snapshots (``snapshotReceived``: every snapshot's
new history points) and start over on ``historyCleared``. Hovering shows the epoch and the
values under the mouse in the plot's title line, with a vertical line at that epoch.
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QLocale, Qt, QTimer, Slot
from PySide6.QtWidgets import QApplication, QCheckBox, QHBoxLayout, QVBoxLayout, QWidget

from nnsim.ui.number_text import decimal_text, number_text
from nnsim.ui.plots.plot_menu import PlotMenu, locale_axes
from nnsim.ui.plots.scores_label import ScoresLabel
from nnsim.ui.scales import LARGEST_NICE, nice_ceiling

TRAIN_COLOR = "#1f77b4"
TEST_COLOR = "#e8700a"
FOREGROUND = "#333333"
#: curve redraws per second, at most: a plot repaint costs a few ms of the UI thread (and of
#: the GIL the training thread needs), and 10 a second already looks continuous
PLOT_HZ = 10.0


class GrowingBuffer:
    """Two columns (x, y) that grow by appending; ``x()``/``y()`` are views of the filled part.

    Capacity doubles when full. A slot, once filled, is never written again, so the views
    handed out stay valid; ``clear`` starts new arrays instead of reusing the old ones.
    """

    def __init__(self, capacity: int = 1024):
        self._initial = max(16, int(capacity))
        self.clear()

    def clear(self) -> None:
        self._x = np.empty(self._initial)
        self._y = np.empty(self._initial)
        self._n = 0

    def __len__(self) -> int:
        return self._n

    @property
    def capacity(self) -> int:
        return self._x.size

    def append(self, x, y) -> None:
        x = np.asarray(x, dtype=np.float64).ravel()
        y = np.asarray(y, dtype=np.float64).ravel()
        k = x.size
        if k == 0:
            return
        need = self._n + k
        if need > self._x.size:
            capacity = self._x.size
            while capacity < need:
                capacity *= 2
            for name in ("_x", "_y"):
                new = np.empty(capacity)
                new[: self._n] = getattr(self, name)[: self._n]
                setattr(self, name, new)
        self._x[self._n : need] = x
        self._y[self._n : need] = y
        self._n = need

    def x(self) -> np.ndarray:
        view = self._x[: self._n]
        view.flags.writeable = False  # a read-only view; the buffer itself stays writable
        return view

    def y(self) -> np.ndarray:
        view = self._y[: self._n]
        view.flags.writeable = False
        return view


class _Series:
    """One curve: which snapshot arrays feed it, its buffer and its plot item."""

    def __init__(self, key: str, name: str, x_field: str, y_field: str, scale: float, item):
        self.key, self.name = key, name
        self.x_field, self.y_field, self.scale = x_field, y_field, scale
        self.buffer = GrowingBuffer()
        self.item = item

    def append_from(self, snapshot) -> bool:
        x = np.asarray(getattr(snapshot, self.x_field))
        y = np.asarray(getattr(snapshot, self.y_field), dtype=np.float64)
        if x.size == 0:
            return False
        keep = np.isfinite(y)
        if not keep.all():
            x, y = x[keep], y[keep]
        if self.scale != 1.0:
            y = y * self.scale
        self.buffer.append(x, y)
        return x.size > 0


class HistoryPlot(pg.PlotWidget):
    """A live plot of training history. Subclasses say which snapshot fields it shows."""

    #: (key, x field, y field, scale) per series; names and colours come from ``_series_style``
    SERIES: tuple = ()

    def __init__(self, controller=None, parent=None, turn: int | None = None):
        super().__init__(parent=parent, background="w", axisItems=locale_axes())
        self.setMinimumSize(150, 110)  # a 1280x720 screen still fits the whole window (and the scores)
        item = self.plotItem
        # No grid: translucent grid lines cost the raster engine ~4 ms per repaint.
        item.setDownsampling(auto=True, mode="peak")
        item.setClipToView(True)
        for axis in ("left", "bottom"):
            ax = item.getAxis(axis)
            ax.setPen(FOREGROUND)
            ax.setTextPen(FOREGROUND)
        item.setLabel("bottom", self.tr("epoch"))
        self._legend = item.addLegend(offset=(-10, 10), labelTextColor=FOREGROUND, brush=pg.mkBrush(255, 255, 255, 200))
        self.series: dict[str, _Series] = {}
        for key, x_field, y_field, scale in self.SERIES:
            name, color, width = self._series_style(key)
            # No antialiasing: a noisy curve of thousands of points then draws as plain line
            # segments, several times faster than an antialiased path.
            curve = item.plot(name=name, pen=pg.mkPen(color, width=width), skipFiniteCheck=True, antialias=False)
            curve.setDownsampling(auto=True, method="peak")
            # One sample per pixel column (pyqtgraph's default is five): "peak" keeps each
            # column's lowest and highest value, so the picture is the same with a fifth of the
            # segments to draw (measured: 2.1 -> 0.8 ms per repaint at 20,000 epochs).
            curve.opts["autoDownsampleFactor"] = 1.0
            curve.setClipToView(True)
            self.series[key] = _Series(key, name, x_field, y_field, scale, curve)
        self._hover_line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#888888", style=Qt.DashLine))
        self._hover_line.setVisible(False)
        item.addItem(self._hover_line, ignoreBounds=True)
        self.hover_text = ""
        self._title = ""
        # nnsim's own right-click menu, translated (pyqtgraph's is English only)
        self.plot_menu = PlotMenu(self, view_all=self.follow_data, name=type(self).__name__)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.timeout.connect(self.refresh)
        self._last_refresh = -1.0
        # The view follows the data in coarse steps instead of pyqtgraph's auto-range: a range
        # change re-lays out both axes, which triples the cost of a repaint.
        self._follow = True
        self._bounds = None  # (x_max, y_min, y_max) of everything shown, or None
        self._range = None  # (x_hi, y_lo, y_hi) the view was last given
        item.disableAutoRange()
        item.vb.sigRangeChangedManually.connect(self._user_moved_view)
        self.scene().sigMouseMoved.connect(self._mouse_moved)
        # With a turn, running training redraws the curves when the controller says this
        # plot's turn has come (``redrawTurn``), never in the same pass as the graph.
        self._turn = turn
        self._waiting = False  # new points wait for this plot's turn
        if controller is not None:
            controller.snapshotReceived.connect(self.append_snapshot)
            controller.historyCleared.connect(self.clear_history)
            if turn is not None:
                controller.redrawTurn.connect(self._turn_due)
            else:
                self._turn = None

    # ------------------------------------------------------------------ subclasses
    def _series_style(self, key: str):
        """(name, colour, line width) of a series: both plots show a train and a test curve."""
        if key == "train":
            return self.tr("train"), TRAIN_COLOR, 2
        if key == "test":
            return self.tr("test"), TEST_COLOR, 2
        return key, FOREGROUND, 2

    def _format_value(self, key: str, value: float) -> str:
        return number_text(value, 4, self)

    # ------------------------------------------------------------------ data
    @Slot(object)
    def append_snapshot(self, snapshot) -> None:
        """Append a snapshot's new history points; the curves redraw at most PLOT_HZ a second."""
        changed = False
        for series in self.series.values():
            n = len(series.buffer)
            if series.append_from(snapshot):
                changed = True
                self._grow_bounds(series.buffer.x()[n:], series.buffer.y()[n:])
        if self._turn is not None and snapshot.kind == "training":
            self._waiting = self._waiting or changed
        elif (changed or self._waiting) and not self._refresh_timer.isActive():
            wait = self._last_refresh + 1.0 / PLOT_HZ - time.perf_counter()
            self._refresh_timer.start(max(0, int(wait * 1000)))

    @Slot(int)
    def _turn_due(self, turn: int) -> None:
        if turn == self._turn and self._waiting and time.perf_counter() - self._last_refresh >= 0.9 / PLOT_HZ:
            self.refresh()

    def refresh(self) -> None:
        """Hand every curve the filled part of its buffers."""
        self._refresh_timer.stop()
        self._waiting = False
        self._last_refresh = time.perf_counter()
        for series in self.series.values():
            if len(series.buffer):
                series.item.setData(series.buffer.x(), series.buffer.y())
            else:
                series.item.setData([], [])
        self._follow_data()

    # ------------------------------------------------------------------ view range
    def _grow_bounds(self, x, y) -> None:
        if x.size == 0:
            return
        x_max, y_min, y_max = float(x.max()), float(y.min()), float(y.max())
        if self._bounds is not None:
            bx, by0, by1 = self._bounds
            x_max, y_min, y_max = max(bx, x_max), min(by0, y_min), max(by1, y_max)
        self._bounds = (x_max, y_min, y_max)

    def _user_moved_view(self, *_args) -> None:
        self._follow = False

    def follow_data(self, on: bool = True) -> None:
        """Let the view follow the data again (after the user zoomed or panned)."""
        self._follow = bool(on)
        self._range = None
        self._follow_data()

    def _y_range(self, y_min: float, y_max: float):
        """(low, high) of the value axis for data within [y_min, y_max]."""
        top = y_max * 1.05 if y_max > 0 else 1.0
        # finite even for a loss near float's end: pyqtgraph refuses an infinite range
        return (min(0.0, y_min), min(nice_ceiling(top), LARGEST_NICE))

    def _follow_data(self) -> None:
        vb = self.plotItem.vb
        if any(vb.state["autoRange"]):  # the user pressed pyqtgraph's "A" button
            self.plotItem.disableAutoRange()
            self._follow, self._range = True, None
        if not self._follow or self._bounds is None:
            return
        x_max, y_min, y_max = self._bounds
        x_hi = self._range[0] if self._range else 0.0
        if x_max > x_hi or self._range is None:
            x_hi = nice_ceiling(max(10.0, x_max * 1.1))
        y_lo, y_hi = self._y_range(y_min, y_max)
        new = (x_hi, y_lo, y_hi)
        if new != self._range:
            self._range = new
            vb.setRange(xRange=(0, x_hi), yRange=(y_lo, y_hi), padding=0.02)

    @Slot()
    def clear_history(self) -> None:
        for series in self.series.values():
            series.buffer.clear()
        self.refresh()
        self._hover_line.setVisible(False)
        self.hover_text = ""
        self.plotItem.setTitle(self._title, color=FOREGROUND, size=self._title_size())
        self._bounds = self._range = None
        self._follow = True

    def _title_size(self) -> str:
        """The title's size: 10 points at the window's usual font, more at a larger zoom."""
        app = QApplication.instance()
        base = app.font().pointSizeF() if app is not None else 0.0
        scale = self.font().pointSizeF() / base if base > 0 else 1.0
        return f"{10 * scale:.3g}pt"

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:  # the window zoom: the title follows
            title = getattr(self, "hover_text", "") or getattr(self, "_title", "")
            self.plotItem.setTitle(title, color=FOREGROUND, size=self._title_size())

    def point_count(self, key: str) -> int:
        return len(self.series[key].buffer)

    # ------------------------------------------------------------------ hover
    def set_title(self, title: str) -> None:
        self._title = title
        self.plotItem.setTitle(title, color=FOREGROUND, size=self._title_size())

    def _mouse_moved(self, pos) -> None:
        vb = self.plotItem.vb
        if not vb.sceneBoundingRect().contains(pos):
            self._hover_line.setVisible(False)
            self.plotItem.setTitle(self._title, color=FOREGROUND, size=self._title_size())
            return
        self.show_hover_at(vb.mapSceneToView(pos).x())

    def show_hover_at(self, epoch: float) -> str:
        """Show the values at the epoch nearest to ``epoch``; returns the text shown."""
        parts, at = [], None
        for series in self.series.values():
            x = series.buffer.x()
            if x.size == 0:
                continue
            k = int(np.clip(np.searchsorted(x, epoch), 0, x.size - 1))
            if k > 0 and abs(x[k - 1] - epoch) <= abs(x[k] - epoch):
                k -= 1
            if at is None:
                at = x[k]
            parts.append(f"{series.name} {self._format_value(series.key, series.buffer.y()[k])}")
        if at is None:
            return ""
        text = self.tr("epoch {0}").format(self.locale().toString(int(at))) + ":  " + ",  ".join(parts)
        self._hover_line.setPos(at)
        self._hover_line.setVisible(True)
        self.plotItem.setTitle(text, color=FOREGROUND, size=self._title_size())
        self.hover_text = text
        return text


class LossPlot(HistoryPlot):
    """Train and test loss per epoch (``lossPlot``). The train curve is the mean batch loss
    of every epoch; the test curve is the full test set's loss at the snapshot rate."""

    SERIES = (
        ("train", "epochs", "train_loss", 1.0),
        ("test", "eval_epochs", "test_loss", 1.0),
    )

    def __init__(self, controller=None, parent=None, turn: int | None = None):
        super().__init__(controller, parent, turn)
        self.setObjectName("lossPlot")
        self.setAccessibleName(self.tr("Loss per epoch"))
        self.setToolTip(self.tr("Loss per epoch: how wrong the network is on the training examples (train) "
                                "and on examples it never learns from (test). Lower is better."))
        self.plotItem.setLabel("left", self.tr("loss"))
        self.set_title(self.tr("Loss"))
        self.log_y = False

    def set_log_y(self, on: bool) -> None:
        """A logarithmic loss axis: late, small improvements stay visible."""
        self.log_y = bool(on)
        self.plotItem.setLogMode(x=False, y=self.log_y)
        self._range = None
        self._follow_data()

    def _y_range(self, y_min, y_max):
        if not self.log_y:
            return super()._y_range(y_min, y_max)
        # in log mode the view works in log10 units; step by half decades
        lo = np.floor(2 * np.log10(max(y_min, 1e-12))) / 2
        hi = np.ceil(2 * np.log10(max(y_max, 1e-12))) / 2
        return (float(lo), float(max(hi, lo + 0.5)))


class AccuracyPlot(HistoryPlot):
    """Train and test accuracy in percent (``accuracyPlot``), for classification."""

    SERIES = (
        ("train", "eval_epochs", "train_accuracy", 100.0),
        ("test", "eval_epochs", "test_accuracy", 100.0),
    )

    def __init__(self, controller=None, parent=None, turn: int | None = None):
        super().__init__(controller, parent, turn)
        self.setObjectName("accuracyPlot")
        self.setAccessibleName(self.tr("Accuracy per epoch"))
        self.setToolTip(self.tr("Share of examples the network classifies correctly, on the training "
                                "examples and on the test examples. Higher is better."))
        self.plotItem.setLabel("left", self.tr("accuracy (%)"))
        self.plotItem.setYRange(0, 100, padding=0.03)
        self.set_title(self.tr("Accuracy"))

    def _y_range(self, y_min, y_max):
        return (0.0, 100.0)

    def _format_value(self, key, value):
        return decimal_text(value, 1, self) + " %"


class TrainingPlots(QWidget):
    """The loss plot and (for classification) the accuracy plot, with a log-scale toggle;
    given a ``PredictionFeed``, the current scores in large numbers beside them
    (``accuracyLabel``)."""

    def __init__(self, controller, parent=None, feed=None):
        super().__init__(parent)
        self.setObjectName("trainingPlots")
        self.setAccessibleName(self.tr("Training plots"))
        self.controller = controller
        self.loss_plot = LossPlot(controller, turn=0)
        self.accuracy_plot = AccuracyPlot(controller, turn=1)
        self.logScaleCheck = QCheckBox(self.tr("Log scale"))
        self.logScaleCheck.setObjectName("logScaleCheck")
        self.logScaleCheck.setAccessibleName(self.tr("Logarithmic loss axis"))
        self.logScaleCheck.setToolTip(self.tr("Show the loss on a logarithmic axis, so small late "
                                              "improvements stay visible"))
        self.logScaleCheck.toggled.connect(self.loss_plot.set_log_y)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.logScaleCheck)
        plots = QHBoxLayout()
        self.accuracy_label = ScoresLabel(feed) if feed is not None else None
        if self.accuracy_label is not None:
            plots.addWidget(self.accuracy_label)
        plots.addWidget(self.loss_plot, 1)
        plots.addWidget(self.accuracy_plot, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.addLayout(top)
        layout.addLayout(plots, 1)
        controller.document.dataChanged.connect(self._data_changed)
        self._data_changed()

    @Slot()
    def _data_changed(self) -> None:
        data = self.controller.document.data
        self.accuracy_plot.setVisible(data is None or bool(data.is_classification))
