"""The editable network graph: nodes in columns by layer, an edge for every weight.

Drawing, for speed at any size (up to 10 layers of 64 nodes, 37 000 weights):

- each node is a ``NodeItem`` (an ellipse filled by its value for the chosen sample);
- the edges are a few path items (``EdgePaths``), one per sign and width, which Qt paints in
  C++ without calling Python; between big layers only the strongest edges are drawn, fainter
  the weaker they are;
- ``parametersChanged`` recolours the existing items in place; only ``structureChanged``
  rebuilds the scene;
- clicking an edge is found by geometry (NumPy: distance from the click to each segment).

Colours are colour-blind safe: blue for positive, orange for negative (weights and values);
the width of an edge is the size of its weight.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QLocale, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QValidator,
)
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGraphicsEllipseItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QApplication,
    QLabel,
    QMenu,
    QWidget,
)

from nnsim.model.selection import activation_title, layer_title, node_name
from nnsim.ui.graph.node_pictures import NodePictures
from nnsim.ui.graph.update_overlay import FlashOverlay, gradient_picture
from nnsim.ui.number_spin import TYPED_LIMIT, NumberSpin
from nnsim.ui.number_text import locale_of, number_text, significant

POSITIVE = QColor(0, 114, 178)  # Okabe-Ito blue
NEGATIVE = QColor(230, 140, 0)  # Okabe-Ito orange, a little darker to show on white
SELECTED = QColor(20, 20, 20)
HALO = QColor(255, 200, 40)
BACKGROUND = QColor(250, 250, 247)
#: node outlines and texts: grey as usual, black in high contrast
OUTLINE, OUTLINE_HIGH_CONTRAST = QColor(90, 90, 90), QColor(0, 0, 0)

#: width levels an edge can take (edges are grouped by sign and level to paint fast)
LEVELS = 8
#: between two layers with more weights than this, only the strongest are drawn
MAX_EDGES_PER_GAP = 768
#: ... and a deep graph shares this many among its gaps (at least MIN_EDGES_PER_GAP each): a
#: repaint's cost grows with the edges drawn, and thousands more only add to the tangle
MAX_EDGES = 2400
MIN_EDGES_PER_GAP = 256
#: node outlines: a 1-pixel cosmetic pen takes Qt's fast path (wider ones are stroked)
NODE_PEN_WIDTH = 1.0
#: a graph of at most this many nodes is laid out again at once when its view changes shape
RELAYOUT_AT_ONCE = 200
#: node labels (names, values) are shown while no layer has more nodes than this
LABEL_LIMIT = 16
#: at text scale 1 (the window's own font size): a node's radius, its value's and the names'
#: font sizes in points; a larger scale (the window zoom, presentation) makes each of them
#: larger, the nodes up to RADIUS_SHARE of their spacing, and the value text with its node
BASE_RADIUS = 20.0
RADIUS_SHARE = 0.42
VALUE_POINTS = 8.5
NAME_POINTS = 10.0
#: the value text fills most of its node ("-0.64" about 85% of it)
VALUE_GROWTH = 1.15
#: the spacing of the layers' columns (scene units): at most this (this for deep networks),
#: less when the view is narrow, so the graph fills its view and its text stays readable
COLUMN, DEEP_COLUMN = 190.0, 150.0
#: ... but never less than this, nor less than a node's width plus MIN_EDGE_LENGTH
MIN_COLUMN, MIN_EDGE_LENGTH = 100.0, 60.0
#: a node name longer than this many characters is written on two lines
WRAP_NAME_AT = 14


def wrapped_name(name: str) -> str:
    """A long node name on two lines, broken at the space nearest its middle
    ("largo del" over "sépalo (cm)"): the names beside the graph take less of its width."""
    if len(name) <= WRAP_NAME_AT or " " not in name:
        return name
    spaces = [i for i, c in enumerate(name) if c == " "]
    cut = min(spaces, key=lambda i: abs(i - len(name) / 2))
    return name[:cut] + "\n" + name[cut + 1:]


def fitted_column(view_w: float, view_h: float, scene_h: float, fixed_w: float, gaps: int,
                  widest: float, smallest: float) -> float:
    """The column spacing that makes a graph ``scene_h`` high, with ``gaps`` columns apart
    and ``fixed_w`` of names and margins, as wide for its height as the view: then fitting
    it in the view scales it by ``view_h / scene_h``, the most its height allows. Clamped to
    [``smallest``, ``widest``]."""
    if gaps < 1 or view_w <= 0 or view_h <= 0 or scene_h <= 0:
        return widest
    column = (view_w / view_h * scene_h - fixed_w) / gaps
    return float(min(widest, max(smallest, column)))


#: node colours come in this many shades per sign: updating a node is then one look-up in a
#: table of brushes, and a node whose shade did not change is not touched at all
SHADES = 64


def shade_indices(values) -> np.ndarray:
    """The shade of each value: 0 (orange, -1 or less) .. SHADES (white, 0) .. 2*SHADES (blue)."""
    v = np.asarray(values, dtype=float)
    t = np.where(np.isfinite(v), np.clip(v, -1.0, 1.0), 0.0)
    return (np.rint(t * SHADES) + SHADES).astype(np.intp)


def _shade_color(k: int) -> QColor:
    t = (k - SHADES) / SHADES
    c = POSITIVE if t >= 0 else NEGATIVE
    t = abs(t)
    return QColor(
        round(255 + (c.red() - 255) * t),
        round(255 + (c.green() - 255) * t),
        round(255 + (c.blue() - 255) * t),
    )


_SHADE_COLORS = [_shade_color(k) for k in range(2 * SHADES + 1)]
_SHADE_BRUSHES = [QBrush(c) for c in _SHADE_COLORS]


def value_color(v: float) -> QColor:
    """White at 0, blue towards +1, orange towards -1 (values beyond ±1 saturate)."""
    return QColor(_SHADE_COLORS[int(shade_indices(v))])


def _fade(colour: QColor, amount: float) -> QColor:
    """``colour`` mixed with the background: ``amount`` 1 is the colour, 0 the background."""
    bg = BACKGROUND
    return QColor(
        round(bg.red() + (colour.red() - bg.red()) * amount),
        round(bg.green() + (colour.green() - bg.green()) * amount),
        round(bg.blue() + (colour.blue() - bg.blue()) * amount),
    )


def fmt(v: float, locale: QLocale | None = None) -> str:
    """A node's value as the graph writes it: "0.45" ("0,45" in a Spanish ``locale``)."""
    loc = locale if locale is not None else locale_of()  # below 100: no digit group to omit
    return loc.toString(float(v), "f", 2) if abs(v) < 100 else loc.toString(float(v), "g", 3)


