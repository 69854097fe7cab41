"""The decision boundary: what the network answers everywhere on the plane of a 2-D data set.

The background is a heatmap of the network's output over the (standardized) input plane; the
examples sit on top as dots coloured by their true class, training examples filled and test
examples hollow. A dot on a background of its own colour is answered right. When the data
set has two classes the colour fades to white where the network is unsure (P = 0.5), and a
dark line marks the boundary itself; for a regression plane the background is the predicted
value.

While training is paused the view computes the picture itself (``nnsim.core.grid``), at most
about 30 times a second however fast parameters change. While training runs the worker
computes the same picture and the controller hands it over with ``show_grid``.
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from nnsim.core.grid import DEFAULT_RESOLUTION, boundary_image, plane_extent
from nnsim.ui.rich_text import html_text

#: Okabe & Ito's colour-blind safe palette (blue, orange, green, purple, sky, vermillion,
#: yellow, black); class k gets colour k (cycling after eight).
CLASS_COLOURS = np.array(
    [
        (0x00, 0x72, 0xB2),
        (0xE6, 0x9F, 0x00),
        (0x00, 0x9E, 0x73),
        (0xCC, 0x79, 0xA7),
        (0x56, 0xB4, 0xE9),
        (0xD5, 0x5E, 0x00),
        (0xF0, 0xE4, 0x42),
        (0x00, 0x00, 0x00),
    ],
    dtype=np.float64,
)
#: how strongly the background takes a class colour where the network is sure (the rest is
#: white), so the dots on top stay visible
BACKGROUND_STRENGTH = 0.5
REDRAW_INTERVAL_MS = 33  # at most ~30 pictures a second
#: after a snapshot of running training, leave the pictures to the worker for this long
LIVE_HOLD_S = 0.5
WHITE = np.array([255.0, 255.0, 255.0])


def class_colours(k: int) -> np.ndarray:
    """(k, 3) RGB floats 0..255 for k classes."""
    return CLASS_COLOURS[np.arange(k) % len(CLASS_COLOURS)]


def value_colours(values: np.ndarray, low: float, high: float) -> np.ndarray:
    """Viridis RGB (…, 3) floats for values mapped from [low, high] (clipped)."""
    span = high - low if high > low else 1.0
    t = np.clip((np.asarray(values, dtype=np.float64) - low) / span, 0.0, 1.0)
    rgba = pg.colormap.get("viridis").map(t.ravel(), mode="float")
    return (np.asarray(rgba)[:, :3] * 255.0).reshape(t.shape + (3,))


def colour_image(image: np.ndarray, classification: bool, value_range=(0.0, 1.0)) -> np.ndarray:
    """RGB uint8 (res, res, 3) for a ``boundary_image`` (res, res, k).

    Classification with one or two outputs: a diverging map of P(class 1), white at 0.5.
    Three or more: the predicted class's colour, paler where the network is less sure.
    Regression: the first output through viridis over ``value_range``.
    """
    image = np.asarray(image, dtype=np.float64)
    k = image.shape[-1]
    if not classification:
        rgb = value_colours(image[..., 0], *value_range)
        rgb = WHITE + (rgb - WHITE) * 0.8
    elif k <= 2:
        p1 = image[..., 0] if k == 1 else image[..., 1]
        t = np.clip(2.0 * p1 - 1.0, -1.0, 1.0)[..., None]
        c0, c1 = class_colours(2)
        colour = np.where(t >= 0, c1, c0)
        rgb = WHITE + (colour - WHITE) * (np.abs(t) * BACKGROUND_STRENGTH)
    else:
        cls = image.argmax(axis=-1)
        pmax = image.max(axis=-1)
        sure = np.clip((pmax - 1.0 / k) / (1.0 - 1.0 / k), 0.0, 1.0)[..., None]
        rgb = WHITE + (class_colours(k)[cls] - WHITE) * (0.15 + 0.85 * sure) * BACKGROUND_STRENGTH
    rgb = np.nan_to_num(rgb, nan=128.0)
    return np.clip(np.rint(rgb), 0, 255).astype(np.uint8)


def boundary_lines(p1: np.ndarray, extent) -> tuple[np.ndarray, np.ndarray]:
    """The 50/50 line of a (res, res) probability image as x and y arrays (NaN between pieces)."""
    res_y, res_x = p1.shape
    x0, x1, y0, y1 = extent
    pieces = pg.functions.isocurve(np.asarray(p1, dtype=np.float64), 0.5, connected=True)
    xs, ys = [], []
    for piece in pieces:
        rc = np.asarray(piece, dtype=np.float64)  # (row, column) in cell-edge units
        xs.append(x0 + rc[:, 1] * (x1 - x0) / res_x)
        ys.append(y0 + rc[:, 0] * (y1 - y0) / res_y)
        xs.append([np.nan])
        ys.append([np.nan])
    if not xs:
        return np.zeros(0), np.zeros(0)
    return np.concatenate(xs), np.concatenate(ys)


class DecisionBoundaryView(QWidget):
    """The plane of a 2-D data set: the network's answer as a heatmap, the examples as dots.

    Takes the ``NetworkDocument`` and redraws on its signals. For data that does not have two
    inputs it shows a note instead.
    """

    def __init__(self, document, parent: QWidget | None = None, resolution: int = DEFAULT_RESOLUTION):
        super().__init__(parent)
        self.setObjectName("boundaryView")
        self.setAccessibleName(self.tr("Decision boundary"))
        self.setToolTip(self.tr("What the network answers everywhere on the plane of the two inputs"))
        self._document = document
        self.resolution = int(resolution)
        self._extent = None
        self._classification = True
        self._value_range = (0.0, 1.0)
        self._grid_params = None  # the parameters the picture on screen was computed for
        self._live_until = 0.0  # while training runs, the worker's snapshots bring the pictures
        self._dirty = False
        self._turn = None  # see follow_training
        self._pending = None  # a running snapshot's picture, waiting for this view's turn
        self.redraw_count = 0  # pictures computed here (not handed over by show_grid)
        self._dot_size = 8

        self.plot = pg.PlotWidget(background="w")
        # Smooth edges for this picture only: pg.setConfigOptions would switch antialiasing
        # on for every later plot too, and the loss curves then repaint several times slower.
        self.plot.setAntialiasing(True)
        self.plot.setObjectName("boundaryPlot")
        self.plot.setAccessibleName(self.tr("Decision boundary plot"))
        self.plot.setToolTip(self.tr(
            "Background: the network's answer at each point. Dots: the examples, coloured by "
            "their true class (filled: training, hollow: test)."))
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(False, False)
        item.setAspectLocked(True)
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            axis.setPen(pg.mkPen("#444"))
            axis.setTextPen(pg.mkPen("#222"))

        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-10)
        item.addItem(self.image)
        self.boundary_line = pg.PlotCurveItem(pen=pg.mkPen("#333", width=2), connect="finite", antialias=True)
        self.boundary_line.setZValue(-5)
        item.addItem(self.boundary_line)
        self.train_points = pg.ScatterPlotItem(size=8, pxMode=True, antialias=True)
        self.test_points = pg.ScatterPlotItem(size=8, pxMode=True, antialias=True)
        self.sample_marker = pg.ScatterPlotItem(size=20, pxMode=True, symbol="o", antialias=True,
                                                pen=pg.mkPen("k", width=2.5), brush=None)
        for scatter in (self.train_points, self.test_points, self.sample_marker):
            item.addItem(scatter)

        self.legend = QLabel()
        self.legend.setObjectName("boundaryLegend")
        self.legend.setAccessibleName(self.tr("Decision boundary legend"))
        self.legend.setToolTip(self.tr("What the colours of the decision boundary mean"))
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.RichText)

        plot_page = QWidget()
        plot_layout = QVBoxLayout(plot_page)
        plot_layout.setContentsMargins(0, 0, 0, 0)
        plot_layout.addWidget(self.plot, 1)
        plot_layout.addWidget(self.legend)

        self.note = QLabel(self.tr("The decision boundary is drawn for data sets with two inputs."))
        self.note.setObjectName("boundaryNote")
        self.note.setAccessibleName(self.tr("Decision boundary note"))
        self.note.setToolTip(self.tr("Choose XOR, circles, spiral, moons, two blobs or the plane to see it"))
        self.note.setAlignment(Qt.AlignCenter)
        self.note.setWordWrap(True)
        self.note.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

        self.stack = QStackedWidget()
        self.stack.addWidget(plot_page)
        self.stack.addWidget(self.note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REDRAW_INTERVAL_MS)
        self._timer.timeout.connect(self._redraw_if_visible)

        self.plot.installEventFilter(self)
        document.dataChanged.connect(self._rebuild)
        document.structureChanged.connect(self._rebuild)
        document.sampleChanged.connect(self._show_sample)
        document.parametersChanged.connect(self.schedule_redraw)
        self._rebuild()

    # ------------------------------------------------------------------ reading (tests, lead)
    def is_showing_boundary(self) -> bool:
        """True when the plane is drawn, False when the note for non-2-D data is shown."""
        return self.stack.currentIndex() == 0

    def note_text(self) -> str:
        return self.note.text()

    def point_counts(self) -> tuple[int, int]:
        """(training dots, test dots) on the plane."""
        return len(self.train_points.data), len(self.test_points.data)

    def extent(self):
        """(x_min, x_max, y_min, y_max) of the picture, in standardized inputs (None: no plane)."""
        return self._extent

    # ------------------------------------------------------------------ pictures
    def show_snapshot(self, snapshot) -> None:
        """Take a training snapshot (``nnsim.training.worker.Snapshot``): its picture, if it has one.

        While training runs (``snapshot.running``) the worker draws the pictures, so for a
        moment the view does not compute its own on ``parametersChanged``. A snapshot for
        another structure (stale, from before a switch) is ignored.
        """
        if tuple(getattr(snapshot, "layer_sizes", ())) != tuple(self._document.network.layer_sizes):
            return
        running = bool(getattr(snapshot, "running", False))
        self._live_until = time.monotonic() + LIVE_HOLD_S if running else 0.0
        grid = getattr(snapshot, "grid", None)
        if grid is not None and running and self._turn is not None:
            self._pending = snapshot  # drawn when this view's turn comes (follow_training)
        elif grid is not None:
            self._pending = None
            self.show_grid(grid, getattr(snapshot, "grid_extent", None), getattr(snapshot, "params", None))
        elif not running:
            self.schedule_redraw()

    def follow_training(self, controller, turn: int) -> None:
        """Show the training ``controller``'s snapshots; while it trains, draw new pictures
        only on ``redrawTurn(turn)``, so this view never repaints in the same pass of the
        event loop as the network graph or the plots."""
        self._turn = turn
        controller.snapshotApplied.connect(self.show_snapshot)
        controller.redrawTurn.connect(self._turn_due)

    def _turn_due(self, turn: int) -> None:
        if turn == self._turn and self._pending is not None:
            snapshot, self._pending = self._pending, None
            if tuple(snapshot.layer_sizes) == tuple(self._document.network.layer_sizes):
                self.show_grid(snapshot.grid, snapshot.grid_extent, snapshot.params)

    def show_grid(self, grid, extent=None, params=None) -> None:
        """Show a picture computed elsewhere (the worker) instead of computing it here.

        ``grid`` is the image of ``nnsim.core.grid.boundary_image`` (res, res, k), or its
        whole ``(image, extent)`` pair; ``extent`` defaults to this view's. ``params`` are the
        flat parameters it was computed for (default: the document's now), so a redraw for
        those same parameters is skipped. None is ignored.
        """
        if grid is None or self._extent is None:
            return
        if isinstance(grid, tuple) and len(grid) == 2:
            grid, extent = grid
        image = np.asarray(grid)
        if image.ndim == 2:
            image = image[..., None]
        if image.ndim != 3 or image.shape[0] < 2 or image.shape[1] < 2:
            return
        self._timer.stop()
        self._draw(image, self._extent if extent is None else extent)
        tag = self._document.network.params if params is None else params
        self._grid_params = np.array(tag, copy=True)

    def schedule_redraw(self) -> None:
        """Recompute the picture soon: many changes in a row make one picture (<= ~30 Hz)."""
        if self._extent is None or time.monotonic() < self._live_until:
            return
        if not self._timer.isActive():
            self._timer.start()

    def redraw_now(self) -> None:
        """Compute the picture from the document's network at once."""
        self._timer.stop()
        if self._extent is None:
            return
        net = self._document.network
        if self._grid_params is not None and np.array_equal(self._grid_params, net.params):
            return  # already on screen (e.g. from the worker's snapshot)
        image, extent = boundary_image(net, self._document.data, self.resolution, self._extent)
        self.redraw_count += 1
        self._draw(image, extent)
        self._grid_params = net.params.copy()

    def sizeHint(self):  # noqa: N802 (Qt)
        return QSize(420, 480)

    def minimumSizeHint(self):  # noqa: N802 (Qt)
        return QSize(220, 180)  # small enough for a 1280x720 screen

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt)
        if watched is self.plot and event.type() == QEvent.Resize:
            self._fit_dot_size()
        return super().eventFilter(watched, event)

    def _fit_dot_size(self) -> None:
        """Dots small enough that a small plot still shows the background between them."""
        side = min(self.plot.width(), self.plot.height())
        size = int(np.clip(side / 55, 4, 9))
        if size != self._dot_size:
            self._dot_size = size
            self.train_points.setSize(size)
            self.test_points.setSize(size)
            self.sample_marker.setSize(max(2.5 * size, 14))

    def _redraw_if_visible(self) -> None:
        if self.isVisible():
            self.redraw_now()
        else:
            self._dirty = True  # a hidden dock costs nothing; catch up when it shows

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        if self._dirty:
            self._dirty = False
            self.schedule_redraw()

    def _draw(self, image: np.ndarray, extent) -> None:
        x0, x1, y0, y1 = (float(v) for v in extent)
        self.image.setImage(colour_image(image, self._classification, self._value_range), levels=(0, 255))
        self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        step = self._document.network.activations[-1] == "step"  # on/off: the colour edge says it
        if self._classification and image.shape[-1] <= 2 and not step:
            p1 = image[..., 0] if image.shape[-1] == 1 else image[..., 1]
            x, y = boundary_lines(p1, (x0, x1, y0, y1))
            self.boundary_line.setData(x, y)
        else:
            self.boundary_line.setData([], [])

    # ------------------------------------------------------------------ document
    def _rebuild(self) -> None:
        """New data or structure: dots, axes, legend, and a fresh picture."""
        doc = self._document
        data, net = doc.data, doc.network
        self._grid_params = None
        self._pending = None
        two_d = net.layer_sizes[0] == 2 and (data is None or data.n_inputs == 2)
        if not two_d:
            self._extent = None
            self._timer.stop()
            for scatter in (self.train_points, self.test_points, self.sample_marker):
                scatter.clear()
            self.image.clear()
            self._show_note(data, net)
            self.boundary_line.setData([], [])
            self.stack.setCurrentIndex(1)
            return
        self.stack.setCurrentIndex(0)
        self._extent = plane_extent(data)
        self._classification = data.is_classification if data is not None else True
        names = doc.input_names()
        item = self.plot.getPlotItem()
        if data is None:
            item.setLabel("bottom", names[0])
            item.setLabel("left", names[1])
        else:
            item.setLabel("bottom", self.tr("{name} (standardized)").format(name=names[0]))
            item.setLabel("left", self.tr("{name} (standardized)").format(name=names[1]))
        self._show_points(data)
        self._show_legend(data)
        x0, x1, y0, y1 = self._extent
        item.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        self._show_sample()
        self.redraw_now()

    def _show_note(self, data, net) -> None:
        text = self.tr("The decision boundary is drawn for data sets with two inputs.")
        n = data.n_inputs if data is not None else net.layer_sizes[0]
        if data is not None:
            more = self.tr("This data set has {n} inputs. Choose XOR, circles, spiral, moons, two blobs "
                           "or the plane to watch it form.").format(n=n)
        else:
            more = self.tr("This network has {n} inputs.").format(n=n)
        self.note.setText(f"{text}\n\n{more}")

    def _show_points(self, data) -> None:
        self.train_points.clear()
        self.test_points.clear()
        if data is None:
            return
        X_train, X_test = np.asarray(data.X_train), np.asarray(data.X_test)
        if self._classification:
            k = max(len(data.dataset.class_names), 1)
            colours = class_colours(k)
            train_rgb = colours[np.asarray(data.y_train, dtype=int)]
            test_rgb = colours[np.asarray(data.y_test, dtype=int)]
            self._value_range = (0.0, 1.0)
        else:
            y_all = np.concatenate([np.ravel(data.y_train), np.ravel(data.y_test)]).astype(float)
            low, high = float(y_all.min()), float(y_all.max())
            self._value_range = (low, high)
            train_rgb = value_colours(np.ravel(data.y_train), low, high)
            test_rgb = value_colours(np.ravel(data.y_test), low, high)
        outline = pg.mkPen(QColor(40, 40, 40, 200), width=1)
        self.train_points.setData(
            pos=X_train, pen=outline, brush=[pg.mkBrush(*map(int, c)) for c in train_rgb])
        self.test_points.setData(
            pos=X_test, brush=pg.mkBrush(255, 255, 255, 110),
            pen=[pg.mkPen(QColor(*map(int, c)), width=2.2) for c in test_rgb])

    def _show_sample(self) -> None:
        doc = self._document
        if self._extent is None:
            return
        x = doc.sample
        if x.size == 2 and np.all(np.isfinite(x)):
            self.sample_marker.setData(pos=x[None, :])
        else:
            self.sample_marker.clear()

    def _show_legend(self, data) -> None:
        def swatch(rgb) -> str:
            r, g, b = (int(v) for v in rgb)
            return f'<span style="color:#{r:02x}{g:02x}{b:02x}; font-size:large">&#9632;</span>'

        if data is None:
            off, on = class_colours(2)
            if self._document.network.activations[-1] == "step":
                how = self.tr("Background: where the output node is off or on. The ring is the sample.")
            else:
                how = self.tr("Background: where the output node is off or on; the dark line is where "
                              "it is 50/50. The ring is the sample.")
            text = self.tr("{off} off &nbsp;{on} on").format(off=swatch(off), on=swatch(on)) + "<br>" + how
        elif not self._classification:
            low, high = self._value_range
            text = self.tr("Background: the network's prediction, from {low} (dark) to {high} (yellow). "
                           "Dots: the true values (filled: training, hollow: test). "
                           "The ring is the sample.").format(low=f"{low:.3g}", high=f"{high:.3g}")
        else:
            names = list(data.dataset.class_names)
            colours = class_colours(len(names))
            labels = [self.tr("class {name}").format(name=n) if n.isdigit() else n for n in names]
            classes = " &nbsp;".join(f"{swatch(c)} {html_text(n)}" for n, c in zip(labels, colours))
            if len(names) <= 2:
                how = self.tr("Background: the class the network answers, paler where it is unsure; "
                              "the dark line is where it is 50/50.")
            else:
                how = self.tr("Background: the class the network answers, paler where it is unsure.")
            dots = self.tr("Dots: the examples (filled: training, hollow: test). The ring is the sample.")
            text = f"{classes}<br>{how} {dots}"
        self.legend.setText(text)
