"""The decision boundary: what the network answers everywhere on the plane of a 2-D data set.

The background is a heatmap of the network's output over the (standardized) input plane; the
examples sit on top as dots coloured by their true class, training examples filled and test
examples hollow. A dot on a background of its own colour is answered right. When the data
set has two classes the colour fades to white where the network is unsure (P = 0.5), and a
dark line marks the boundary itself; for a regression plane the background is the predicted
value.

Every hidden and output neuron has a picture of its own over the same plane (one forward
pass gives them all): ``show_neuron`` draws one of them large (the graph's node colours:
blue positive, orange negative, white 0), ``show_output`` the network's answer again. Each
new set of pictures is announced with ``neuronImagesChanged`` for the graph's nodes.

With more than two inputs (Iris, a CSV file) the picture is the plane of two chosen inputs
(``boundaryXFeature``, ``boundaryYFeature``), every other input held at its training mean.
With one input the view draws the fitted curve over the examples instead.

While training is paused the view computes the picture itself (``nnsim.core.grid``), at most
about 30 times a second however fast parameters change. While training runs the worker
computes the same picture and the controller hands it over with ``show_grid``.
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QStackedWidget,
                               QVBoxLayout, QWidget)

from nnsim.core.grid import DEFAULT_RESOLUTION, held_inputs, neuron_images, plane_extent
from nnsim.ui.colors import (  # noqa: F401 (CLASS_COLOURS, value_colours: re-exported)
    CLASS_COLOURS, NEGATIVE_RGB, POSITIVE_RGB, WHITE, class_colours, neuron_rgb, value_colours)
from nnsim.ui.number_text import number_text
from nnsim.ui.plots.plot_menu import PlotMenu, locale_axes
from nnsim.ui.rich_text import html_text

#: how strongly the background takes a class colour where the network is sure (the rest is
#: white), so the dots on top stay visible
BACKGROUND_STRENGTH = 0.5
REDRAW_INTERVAL_MS = 33  # at most ~30 pictures a second
#: after a snapshot of running training, leave the pictures to the worker for this long
LIVE_HOLD_S = 0.5
#: below this height (pixels) the legend shows its colours only, its sentences in the tooltip
SHORT_VIEW_HEIGHT = 480
#: while training runs, a boundary line is traced on at most about this many cells per side
LIVE_LINE_CELLS = 60


def colour_image(image: np.ndarray, classification: bool, value_range=(0.0, 1.0),
                 discretize: bool = False) -> np.ndarray:
    """RGB uint8 (res, res, 3) for a ``boundary_image`` (res, res, k).

    Classification with one or two outputs: a diverging map of P(class 1), white at 0.5.
    Three or more: the predicted class's colour, paler where the network is less sure.
    Regression: the first output through viridis over ``value_range``. ``discretize``
    (classification): every cell in the full colour of the class answered there, so the
    regions and their edges stand out from the back of the room.
    """
    image = np.asarray(image, dtype=np.float64)
    k = image.shape[-1]
    if discretize and classification:
        cls = (image[..., 0] > 0.5).astype(np.intp) if k == 1 else np.nan_to_num(image, nan=0.0).argmax(axis=-1)
        rgb = WHITE + (class_colours(max(k, 2))[cls] - WHITE) * 0.75
        return np.clip(np.rint(rgb), 0, 255).astype(np.uint8)
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


def neuron_image(values: np.ndarray, discretize: bool = False) -> np.ndarray:
    """RGB uint8 (res, res, 3) of one neuron's map (the graph's node colours, ``neuron_rgb``);
    ``discretize``: on (> 0.5, blue), off (white), or below -0.5 (orange)."""
    v = np.asarray(values, dtype=np.float32)
    if discretize:
        v = np.where(v > 0.5, 1.0, np.where(v < -0.5, -1.0, 0.0)).astype(np.float32)
    return neuron_rgb(v)


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


class _SquarePlot(QWidget):
    """Holds the plot so that its data area (the view box) is square and centred: with the
    plane's square extent that is equal scale on both axes and no empty band beside the map."""

    def __init__(self, plot: pg.PlotWidget):
        super().__init__()
        self.plot = plot
        plot.setParent(self)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self._frame = (60, 50)  # room the axes take around the view box (measured on resize)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        fx, fy = self._frame
        side = max(20, min(self.width() - fx, self.height() - fy))
        w, h = side + fx, side + fy
        self.plot.setGeometry((self.width() - w) // 2, (self.height() - h) // 2, w, h)
        # the axes' real room, once laid out: fit again if it differs from the guess
        box = self.plot.getPlotItem().getViewBox().sceneBoundingRect()
        if box.width() > 1 and box.height() > 1:
            frame = (round(w - box.width()), round(h - box.height()))
            if frame != self._frame and all(0 <= f < 300 for f in frame):
                self._frame = frame
                self.fit()


class DecisionBoundaryView(QWidget):
    """The plane of the data: the network's answer (or one neuron's) as a heatmap, the
    examples as dots; the fitted curve for one input.

    Takes the ``NetworkDocument`` and redraws on its signals.
    """

    #: a new set of neuron pictures: a tuple of float32 (res, res, n_l) arrays, one per
    #: layer 1..n_layers (``nnsim.core.grid.neuron_images``); None: no pictures
    neuronImagesChanged = Signal(object)
    #: the user chose the inputs on the axes: (x, y) indices
    planeFeaturesChanged = Signal(int, int)

    def __init__(self, document, parent: QWidget | None = None, resolution: int = DEFAULT_RESOLUTION):
        super().__init__(parent)
        self.setObjectName("boundaryView")
        self.setAccessibleName(self.tr("Decision boundary"))
        self.setToolTip(self.tr("What the network answers everywhere on the plane of the two inputs"))
        self._document = document
        self.resolution = int(resolution)
        self._extent = None
        self._features = (0, 1)
        self._held = None  # the other inputs' values (standardized), more than two inputs
        self._classification = True
        self._value_range = (0.0, 1.0)
        self._grid_params = None  # the parameters the picture on screen was computed for
        self._live_until = 0.0  # while training runs, the worker's snapshots bring the pictures
        self._dirty = False
        self._turn = None  # see follow_training
        self._pending = None  # a running snapshot's picture, waiting for this view's turn
        self.redraw_count = 0  # pictures computed here (not handed over by show_grid)
        self._dot_size = 8
        self._layers = None  # every neuron's picture on screen now (see neuronImagesChanged)
        self._layers_extent = None
        self._neuron = None  # (layer, index) shown large instead of the output, or None

        self.plot = pg.PlotWidget(background="w", axisItems=locale_axes())
        # Smooth edges for this picture only: pg.setConfigOptions would switch antialiasing
        # on for every later plot too, and the loss curves then repaint several times slower.
        self.plot.setAntialiasing(True)
        self.plot.setObjectName("boundaryPlot")
        self.plot.setAccessibleName(self.tr("Decision boundary plot"))
        self.plot.setToolTip(self.tr(
            "Background: the network's answer at each point. Dots: the examples, coloured by "
            "their true class (filled: training, hollow: test)."))
        item = self.plot.getPlotItem()
        self.plot_menu = PlotMenu(self.plot, view_all=self._view_all, name="boundary")
        item.hideButtons()
        item.setMouseEnabled(False, False)
        # No aspect lock: the range is exactly the square extent and _SquarePlot keeps the
        # view box square, so the map fills the axes at equal scale.
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

        self.title = QLabel()
        self.title.setObjectName("boundaryTitle")
        self.title.setAccessibleName(self.tr("What the picture shows"))
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.RichText)
        self.title.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)

        self.showTestDataCheck = QCheckBox(self.tr("Show test data"))
        self.showTestDataCheck.setObjectName("showTestDataCheck")
        self.showTestDataCheck.setAccessibleName(self.tr("Show test data"))
        self.showTestDataCheck.setToolTip(self.tr("Draw the test examples (hollow dots) too"))
        self.showTestDataCheck.setChecked(True)
        self.showTestDataCheck.toggled.connect(self._show_test_points)
        self.discretizeCheck = QCheckBox(self.tr("Discretize output"))
        self.discretizeCheck.setObjectName("discretizeCheck")
        self.discretizeCheck.setAccessibleName(self.tr("Discretize output"))
        self.discretizeCheck.setToolTip(self.tr("Colour each point by the answer alone: no shades of doubt"))
        self.discretizeCheck.toggled.connect(self._paint)
        self.xFeatureCombo = self._feature_combo("boundaryXFeature", self.tr("Input on the horizontal axis"))
        self.yFeatureCombo = self._feature_combo("boundaryYFeature", self.tr("Input on the vertical axis"))
        self.xLabel = QLabel(self.tr("x:"))
        self.yLabel = QLabel(self.tr("y:"))
        self.xLabel.setBuddy(self.xFeatureCombo)
        self.yLabel.setBuddy(self.yFeatureCombo)
        self.features_row = QWidget()
        features_layout = QHBoxLayout(self.features_row)
        features_layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.xLabel, self.xFeatureCombo, self.yLabel, self.yFeatureCombo):
            features_layout.addWidget(w)
        features_layout.addStretch(1)
        # side by side, or one under the other when the view is too narrow for both
        toggles = QGridLayout()
        toggles.setContentsMargins(0, 0, 0, 0)
        toggles.setColumnStretch(2, 1)
        self._toggles = toggles
        self._toggles_stacked = None
        self._arrange_toggles()

        self.legend = QLabel()
        self.legend.setObjectName("boundaryLegend")
        self.legend.setAccessibleName(self.tr("Decision boundary legend"))
        self.legend.setToolTip(self.tr("What the colours of the decision boundary mean"))
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.RichText)
        self.legend.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)

        self.square = _SquarePlot(self.plot)
        plot_page = QWidget()
        plot_layout = QVBoxLayout(plot_page)
        plot_layout.setContentsMargins(0, 0, 0, 0)
        plot_layout.addWidget(self.title)
        plot_layout.addWidget(self.features_row)
        plot_layout.addWidget(self.square, 1)
        plot_layout.addLayout(toggles)
        plot_layout.addWidget(self.legend)

        self.note = QLabel(self.tr("The decision boundary is drawn for data sets with two inputs."))
        self.note.setObjectName("boundaryNote")
        self.note.setAccessibleName(self.tr("Decision boundary note"))
        self.note.setToolTip(self.tr("Choose XOR, circles, spiral, moons, two blobs or the plane to see it"))
        self.note.setAlignment(Qt.AlignCenter)
        self.note.setWordWrap(True)
        self.note.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

        self.curve_page = self._make_curve_page()

        self.stack = QStackedWidget()
        self.stack.addWidget(plot_page)
        self.stack.addWidget(self.note)
        self.stack.addWidget(self.curve_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REDRAW_INTERVAL_MS)
        self._timer.timeout.connect(self._redraw_if_visible)

        self.plot.installEventFilter(self)
        self._points_for = None  # (data, features, classification) the dots show
        document.dataChanged.connect(self._rebuild)
        document.structureChanged.connect(self._rebuild)
        document.sampleChanged.connect(self._show_sample)
        document.parametersChanged.connect(self.schedule_redraw)
        self._rebuild()

    def _feature_combo(self, name: str, description: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(description)
        combo.setToolTip(description)
        combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        combo.activated.connect(self._features_chosen)
        return combo

    def _make_curve_page(self) -> QWidget:
        """One input: the network's prediction as a curve over the examples."""
        self.curve_plot = pg.PlotWidget(background="w", axisItems=locale_axes())
        self.curve_plot.setObjectName("regressionCurvePlot")
        self.curve_plot.setAccessibleName(self.tr("Fitted curve"))
        item = self.curve_plot.getPlotItem()
        self.curve_menu = PlotMenu(self.curve_plot, name="curve")
        item.hideButtons()
        item.setMouseEnabled(False, False)
        item.showGrid(x=True, y=True, alpha=0.2)
        for side in ("left", "bottom"):
            item.getAxis(side).setPen(pg.mkPen("#444"))
            item.getAxis(side).setTextPen(pg.mkPen("#222"))
        blue, orange = (tuple(int(v) for v in c) for c in class_colours(2))
        self.curve_train = pg.ScatterPlotItem(size=7, pen=pg.mkPen(40, 40, 40, 160), brush=pg.mkBrush(*blue))
        self.curve_test = pg.ScatterPlotItem(size=8, pen=pg.mkPen(*orange, width=2), brush=pg.mkBrush(255, 255, 255, 120))
        self.curve_line = pg.PlotCurveItem(pen=pg.mkPen(20, 20, 20, width=3), antialias=True)
        for piece in (self.curve_train, self.curve_test, self.curve_line):
            item.addItem(piece)
        self.curve_legend = QLabel()
        self.curve_legend.setObjectName("curveLegend")
        self.curve_legend.setWordWrap(True)
        self.curve_legend.setTextFormat(Qt.RichText)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.curve_plot, 1)
        layout.addWidget(self.curve_legend)
        return page

    # ------------------------------------------------------------------ reading (tests, lead)
    def is_showing_boundary(self) -> bool:
        """True when the plane is drawn, False when the note (or the curve) is shown."""
        return self.stack.currentIndex() == 0

    def is_showing_curve(self) -> bool:
        """True when the fitted curve of one input is drawn."""
        return self.stack.currentIndex() == 2

    def note_text(self) -> str:
        return self.note.text()

    def point_counts(self) -> tuple[int, int]:
        """(training dots, test dots) on the plane (test dots: 0 while they are hidden)."""
        n_test = len(self.test_points.data) if self.test_points.isVisible() else 0
        return len(self.train_points.data), n_test

    def extent(self):
        """(x_min, x_max, y_min, y_max) of the picture, in standardized inputs (None: no plane)."""
        return self._extent

    @property
    def features(self) -> tuple:
        """The inputs on the axes (x, y)."""
        return self._features

    def neuron_layers(self):
        """Every neuron's picture on screen now (see ``neuronImagesChanged``), or None."""
        return self._layers

    def shown_neuron(self):
        """(layer, index) of the neuron shown large, or None: the network's output."""
        return self._neuron

    def curve_data(self):
        """(x, y) of the fitted curve in standardized input units (one input), or None."""
        if not self.is_showing_curve():
            return None
        return self.curve_line.getData()

    # ------------------------------------------------------------------ one neuron, large
    def show_neuron(self, layer: int, index: int) -> None:
        """Draw neuron ``index`` of ``layer`` (1 .. n_layers) large; an input node or a
        node that does not exist shows the output."""
        sizes = self._document.network.layer_sizes
        if not (1 <= layer < len(sizes) and 0 <= index < sizes[layer]) or layer == len(sizes) - 1 and sizes[-1] == 1:
            self.show_output()
            return
        if self._neuron == (layer, index):
            return
        self._neuron = (int(layer), int(index))
        self._paint()
        self._show_title()

    def show_output(self) -> None:
        """Draw the network's answer again (after ``show_neuron``)."""
        if self._neuron is None:
            return
        self._neuron = None
        self._paint()
        self._show_title()

    # ------------------------------------------------------------------ pictures
    def show_snapshot(self, snapshot) -> None:
        """Take a training snapshot (``nnsim.training.worker.Snapshot``): its picture, if it has one.

        While training runs (``snapshot.running``) the worker draws the pictures, so for a
        moment the view does not compute its own on ``parametersChanged``. A snapshot for
        another structure or another plane (stale, from before a switch) is ignored.
        """
        if tuple(getattr(snapshot, "layer_sizes", ())) != tuple(self._document.network.layer_sizes):
            return
        running = bool(getattr(snapshot, "running", False))
        self._live_until = time.monotonic() + LIVE_HOLD_S if running else 0.0
        grid = getattr(snapshot, "grid", None)
        if grid is not None and tuple(getattr(snapshot, "grid_features", (0, 1))) != self._features:
            grid = None  # the plane before the user chose other inputs
        if self.is_showing_curve():
            if running:
                self._pending = snapshot
            else:
                self._draw_curve()
        elif grid is not None and running and self._turn is not None:
            self._pending = snapshot  # drawn when this view's turn comes (follow_training)
        elif grid is not None:
            self._pending = None
            self.show_grid(grid, getattr(snapshot, "grid_extent", None), getattr(snapshot, "params", None),
                           getattr(snapshot, "neuron_grids", None))
        elif not running:
            self.schedule_redraw()

    def follow_training(self, controller, turn: int) -> None:
        """Show the training ``controller``'s snapshots; while it trains, draw new pictures
        only on ``redrawTurn(turn)``, so this view never repaints in the same pass of the
        event loop as the network graph or the plots. The chosen plane goes to the
        controller (``set_plane_features``), which sends it to the worker."""
        self._turn = turn
        controller.snapshotApplied.connect(self.show_snapshot)
        controller.redrawTurn.connect(self._turn_due)
        if hasattr(controller, "set_plane_features"):
            self.planeFeaturesChanged.connect(controller.set_plane_features)

    def _turn_due(self, turn: int) -> None:
        if turn == self._turn and self._pending is not None:
            snapshot, self._pending = self._pending, None
            if tuple(snapshot.layer_sizes) != tuple(self._document.network.layer_sizes):
                return
            if self.is_showing_curve():
                self._draw_curve()
            elif snapshot.grid is not None:
                self.show_grid(snapshot.grid, snapshot.grid_extent, snapshot.params,
                               getattr(snapshot, "neuron_grids", None))

    def show_grid(self, grid, extent=None, params=None, neuron_grids=None) -> None:
        """Show a picture computed elsewhere (the worker) instead of computing it here.

        ``grid`` is the image of ``nnsim.core.grid.boundary_image`` (res, res, k), or its
        whole ``(image, extent)`` pair; ``extent`` defaults to this view's. ``params`` are the
        flat parameters it was computed for (default: the document's now), so a redraw for
        those same parameters is skipped. ``neuron_grids``: every layer's pictures (the
        snapshot's), whose last one is ``grid``. None is ignored.
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
        layers = tuple(neuron_grids) if neuron_grids is not None else (image,)
        self._draw(layers, self._extent if extent is None else extent)
        tag = self._document.network.params if params is None else params
        self._grid_params = np.array(tag, copy=True)

    def schedule_redraw(self) -> None:
        """Recompute the picture soon: many changes in a row make one picture (<= ~30 Hz)."""
        if (self._extent is None and not self.is_showing_curve()) or time.monotonic() < self._live_until:
            return
        if not self._timer.isActive():
            self._timer.start()

    def redraw_now(self) -> None:
        """Compute the picture (every neuron's, one pass) from the document's network at once."""
        self._timer.stop()
        if self.is_showing_curve():
            self._draw_curve()
            return
        if self._extent is None:
            return
        net = self._document.network
        if self._grid_params is not None and np.array_equal(self._grid_params, net.params):
            return  # already on screen (e.g. from the worker's snapshot)
        with np.errstate(all="ignore"):
            layers, extent = neuron_images(net, self._document.data, self.resolution, self._extent,
                                           features=self._features, held=self._held)
        self.redraw_count += 1
        self._draw(tuple(layers), extent)
        self._grid_params = net.params.copy()

    def sizeHint(self):  # noqa: N802 (Qt)
        return QSize(520, 600)

    def minimumSizeHint(self):  # noqa: N802 (Qt)
        return QSize(220, 180)  # small enough for a 1280x720 screen

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        self._arrange_toggles()
        self._fit_legend()

    def _arrange_toggles(self) -> None:
        both = self.showTestDataCheck.sizeHint().width() + self.discretizeCheck.sizeHint().width() + 12
        stacked = self.width() < both
        if stacked == self._toggles_stacked:
            return
        self._toggles_stacked = stacked
        self._toggles.removeWidget(self.showTestDataCheck)
        self._toggles.removeWidget(self.discretizeCheck)
        self._toggles.addWidget(self.showTestDataCheck, 0, 0)
        self._toggles.addWidget(self.discretizeCheck, 1 if stacked else 0, 0 if stacked else 1)

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

    def _draw(self, layers: tuple, extent) -> None:
        """New pictures: keep them, draw the one chosen, tell the graph."""
        self._layers = layers
        self._layers_extent = tuple(float(v) for v in extent)
        self._paint()
        self.neuronImagesChanged.emit(layers if len(layers) == self._document.network.n_layers else None)

    def _paint(self) -> None:
        """Draw the output's picture, or the chosen neuron's, from the pictures kept."""
        if self._layers is None or self._layers_extent is None:
            return
        x0, x1, y0, y1 = self._layers_extent
        image = self._layers[-1]
        discretize = self.discretizeCheck.isChecked()
        neuron = self._neuron
        if neuron is not None and len(self._layers) == self._document.network.n_layers:
            layer, index = neuron
            if layer - 1 < len(self._layers) and index < self._layers[layer - 1].shape[-1]:
                self.image.setImage(neuron_image(self._layers[layer - 1][:, :, index], discretize), levels=(0, 255))
                self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
                self.boundary_line.setData([], [])
                return
        self.image.setImage(colour_image(image, self._classification, self._value_range, discretize), levels=(0, 255))
        self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        step = self._document.network.activations[-1] == "step"  # on/off: the colour edge says it
        if self._classification and image.shape[-1] <= 2 and not step:
            p1 = image[..., 0] if image.shape[-1] == 1 else image[..., 1]
            if time.monotonic() < self._live_until and p1.shape[0] > LIVE_LINE_CELLS:
                # while training runs, the line from every other cell: its tracing is Python,
                # four times cheaper on a quarter of the cells, and it moves too fast to miss them
                p1 = p1[::2, ::2]
            x, y = boundary_lines(p1, (x0, x1, y0, y1))
            self.boundary_line.setData(x, y)
        else:
            self.boundary_line.setData([], [])

    # ------------------------------------------------------------------ one input: a curve
    def _draw_curve(self) -> None:
        """The network's prediction over the input's range, one output, as a line."""
        doc = self._document
        data, net = doc.data, doc.network
        if data is None or net.layer_sizes[0] != 1:
            return
        X = np.asarray(data.transform(data.dataset.X), dtype=np.float64)[:, 0]
        X = X[np.isfinite(X)]
        lo, hi = (float(X.min()), float(X.max())) if X.size else (-2.0, 2.0)
        pad = max(0.05 * (hi - lo), 0.1)
        xs = np.linspace(lo - pad, hi + pad, 400)
        with np.errstate(all="ignore"):
            ys = np.asarray(net.forward(xs[:, None]), dtype=np.float64)[:, 0]
        self.curve_line.setData(xs, np.nan_to_num(ys, nan=0.0, posinf=0.0, neginf=0.0))
        self._grid_params = net.params.copy()

    # ------------------------------------------------------------------ document
    def _rebuild(self) -> None:
        """New data or structure: dots, axes, legend, and a fresh picture."""
        doc = self._document
        data, net = doc.data, doc.network
        self._grid_params = None
        self._pending = None
        self._layers = None
        self._neuron = None
        n_in = net.layer_sizes[0]
        fits = data is None or data.n_inputs == n_in
        if fits and n_in == 1 and data is not None and not data.is_classification:
            self._extent = None
            self._timer.stop()
            self._show_curve_page(data)
            self.neuronImagesChanged.emit(None)
            return
        if not fits or n_in < 2:
            self._extent = None
            self._timer.stop()
            for scatter in (self.train_points, self.test_points, self.sample_marker):
                scatter.clear()
            self._points_for = None
            self.image.clear()
            self._show_note(data, net)
            self.boundary_line.setData([], [])
            self.stack.setCurrentIndex(1)
            self.neuronImagesChanged.emit(None)
            return
        self.stack.setCurrentIndex(0)
        names = doc.input_names()
        if max(self._features) >= n_in:
            self._features = (0, 1)
        self._fill_feature_combos(names)
        self._held = held_inputs(data) if data is not None and n_in > 2 else None
        self._extent = plane_extent(data, features=self._features)
        self._classification = data.is_classification if data is not None else True
        self.discretizeCheck.setEnabled(self._classification)
        item = self.plot.getPlotItem()
        fx, fy = self._features
        if data is None or data.standardizer is None:  # the network sees the numbers themselves
            item.setLabel("bottom", names[fx])
            item.setLabel("left", names[fy])
        else:
            item.setLabel("bottom", self.tr("{name} (standardized)").format(name=names[fx]))
            item.setLabel("left", self.tr("{name} (standardized)").format(name=names[fy]))
        self._show_points(data)
        self._show_legend(data)
        self._show_title()
        x0, x1, y0, y1 = self._extent
        item.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        self._show_sample()
        self.redraw_now()

    def _view_all(self) -> None:
        """The plot's "View all": the whole plane of the data again."""
        if self._extent is not None:
            x0, x1, y0, y1 = self._extent
            self.plot.getPlotItem().setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def _fill_feature_combos(self, names) -> None:
        many = len(names) > 2
        self.features_row.setVisible(many)
        for combo, chosen in ((self.xFeatureCombo, self._features[0]), (self.yFeatureCombo, self._features[1])):
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(list(names))
            combo.setCurrentIndex(chosen)
            combo.blockSignals(False)

    def set_features(self, x: int, y: int) -> None:
        """Put inputs ``x`` and ``y`` on the axes (what the combo boxes do); the same input
        twice, or one that does not exist, changes nothing."""
        n = self._document.network.layer_sizes[0]
        x, y = int(x), int(y)
        if x == y or not (0 <= x < n and 0 <= y < n) or (x, y) == self._features:
            self._fill_feature_combos(self._document.input_names())  # back to what is shown
            return
        self._features = (x, y)
        self.planeFeaturesChanged.emit(x, y)
        self._rebuild()

    def _features_chosen(self, _index: int = 0) -> None:
        x, y = self.xFeatureCombo.currentIndex(), self.yFeatureCombo.currentIndex()
        if x == y:  # the other axis takes the input this one had
            if self.sender() is self.xFeatureCombo:
                y = self._features[0]
            else:
                x = self._features[1]
        self.set_features(x, y)

    def _show_title(self) -> None:
        doc = self._document
        net = doc.network
        if self._neuron is not None:
            layer, index = self._neuron
            last = layer == len(net.layer_sizes) - 1
            if last:
                what = self.tr("Output node {name}: its value at each point").format(
                    name=html_text(doc.output_names()[index]))
            else:
                what = self.tr("Neuron {j} of hidden layer {l}: its value at each point").format(
                    j=index + 1, l=layer)
        else:
            what = self.tr("The network's answer at each point")
        text = f"<b>{what}</b>"
        if net.layer_sizes[0] > 2:
            text += "<br>" + self.tr("The other inputs are held at their training mean.")
        self.title.setText(text)
        self._show_legend(doc.data)

    def _show_curve_page(self, data) -> None:
        self.stack.setCurrentIndex(2)
        name = self._document.input_names()[0]
        target = self._document.output_names()[0]
        item = self.curve_plot.getPlotItem()
        item.setLabel("bottom", self.tr("{name} (standardized)").format(name=name))
        item.setLabel("left", target)
        self.curve_train.setData(np.ravel(data.X_train), np.ravel(data.y_train))
        self.curve_test.setData(np.ravel(data.X_test), np.ravel(data.y_test))
        self.curve_test.setVisible(self.showTestDataCheck.isChecked())
        blue, orange = (tuple(int(v) for v in c) for c in class_colours(2))
        self.curve_legend.setText(self.tr(
            "Line: the network's prediction. {train} training examples &nbsp;{test} test examples").format(
            train=f'<span style="color:#{blue[0]:02x}{blue[1]:02x}{blue[2]:02x}; font-size:large">&#9679;</span>',
            test=f'<span style="color:#{orange[0]:02x}{orange[1]:02x}{orange[2]:02x}; font-size:large">&#9675;</span>'))
        self._draw_curve()

    def _show_test_points(self, on: bool) -> None:
        self.test_points.setVisible(on)
        self.curve_test.setVisible(on)

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
        shown = (data, self._features, self._classification)
        if data is not None and shown == self._points_for:
            return  # new data sends two rebuilds (data, then structure): the dots are there
        self.train_points.clear()
        self.test_points.clear()
        self._points_for = None
        if data is None:
            return
        self._points_for = shown
        cols = list(self._features)
        # A big table would bury the picture under its dots (and building a brush per dot
        # froze the window for seconds at 700,000 rows): every k-th example, at most
        # MAX_POINTS of each part, spread evenly over the table.
        train = _evenly(len(data.y_train), MAX_POINTS)
        test = _evenly(len(data.y_test), MAX_POINTS)
        X_train, X_test = np.asarray(data.X_train)[train][:, cols], np.asarray(data.X_test)[test][:, cols]
        y_train, y_test = np.asarray(data.y_train)[train], np.asarray(data.y_test)[test]
        if self._classification:
            k = max(len(data.dataset.class_names), 1)
            colours = class_colours(k)
            train_rgb = colours[np.asarray(y_train, dtype=int)]
            test_rgb = colours[np.asarray(y_test, dtype=int)]
            self._value_range = (0.0, 1.0)
        else:
            y_all = np.concatenate([np.ravel(data.y_train), np.ravel(data.y_test)]).astype(float)
            low, high = float(y_all.min()), float(y_all.max())
            self._value_range = (low, high)
            train_rgb = value_colours(np.ravel(y_train), low, high)
            test_rgb = value_colours(np.ravel(y_test), low, high)
        outline = pg.mkPen(QColor(40, 40, 40, 200), width=1)
        # One brush (and pen) object per colour, shared by its dots: pyqtgraph draws a symbol
        # once per distinct style, so a brush per dot meant a symbol drawn per dot (12,000
        # symbols took 2.4 s of the window's time).
        rgb = np.concatenate([train_rgb, test_rgb]).astype(int).reshape(-1, 3)
        colours, which = np.unique(rgb, axis=0, return_inverse=True)
        which = np.ravel(which)
        brushes = [pg.mkBrush(*(int(v) for v in c)) for c in colours]
        pens = [pg.mkPen(QColor(*(int(v) for v in c)), width=2.2) for c in colours]
        n_train = len(train_rgb)
        self.train_points.setData(pos=X_train, pen=outline, brush=[brushes[k] for k in which[:n_train]])
        self.test_points.setData(pos=X_test, brush=pg.mkBrush(255, 255, 255, 110),
                                 pen=[pens[k] for k in which[n_train:]])
        self.test_points.setVisible(self.showTestDataCheck.isChecked())

    def _show_sample(self) -> None:
        doc = self._document
        if self._extent is None:
            return
        x = doc.sample
        if x.size == self._document.network.layer_sizes[0] and x.size >= 2 and np.all(np.isfinite(x)):
            self.sample_marker.setData(pos=x[list(self._features)][None, :])
        else:
            self.sample_marker.clear()

    def _show_legend(self, data) -> None:
        def swatch(rgb) -> str:
            r, g, b = (int(v) for v in rgb)
            return f'<span style="color:#{r:02x}{g:02x}{b:02x}; font-size:large">&#9632;</span>'

        if self._neuron is not None:
            text = self.tr("{neg} -1 &nbsp;{zero} 0 &nbsp;{pos} +1<br>Background: the neuron's value at each "
                           "point, in the colours of the graph's nodes. Move the pointer off the node to see "
                           "the network's answer again.").format(
                neg=swatch(NEGATIVE_RGB), zero=swatch(WHITE), pos=swatch(POSITIVE_RGB))
        elif data is None:
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
                           "The ring is the sample.").format(low=number_text(low, 3, self), high=number_text(high, 3, self))
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
        self._legend_text = text
        self._fit_legend()

    def _fit_legend(self) -> None:
        """A short view keeps the picture large: the legend's swatches stay, its sentences
        move to the tooltip (a 1280x720 screen)."""
        text = getattr(self, "_legend_text", "")
        short = self.height() < SHORT_VIEW_HEIGHT and "<br>" in text
        self.legend.setText(text.split("<br>")[0] if short else text)
        self.legend.setToolTip(text if short else self.tr("What the colours of the decision boundary mean"))


#: the decision boundary shows at most this many examples of each part (training, test)
MAX_POINTS = 3000


def _evenly(n: int, limit: int) -> np.ndarray:
    """Indices of at most ``limit`` of ``n`` rows, spread evenly (all of them when n <= limit)."""
    if n <= limit:
        return np.arange(n)
    return np.linspace(0, n - 1, limit).round().astype(np.int64)