class NodeItem(QGraphicsEllipseItem):
    """One node; ``layer`` and ``index`` as in ``Network.layer_sizes``."""

    def __init__(self, view: "NetworkView", layer: int, index: int, radius: float):
        super().__init__(-radius, -radius, 2 * radius, 2 * radius)
        self.view, self.layer, self.index, self.radius = view, layer, index, radius
        self.setAcceptHoverEvents(True)
        self.setZValue(10)
        self.setCursor(Qt.PointingHandCursor)
        self.value_text: QGraphicsSimpleTextItem | None = None
        #: the same text, outlined in the opposite colour behind it: the number stays readable
        #: over the neuron's picture, whatever its colours
        self.value_halo: QGraphicsSimpleTextItem | None = None
        self.shown_value: tuple | None = None  # what value_text shows now

    def hoverEnterEvent(self, event):  # noqa: N802 - Qt's name
        # The tooltip is written when the pointer arrives: always current, never recomputed
        # for hundreds of nodes on every slider move.
        self.setToolTip(self.view.node_tooltip(self.layer, self.index))
        super().hoverEnterEvent(event)


class EdgePaths:
    """Every edge of the graph, as one ``QGraphicsPathItem`` per (sign, width level).

    Qt paints these items in C++ without calling back into Python, so a repaint takes no
    Python time: the training thread keeps the interpreter (the GIL) and the UI thread never
    waits for it. An update regroups the edges with NumPy and rebuilds the paths from
    coordinate arrays (``pyqtgraph.arrayToQPath``), a few dozen calls whatever the size.
    """

    def __init__(self, scene: QGraphicsScene, positions: list[np.ndarray], thin: bool,
                 line_scale: float = 1.0, high_contrast: bool = False):
        # Both ends of every possible edge of each gap, in the order of weights[l].ravel().
        self._ends = []
        for src, dst in zip(positions[:-1], positions[1:]):
            n_in, n_out = len(src), len(dst)
            self._ends.append((np.repeat(src, n_out, axis=0), np.tile(dst, (n_in, 1))))
        #: at most this many edges are drawn between two layers
        self.edges_per_gap = min(MAX_EDGES_PER_GAP, max(MIN_EDGES_PER_GAP, MAX_EDGES // max(1, len(self._ends))))
        self.items: dict[tuple[int, int], QGraphicsPathItem] = {}
        # Opaque colours faded towards the background, not alpha: Qt's raster engine blends
        # translucent lines many times slower. Flat caps: the nodes cover the ends.
        # (High contrast: stronger colours for the weakest edges.)
        lo = (0.35 if thin else 0.55) if high_contrast else (0.12 if thin else 0.3)
        for sign, colour in ((1, POSITIVE), (-1, NEGATIVE)):
            for level in range(LEVELS):
                m = (level + 1) / LEVELS
                width = (0.6 if thin else 0.8) + (2.4 if thin else 5.2) * m
                pen = QPen(_fade(colour, lo + (1 - lo) * m), width * line_scale)
                pen.setCosmetic(True)
                pen.setCapStyle(Qt.FlatCap)
                item = QGraphicsPathItem()
                item.setPen(pen)
                item.setAcceptedMouseButtons(Qt.NoButton)  # clicks find edges by geometry
                item.setZValue(level / LEVELS)  # weak edges below, strong ones on top
                scene.addItem(item)
                self.items[(sign, level)] = item
        # positive levels 0..LEVELS-1, then negative ones: the order of the keys in update()
        self._order = [self.items[(1, lv)] for lv in range(LEVELS)] + [self.items[(-1, lv)] for lv in range(LEVELS)]

    def update(self, weights: list[np.ndarray], scale: float) -> None:
        """Regroup the edges for ``weights`` (widths relative to ``scale``) and set the paths."""
        keys, seg_x, seg_y = [], [], []
        cap = self.edges_per_gap
        for (a, b), w in zip(self._ends, weights):
            w = w.ravel()
            mag = np.abs(w)
            if w.size > cap:  # between big layers, only the strongest
                keep = np.argpartition(mag, w.size - cap)[w.size - cap:]
            else:
                keep = np.arange(w.size)
            # (a non-finite weight, say a hand-typed huge value over an infinite scale, gets
            # the thinnest level rather than an index out of range)
            with np.errstate(invalid="ignore", divide="ignore"):  # inf / inf: NaN, on purpose
                level = np.clip(np.nan_to_num(mag[keep] / scale * LEVELS), 0, LEVELS - 1).astype(np.intp)
            keys.append(level + LEVELS * (w[keep] < 0))  # the index into self._order
            # Segment endpoints interleaved (a0, b0, a1, b1, ...), as connect="pairs" wants.
            seg_x.append(np.column_stack([a[keep, 0], b[keep, 0]]))
            seg_y.append(np.column_stack([a[keep, 1], b[keep, 1]]))
        key = np.concatenate(keys)
        order = np.argsort(key, kind="stable")
        x, y = np.concatenate(seg_x)[order], np.concatenate(seg_y)[order]
        ends = np.cumsum(np.bincount(key, minlength=2 * LEVELS))
        start = 0
        for item, stop in zip(self._order, ends):
            if stop > start:
                item.setPath(pg.arrayToQPath(x[start:stop].ravel(), y[start:stop].ravel(),
                                             connect="pairs", finiteCheck=False))
            elif not item.path().isEmpty():
                item.setPath(QPainterPath())
            start = stop

    def edge_count(self) -> int:
        """Edges drawn (for tests): segments in all the paths."""
        return sum(item.path().elementCount() // 2 for item in self.items.values())


class LegendWidget(QLabel):
    """What the colours mean, in a corner of the graph.

    Drawn once into a pixmap (again when the font, the language or the contrast changes): the
    label then shows it from C++, so repainting the graph under it runs no Python. Its size
    follows its font (the window zoom), and the view puts it in a corner where it covers no
    node and no text, or hides it (``NetworkView.place_legend``): it never shrinks the graph.
    """

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("networkLegend")
        self.setAccessibleName(self.tr("Legend of the network graph"))
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        #: "weights" (the usual picture) or "gradient" (the gradient view)
        self.mode = "weights"
        self.high_contrast = False
        #: called when the legend's size changed (the view places it again)
        self.on_resized = None
        self._render()

    def resizeEvent(self, event):  # noqa: N802 (Qt)
        super().resizeEvent(event)
        if self.on_resized is not None:
            self.on_resized()

    def set_mode(self, mode: str) -> None:
        if mode != self.mode:
            self.mode = mode
            self._render()

    def set_high_contrast(self, on: bool) -> None:
        if bool(on) != self.high_contrast:
            self.high_contrast = bool(on)
            self._render()

    def changeEvent(self, event):  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.FontChange, QEvent.LanguageChange):
            self._render()

    def _rows(self) -> tuple:
        if self.mode == "gradient":
            return ((POSITIVE, self.tr("gradient > 0: weight lowered")),
                    (NEGATIVE, self.tr("gradient < 0: weight raised")),
                    self.tr("thicker = larger |gradient|"), ("−", "+"), self.tr("node: delta δ"))
        return ((POSITIVE, self.tr("positive weight")), (NEGATIVE, self.tr("negative weight")),
                self.tr("thicker = larger |weight|"), ("-1", "+1"), self.tr("node value"))

    def _render(self) -> None:
        font = QFont(self.font())
        font.setPointSizeF(max(7.5, font.pointSizeF() * 0.9))
        metrics = QFontMetricsF(font)
        line = metrics.height()  # every length below is in lines or in text widths
        pad, swatch = 0.6 * line, 2.0 * line
        first, second, note, ends, node = self._rows()
        bar = 6.5 * line  # the node-value scale
        width = pad + max(swatch + 0.5 * line + max(metrics.horizontalAdvance(first[1]),
                                                     metrics.horizontalAdvance(second[1])),
                          metrics.horizontalAdvance(note),
                          bar + 0.5 * line + metrics.horizontalAdvance(node)) + pad
        height = pad + 5.2 * line + pad
        self.setFixedSize(math.ceil(width), math.ceil(height))
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.Antialiasing)
        ink = QColor(0, 0, 0) if self.high_contrast else QColor(40, 40, 40)
        p.setPen(QPen(ink if self.high_contrast else QColor(200, 200, 200)))
        p.setBrush(QColor(255, 255, 255, 255 if self.high_contrast else 230))
        p.drawRoundedRect(QRectF(0.5, 0.5, self.width() - 1, self.height() - 1), 6, 6)
        p.setFont(font)
        ascent = metrics.ascent()
        y = pad + 0.5 * line  # the middle of the first row
        for colour, text in (first, second):
            p.setPen(QPen(colour, max(3.0, 0.3 * line), Qt.SolidLine, Qt.RoundCap))
            p.drawLine(QPointF(pad, y), QPointF(pad + swatch, y))
            p.setPen(ink)
            p.drawText(QPointF(pad + swatch + 0.5 * line, y - line / 2 + ascent), text)
            y += 1.1 * line
        p.drawText(QPointF(pad, y - line / 2 + ascent), note)
        y += 0.9 * line
        grad = QLinearGradient(pad, 0, pad + bar, 0)
        grad.setColorAt(0.0, value_color(-1))
        grad.setColorAt(0.5, value_color(0))
        grad.setColorAt(1.0, value_color(1))
        p.setPen(ink if self.high_contrast else QColor(150, 150, 150))
        p.setBrush(grad)
        p.drawRect(QRectF(pad, y, bar, 0.7 * line))
        p.setPen(ink)
        p.drawText(QPointF(pad + bar + 0.5 * line, y + ascent * 0.8), node)
        y += 0.8 * line + ascent
        p.drawText(QPointF(pad, y), ends[0])
        p.drawText(QPointF(pad + bar / 2 - metrics.horizontalAdvance("0") / 2, y), "0")
        p.drawText(QPointF(pad + bar - metrics.horizontalAdvance(ends[1]), y), ends[1])
        p.end()
        self.setPixmap(pixmap)


class NetworkView(QGraphicsView):
    """The network graph of ``document``; edits go through ``editor`` (a NetworkEditor)."""

    #: a node was clicked: (layer, index)
    nodeClicked = Signal(int, int)
    #: an edge was clicked: (l, i, j) for weights[l][i, j]
    edgeClicked = Signal(int, int, int)
    #: the pointer came onto a node's picture: (layer, index); left it: (-1, -1)
    nodeHovered = Signal(int, int)

    def __init__(self, document, editor, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.editor = editor
        self.selection = editor.selection
        self.setObjectName("networkView")
        self.setAccessibleName(self.tr("Network graph"))
        self.setAccessibleDescription(
            self.tr("Layers of nodes joined by weighted edges. Click a node to edit its weights.")
        )
        self.setToolTip("")
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.Antialiasing)
        self.setRenderHint(QPainter.TextAntialiasing)
        self.setBackgroundBrush(BACKGROUND)
        self.setDragMode(QGraphicsView.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.SmartViewportUpdate)
        self.setMinimumSize(320, 240)
        self.setFocusPolicy(Qt.StrongFocus)
        self.legend = LegendWidget(self)
        #: sizes of text, nodes and lines relative to the usual: the view's font size over the
        #: application's (the window zoom sets the window's font; ``changeEvent`` follows it)
        self.text_scale = 1.0
        #: black outlines and texts on white, stronger edges (``set_high_contrast``)
        self.high_contrast = False
        self._occupied = np.zeros((0, 4))  # scene rects (x0, y0, x1, y1) the legend must not cover
        self.legend.on_resized = self.place_legend
        self._auto_fit = True
        self._nodes: list[list[NodeItem]] = []
        self._edges: EdgePaths | None = None
        self._positions: list[np.ndarray] = []
        self._radius = 18.0
        self._show_labels = True
        self._value_texts: list[QGraphicsSimpleTextItem] = []
        self._node_shades: list[np.ndarray] = []  # per layer, the shades on screen
        self._editor_widget: QDoubleSpinBox | None = None
        self.weight_scale = 1.0
        #: edges and nodes show the last update's gradient instead of the weights and values
        self.gradient_view = False
        self._update = None  # the last weight update (an nnsim.core.update.Update)
        self.flash_overlay: FlashOverlay | None = None
        halo_pen = QPen(HALO, 7)
        halo_pen.setCosmetic(True)
        self._node_halo = QGraphicsEllipseItem()
        self._node_halo.setPen(halo_pen)
        self.text_scale = self._scale_from_font()
        self._edge_halo = QGraphicsLineItem()
        self._edge_line = QGraphicsLineItem()
        self._column = COLUMN
        #: a big graph's new layout for a new shape of the view waits for the resizing to pause
        self._relayout_timer = QTimer(self)
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(150)
        self._relayout_timer.timeout.connect(lambda: self._auto_fit and self._column_is_stale() and self.rebuild())
        self.rebuild()
        document.structureChanged.connect(self.rebuild)
        document.parametersChanged.connect(self.update_values)
        self.selection.changed.connect(self.update_selection)

    # ------------------------------------------------------------ building
    def rebuild(self) -> None:
        """Lay the scene out again from ``document.network`` (structure changed)."""
        self._close_editor(commit=False)
        scene = self.scene()
        for item in (self._node_halo, self._edge_halo, self._edge_line):
            if item.scene() is not None:
                scene.removeItem(item)
        if self.flash_overlay is not None:
            self.flash_overlay.remove()
        scene.clear()
        net = self.document.network
        sizes = net.layer_sizes
        biggest = max(sizes)
        # Per layer: a small layer keeps big nodes and its labels even next to a huge one.
        self._show_labels = [n <= LABEL_LIMIT for n in sizes]
        spacings = [62.0 if n <= 8 else max(10.0, min(62.0, 560.0 / n)) for n in sizes]
        z = self.text_scale
        radii = [min(BASE_RADIUS * z, sp * (0.36 if z <= 1 else RADIUS_SHARE)) for sp in spacings]
        self._radius = min(radii)
        name_font = QFont(self.font())
        name_font.setPointSizeF(NAME_POINTS * z)
        height = max(sp * (n - 1) for sp, n in zip(spacings, sizes))
        column = self._column = self._fitted_column(sizes, radii, height, name_font)
        self._positions = []
        for layer, n in enumerate(sizes):
            y0 = (height - spacings[layer] * (n - 1)) / 2
            self._positions.append(
                np.column_stack([np.full(n, layer * column), y0 + spacings[layer] * np.arange(n)])
            )
        self._compute_weight_scale()
        thin = any(a * b > 256 for a, b in zip(sizes[:-1], sizes[1:]))
        self._edges = EdgePaths(scene, self._positions, thin, z, self.high_contrast)
        self.flash_overlay = FlashOverlay(scene, self._positions, parent=self)
        # Antialiasing a big graph's thousands of edges would cost more than it shows.
        self.setRenderHint(QPainter.Antialiasing, not thin)
        self.setBackgroundBrush(QColor(255, 255, 255) if self.high_contrast else BACKGROUND)
        node_pen = self._node_pen()
        ink = QColor(0, 0, 0) if self.high_contrast else QColor(30, 30, 30)
        occupied = []
        self._nodes = []
        self._node_shades = []
        self._value_texts = []
        n_total = len(sizes)
        for layer, n in enumerate(sizes):
            items = []
            radius = radii[layer]
            small_font = QFont(self.font())  # the value text grows with its node, a little
            small_font.setPointSizeF(VALUE_POINTS * radius / BASE_RADIUS * VALUE_GROWTH)
            for index in range(n):
                x, y = self._positions[layer][index]
                node = NodeItem(self, layer, index, radius)
                node.setPos(x, y)
                node.setPen(node_pen)
                scene.addItem(node)
                items.append(node)
                occupied.append((x - radius, y - radius, x + radius, y + radius))
                if self._show_labels[layer] and radius >= 12:
                    text = QGraphicsSimpleTextItem(node)
                    text.setFont(small_font)
                    node.value_text = text
                    self._value_texts.append(text)
                    if layer > 0:  # (an input has no picture under its number)
                        halo = QGraphicsSimpleTextItem(node)
                        halo.setFont(small_font)
                        halo.setZValue(0.5)  # above the picture (-0.5), below the text (1)
                        node.value_halo = halo
                if self._show_labels[layer] and layer in (0, n_total - 1):
                    label = QGraphicsSimpleTextItem(wrapped_name(node_name(self.document, layer, index)))
                    label.setFont(name_font)
                    label.setBrush(ink)
                    r = label.boundingRect()
                    dx = -radius - 14 - r.width() if layer == 0 else radius + 14
                    label.setPos(x + dx, y - r.height() / 2)
                    label.setZValue(11)
                    scene.addItem(label)
                    occupied.append((x + dx, y - r.height() / 2, x + dx + r.width(), y + r.height() / 2))
            self._nodes.append(items)
            # A header over each column: the layer's name and activation.
            header = layer_title(layer, n_total)
            if layer > 0:
                header += f"\n{activation_title(net.activations[layer - 1])}"
            title = QGraphicsSimpleTextItem(header)
            title.setFont(name_font)
            title.setBrush(ink if self.high_contrast else QColor(70, 70, 70))
            r = title.boundingRect()
            title.setPos(layer * column - r.width() / 2, -max(radii) - 14 - r.height())
            scene.addItem(title)
            occupied.append((layer * column - r.width() / 2, -max(radii) - 14 - r.height(),
                             layer * column + r.width() / 2, -max(radii) - 14))
        self._occupied = np.array(occupied, dtype=float).reshape(-1, 4)
        rect = scene.itemsBoundingRect().adjusted(-20, -20, 20, 20)
        scene.setSceneRect(rect)  # before the highlights, which still hold old positions
        self.setSceneRect(rect)
        for item in (self._node_halo, self._edge_halo, self._edge_line):
            scene.addItem(item)
            item.hide()
        self._node_halo.setZValue(9)
        self._edge_halo.setZValue(5)
        self._edge_line.setZValue(6)
        self.update_values()
        self.update_selection()
        if self._auto_fit:
            self.fit_to_view()
        else:
            self.place_legend()
        self._rebuild_node_pictures()

    def _names_width(self, layer: int, font: QFont) -> float:
        """The widest name written beside ``layer`` (0 or the last), as the graph writes it."""
        if not self._show_labels[layer]:
            return 0.0
        metrics = QFontMetricsF(font)
        return max((max(metrics.horizontalAdvance(line) for line in wrapped_name(
            node_name(self.document, layer, k)).split("\n")) for k in range(self.document.network.layer_sizes[layer])),
            default=0.0)

    def _fitted_column(self, sizes, radii, height: float, name_font: QFont) -> float:
        """The columns' spacing for the view's present shape (``fitted_column``)."""
        widest = COLUMN if len(sizes) <= 5 else DEEP_COLUMN
        line = QFontMetricsF(name_font).height()
        scene_h = height + 2 * max(radii) + 14 + 2 * line + 40  # the headers (two lines) and the margins
        fixed_w = (self._names_width(0, name_font) + self._names_width(len(sizes) - 1, name_font)
                   + 2 * 14 + radii[0] + radii[-1] + 40)
        smallest = max(MIN_COLUMN, 2 * max(radii) + MIN_EDGE_LENGTH)
        vp = self.viewport()
        return fitted_column(vp.width() - 4, vp.height() - 4, scene_h, fixed_w, len(sizes) - 1, widest, smallest)

    def _column_is_stale(self) -> bool:
        """The view changed shape enough that other column spacing would show the graph larger."""
        if not self._nodes or self._editor_widget is not None:
            return False
        sizes = self.document.network.layer_sizes
        radii = [items[0].radius for items in self._nodes if items]
        if len(radii) != len(sizes):
            return False
        name_font = QFont(self.font())
        name_font.setPointSizeF(NAME_POINTS * self.text_scale)
        height = max(float(p[:, 1].max() - p[:, 1].min()) for p in self._positions)
        return abs(self._fitted_column(sizes, radii, height, name_font) - self._column) > 0.03 * self._column

    # ------------------------------------------------------------ a picture in every neuron
    def show_neuron_pictures(self, layers) -> None:
        """Every hidden and output node shows its map over the input plane: ``layers`` as
        from ``nnsim.core.grid.neuron_images`` (None: no pictures)."""
        self._neuron_layers = layers
        pictures = getattr(self, "node_pictures", None)
        if pictures is None or pictures.nodes is not self._nodes:
            self._rebuild_node_pictures()
        else:
            pictures.show(layers)

    def _rebuild_node_pictures(self) -> None:
        """New nodes (a rebuild): new picture items, showing the last maps if they still fit."""
        self.node_pictures = NodePictures(self._nodes, self.nodeHovered.emit)
        self.node_pictures.show(getattr(self, "_neuron_layers", None))

    def _node_pen(self) -> QPen:
        """The outline of a node that is not selected (1 pixel at text scale 1: Qt's fast path)."""
        pen = QPen(OUTLINE_HIGH_CONTRAST if self.high_contrast else OUTLINE,
                   NODE_PEN_WIDTH * self.text_scale * (2 if self.high_contrast else 1))
        pen.setCosmetic(True)
        return pen

    # ------------------------------------------------------------ sizes and contrast
    def _scale_from_font(self) -> float:
        app = QApplication.instance()
        base = app.font().pointSizeF() if app is not None else 0.0
        size = self.font().pointSizeF()
        return size / base if base > 0 and size > 0 else 1.0

    def changeEvent(self, event):  # noqa: N802 (Qt)
        """The window zoom changed the view's font: text, nodes and lines follow it."""
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:
            scale = self._scale_from_font()
            if abs(scale - self.text_scale) > 1e-6:
                self.text_scale = scale
                halo = QPen(HALO, 7 * scale)
                halo.setCosmetic(True)
                self._node_halo.setPen(halo)
                self.rebuild()

    def set_high_contrast(self, on: bool) -> None:
        """Black outlines and texts on white, stronger edges: for a washed-out projector."""
        if bool(on) != self.high_contrast:
            self.high_contrast = bool(on)
            self.legend.set_high_contrast(on)
            self.rebuild()

    def _compute_weight_scale(self) -> None:
        net = self.document.network
        biggest = max((float(np.abs(w).max()) for w in net.weights), default=1.0)
        self.weight_scale = max(1.0, biggest)

    # ------------------------------------------------------------ updating in place
    def update_values(self) -> None:
        """Recolour nodes and edges for the current parameters and sample (no rebuild)."""
        if [len(items) for items in self._nodes] != list(self.document.network.layer_sizes):
            return  # a structure change is on its way (its rebuild draws everything)
        trace = self.document.trace()
        picture = self._gradient_picture()
        raw = self.document.sample_raw  # the inputs in the data's own units (cm), if any
        for layer, items in enumerate(self._nodes):
            values = trace.activations[layer][0] if picture is None else picture[2][layer]
            shades = shade_indices(values)
            old = self._node_shades[layer] if layer < len(self._node_shades) else None
            changed = range(len(items)) if old is None or len(old) != len(shades) else np.flatnonzero(shades != old)
            for k in changed:
                items[k].setBrush(_SHADE_BRUSHES[shades[k]])
            if layer < len(self._node_shades):
                self._node_shades[layer] = shades
            else:
                self._node_shades.append(shades)
            locale = self.locale()
            for k, (node, v) in enumerate(zip(items, values)):
                if node.value_text is not None:
                    text = node.value_text
                    if picture is not None:
                        label = self._delta_text(node)
                    elif layer == 0 and raw is not None:  # what the person typed or the table holds
                        label = fmt(float(raw[k]), locale)
                    else:
                        label = fmt(v, locale)
                    shown = (label, abs(v) > 0.6)  # the label, and white on a dark node
                    if node.shown_value == shown:
                        continue
                    node.shown_value = shown
                    text.setText(shown[0])
                    text.setBrush(QColor(255, 255, 255) if shown[1] else QColor(0, 0, 0) if self.high_contrast
                                  else QColor(20, 20, 20))
                    r = text.boundingRect()
                    text.setPos(-r.width() / 2, -r.height() / 2)
                    halo = node.value_halo
                    if halo is None:
                        continue
                    halo.setText(shown[0])
                    ring = QColor(0, 0, 0, 170) if shown[1] else QColor(255, 255, 255, 215)
                    pen = QPen(ring, text.font().pointSizeF() * 0.28, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin)
                    halo.setPen(pen)
                    halo.setBrush(ring)
                    halo.setPos(text.pos())
        self._compute_weight_scale()
        if picture is None:
            self._edges.update(self.document.network.weights, self.weight_scale)
        else:
            self._edges.update(picture[0], picture[1])
        self._update_edge_highlight()

    # ------------------------------------------------------------ the last update
    def show_update(self, update) -> None:
        """The last weight update (None: none), for the gradient view."""
        self._update = update
        if self.gradient_view:
            self.update_values()

    def set_gradient_view(self, on: bool) -> None:
        """Colour and size the edges by the last update's gradient, and the nodes by their
        delta, instead of by the weights and values (off: the usual picture)."""
        self.gradient_view = bool(on)
        self.legend.set_mode("gradient" if on else "weights")
        for items in self._nodes:
            for node in items:
                node.shown_value = None  # the labels change meaning
        self._node_shades = []
        self.update_values()

    def flash_update(self, update) -> None:
        """Light up the weights ``update`` changed, briefly."""
        if self.flash_overlay is not None and update is not None and self._fits(update):
            self.flash_overlay.flash(self.document.network, update)

    def _fits(self, update) -> bool:
        return update.fits(self.document.network)

    def _gradient_picture(self):
        if not self.gradient_view or self._update is None or not self._fits(self._update):
            return None
        return gradient_picture(self.document.network, self._update)

    def _delta_text(self, node) -> str:
        """A node's label in the gradient view: its delta (the batch mean), "" for inputs."""
        if node.layer == 0:
            return ""
        return significant(float(self._update.backprop.deltas[node.layer - 1][:, node.index].mean()), 2)

    def update_selection(self) -> None:
        node = self.selection.node
        if node is not None and node[0] < len(self._nodes) and node[1] < len(self._nodes[node[0]]):
            item = self._nodes[node[0]][node[1]]
            z = self.text_scale
            r = item.radius + 5 * z
            self._node_halo.setRect(-r, -r, 2 * r, 2 * r)
            self._node_halo.setPos(item.pos())
            self._node_halo.show()
            pen = QPen(SELECTED, 3 * z)
            pen.setCosmetic(True)
            usual = self._node_pen()
            for items in self._nodes:
                for other in items:
                    if other.pen() != usual:
                        other.setPen(usual)
            item.setPen(pen)
        else:
            self._node_halo.hide()
        self._update_edge_highlight()

    def _update_edge_highlight(self) -> None:
        edge = self.selection.edge
        if edge is None or edge[0] >= len(self._positions) - 1:
            self._edge_halo.hide()
            self._edge_line.hide()
            return
        l, i, j = edge
        a, b = self._positions[l][i], self._positions[l + 1][j]
        w = float(self.document.network.weights[l][i, j])
        m = min(abs(w) / self.weight_scale, 1.0)
        width = (1.5 + 5 * m) * self.text_scale
        halo = QPen(SELECTED, width + 5 * self.text_scale, Qt.SolidLine, Qt.RoundCap)
        halo.setCosmetic(True)
        top = QPen(POSITIVE if w >= 0 else NEGATIVE, width, Qt.SolidLine, Qt.RoundCap)
        top.setCosmetic(True)
        for item, pen in ((self._edge_halo, halo), (self._edge_line, top)):
            item.setLine(a[0], a[1], b[0], b[1])
            item.setPen(pen)
            item.show()

    # ------------------------------------------------------------ reading
    def node_item(self, layer: int, index: int) -> NodeItem:
        return self._nodes[layer][index]

    def node_position(self, layer: int, index: int) -> QPointF:
        """Centre of a node in scene coordinates."""
        x, y = self._positions[layer][index]
        return QPointF(float(x), float(y))

    def edge_midpoint(self, l: int, i: int, j: int, t: float = 0.5) -> QPointF:
        """A point on edge (l, i, j), a fraction ``t`` of the way from its source node."""
        (ax, ay), (bx, by) = self._positions[l][i], self._positions[l + 1][j]
        return QPointF(ax + (bx - ax) * t, ay + (by - ay) * t)

    @property
    def labels_shown(self) -> list[bool]:
        """Per layer: are node names and values drawn (they hide in big layers)?"""
        return list(self._show_labels)

    def node_tooltip(self, layer: int, index: int) -> str:
        net = self.document.network
        trace = self.document.trace()
        name = node_name(self.document, layer, index)
        a = float(trace.activations[layer][0][index])
        if layer == 0:
            raw = self.document.sample_raw
            if raw is not None:
                return (self.tr("%1 (input)\n%2 in the data's units → x = %3 as the network sees it (standardized)")
                        .replace("%1", name).replace("%2", number_text(float(raw[index]), 6, self))
                        .replace("%3", _readable(a, self.locale())))
            return self.tr("%1 (input)\nvalue x = %2").replace("%1", name).replace("%2", _readable(a, self.locale()))
        z = float(trace.zs[layer - 1][0][index])
        return (
            self.tr("%1 (%2)\nz = %3\n%4(z) = %5")
            .replace("%1", name)
            .replace("%2", layer_title(layer, len(net.layer_sizes)))
            .replace("%3", _readable(z, self.locale()))
            .replace("%4", activation_title(net.activations[layer - 1]))
            .replace("%5", _readable(a, self.locale()))
        )

    def node_at(self, view_pos) -> tuple[int, int] | None:
        for item in self.items(view_pos):
            if isinstance(item, NodeItem):
                return item.layer, item.index
        return None

    def edge_at(self, view_pos, tolerance_px: float = 5.0) -> tuple[int, int, int] | None:
        """The edge under a viewport position (the nearest within a few pixels), or None."""
        p = self.mapToScene(view_pos)
        px, py = p.x(), p.y()
        scale = self.transform().m11() or 1.0
        tol = tolerance_px / scale
        for l, (src, dst) in enumerate(zip(self._positions[:-1], self._positions[1:])):
            if not (src[0, 0] <= px <= dst[0, 0]):
                continue
            a = src[:, None, :]
            d = dst[None, :, :] - a
            length2 = (d ** 2).sum(axis=2)
            t = np.clip(((px - a[..., 0]) * d[..., 0] + (py - a[..., 1]) * d[..., 1]) / length2, 0, 1)
            dist = np.hypot(a[..., 0] + t * d[..., 0] - px, a[..., 1] + t * d[..., 1] - py)
            k = int(np.argmin(dist))
            i, j = divmod(k, dist.shape[1])
            if dist[i, j] <= tol:
                return l, i, j
        return None

    # ------------------------------------------------------------ mouse and keys
    def mousePressEvent(self, event):  # noqa: N802
        if event.button() == Qt.LeftButton:
            pos = event.position().toPoint()
            node = self.node_at(pos)
            if node is not None:
                self.selection.select_node(*node)
                self.nodeClicked.emit(*node)
                event.accept()
                return
            edge = self.edge_at(pos)
            if edge is not None:
                self.selection.select_edge(*edge)
                self.edgeClicked.emit(*edge)
                event.accept()
                return
        super().mousePressEvent(event)  # the background: drag to pan

    def mouseDoubleClickEvent(self, event):  # noqa: N802
        pos = event.position().toPoint()
        if event.button() == Qt.LeftButton and self.node_at(pos) is None:
            edge = self.edge_at(pos)
            if edge is not None:
                self.selection.select_edge(*edge)
                self.edit_weight(*edge)
                event.accept()
                return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event):  # noqa: N802
        node = self.node_at(event.pos())
        if node is None:
            super().contextMenuEvent(event)
            return
        self.selection.select_node(*node)
        menu = self.build_context_menu(*node)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def build_context_menu(self, layer: int, index: int) -> QMenu:
        """The right-click menu of a node (built separately so tests can trigger it)."""
        ed = self.editor
        menu = QMenu(self)
        menu.setObjectName("nodeContextMenu")
        add = menu.addAction(self.tr("Add a neuron to this layer"))
        add.setObjectName("contextAddNeuron")
        add.setEnabled(ed.can_add_neuron(layer))
        add.triggered.connect(lambda: ed.add_neuron(layer, index))
        remove = menu.addAction(self.tr("Remove this neuron"))
        remove.setObjectName("contextRemoveNeuron")
        remove.setEnabled(ed.can_remove_neuron(layer))
        remove.triggered.connect(lambda: ed.remove_neuron(layer, index))
        menu.addSeparator()
        add_layer = menu.addAction(self.tr("Add a hidden layer after this one"))
        add_layer.setObjectName("contextAddLayer")
        last = len(self.document.network.layer_sizes) - 1
        add_layer.setEnabled(ed.can_add_layer() and layer < last)
        add_layer.triggered.connect(lambda: ed.add_layer(layer))
        remove_layer = menu.addAction(self.tr("Remove this layer"))
        remove_layer.setObjectName("contextRemoveLayer")
        remove_layer.setEnabled(ed.can_remove_layer(layer))
        remove_layer.triggered.connect(lambda: ed.remove_layer(layer))
        choices = ed.activation_choices(layer)
        sub = menu.addMenu(self.tr("Activation"))
        sub.setObjectName("contextActivationMenu")
        sub.setEnabled(bool(choices))
        group = QActionGroup(sub)
        current = self.document.network.activations[layer - 1] if layer >= 1 else None
        for name in choices:
            action = QAction(activation_title(name), sub)
            action.setObjectName(f"contextActivation_{name}")
            action.setCheckable(True)
            action.setChecked(name == current)
            action.triggered.connect(lambda checked=False, n=name: ed.set_activation(layer, n))
            group.addAction(action)
            sub.addAction(action)
        return menu

    def keyPressEvent(self, event):  # noqa: N802
        """Arrows move the selection (up/down in a layer, left/right across layers)."""
        node = self.selection.node
        key = event.key()
        if node is None or key not in (Qt.Key_Up, Qt.Key_Down, Qt.Key_Left, Qt.Key_Right):
            super().keyPressEvent(event)
            return
        sizes = self.document.network.layer_sizes
        layer, index = node
        if key == Qt.Key_Up:
            index = max(0, index - 1)
        elif key == Qt.Key_Down:
            index = min(sizes[layer] - 1, index + 1)
        else:
            layer = max(0, layer - 1) if key == Qt.Key_Left else min(len(sizes) - 1, layer + 1)
            index = min(index, sizes[layer] - 1)
        self.selection.select_node(layer, index)
        event.accept()

    def wheelEvent(self, event):  # noqa: N802
        delta = event.angleDelta().y()
        if delta == 0:
            super().wheelEvent(event)
            return
        self.zoom(1.0015 ** delta)
        event.accept()

    def zoom(self, factor: float) -> None:
        current = self.transform().m11()
        factor = max(0.05 / current, min(factor, 8.0 / current))
        self._auto_fit = False
        self.scale(factor, factor)
        self.place_legend()

    def fit_to_view(self) -> None:
        """The whole graph as large as the view allows (the legend takes no room from it)."""
        self._auto_fit = True
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        self.setSceneRect(rect)
        self.fitInView(rect, Qt.KeepAspectRatio)
        # Never blow a tiny network up beyond 1.6x: its few nodes would fill the screen.
        if self.transform().m11() > 1.6:
            self.resetTransform()
            self.scale(1.6, 1.6)
            self.centerOn(rect.center())
        self.place_legend()

    def place_legend(self) -> None:
        """Put the legend in the first corner of the view (bottom left, bottom right, top left,
        top right) where it covers no node and no text; hide it when there is none."""
        legend, margin = self.legend, 8
        vp = self.viewport()
        w, h = legend.width(), legend.height()
        t = self.viewportTransform()
        boxes = self._occupied
        x0 = boxes[:, 0] * t.m11() + t.dx()
        x1 = boxes[:, 2] * t.m11() + t.dx()
        y0 = boxes[:, 1] * t.m22() + t.dy()
        y1 = boxes[:, 3] * t.m22() + t.dy()
        for left, top in ((margin, vp.height() - h - margin), (vp.width() - w - margin, vp.height() - h - margin),
                          (margin, margin), (vp.width() - w - margin, margin)):
            if left < 0 or top < 0:
                continue
            covers = (x0 < left + w) & (x1 > left) & (y0 < top + h) & (y1 > top)
            if not covers.any():
                legend.move(vp.mapTo(self, QPoint(left, top)))
                legend.show()
                return
        legend.hide()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 (Qt)
        super().scrollContentsBy(dx, dy)
        self.place_legend()

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        if self._auto_fit and self._column_is_stale():
            if sum(len(items) for items in self._nodes) <= RELAYOUT_AT_ONCE:
                self.rebuild()  # (fits the graph to the view)
            else:  # a big graph is laid out again once the resizing pauses
                self.fit_to_view()
                self._relayout_timer.start()
        elif self._auto_fit:
            self.fit_to_view()
        else:
            self.place_legend()

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        if self._auto_fit:
            QTimer.singleShot(0, self.fit_to_view)

    # ------------------------------------------------------------ editing a weight in place
    def edit_weight(self, l: int, i: int, j: int) -> QDoubleSpinBox:
        """Open a small spin box over edge (l, i, j); Enter commits, Escape cancels."""
        self._close_editor(commit=False)
        spin = _InlineWeightEditor(self.viewport())
        spin.setObjectName("edgeWeightEditor")
        spin.setAccessibleName(self.tr("Weight value"))
        spin.setToolTip(self.tr("Type a new weight and press Enter (Escape cancels)"))
        spin.set_typed_range(-TYPED_LIMIT, TYPED_LIMIT)
        spin.setDecimals(3)
        spin.setSingleStep(0.05)
        # a weight beyond the typed range (1.7e308 from a file) or NaN is shown as it is
        spin.show_value(float(self.document.network.weights[l][i, j]))
        spin.edge = (l, i, j)
        spin.committed.connect(lambda: self._close_editor(commit=True))
        spin.cancelled.connect(lambda: self._close_editor(commit=False))
        p = self.mapFromScene(self.edge_midpoint(l, i, j))
        spin.adjustSize()
        spin.move(p.x() - spin.width() // 2, p.y() - spin.height() // 2)
        spin.show()
        spin.setFocus()
        spin.selectAll()
        self._editor_widget = spin
        return spin

    def _close_editor(self, commit: bool) -> None:
        spin, self._editor_widget = self._editor_widget, None
        if spin is None:
            return
        if commit:
            spin.interpretText()
            l, i, j = spin.edge
            net = self.document.network
            # Enter on a NaN left as it was keeps it (the box holds its minimum meanwhile)
            if l < net.n_layers and i < net.layer_sizes[l] and j < net.layer_sizes[l + 1] and not spin.shows_nan():
                self.editor.set_weight(l, i, j, spin.value())
        spin.hide()
        spin.deleteLater()
        self.setFocus()


def _readable(value: float, locale: QLocale | None = None) -> str:
    """Four decimals, or four significant digits with an exponent for huge values (a z of
    1.7e308 written with four decimals is 309 digits long); in ``locale`` ("0,4500")."""
    loc = locale_of(locale)
    return loc.toString(float(value), "f", 4) if abs(value) < 1e6 else loc.toString(float(value), "g", 4)


class _InlineWeightEditor(NumberSpin):
    committed = Signal()
    cancelled = Signal()

    def keyPressEvent(self, event):  # noqa: N802
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            if self.validate(self.text(), 0)[0] != QValidator.Acceptable and self.refusal_message(self.text()):
                self.fixup(self.text())  # says what it expects ("use a comma: 0,05"); stays open
                self.selectAll()
                return
            self.committed.emit()
            return
        if event.key() == Qt.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event):  # noqa: N802
        super().focusOutEvent(event)
        if self.isVisible():
            self.committed.emit()
