"""What the last weight update did, drawn on the graph.

- ``gradient_picture(network, update)``: the gradient view's numbers. An edge is coloured by
  the sign of its gradient ∂L/∂w (blue: positive, so the update lowers the weight; orange:
  negative, so it raises it) and sized by its size; a node by its delta δ = ∂L/∂z, relative
  to the largest of the update. The same rule as the usual picture (blue: a positive
  number), so one glance shows which weights the known answer pushes, and which way.
- ``FlashOverlay``: after a step, or in slow motion, the weights the update changed light up
  and fade out over ``FLASH_SECONDS`` (a QVariantAnimation, about 60 frames a second), the
  more changed the brighter.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QEasingCurve, QVariantAnimation, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsPathItem, QGraphicsScene

#: how long the changed weights stay lit after an update
FLASH_SECONDS = 0.7
#: the flash colour (a warm yellow that shows over blue and orange edges alike)
FLASH_COLOR = QColor(255, 190, 0)
#: weights whose change is below this share of the update's largest change do not flash
FLASH_SHARE = 0.05
#: at most this many of the most changed weights flash (a big network would be all light)
MAX_FLASHED = 600
#: the fade redraws the graph at most this often (about 36 frames a second): each frame
#: repaints the whole graph (measured 9-14 ms at 1280x800), and Qt's animation clock ticks
#: at 60 a second, which would leave training's snapshots little room on the UI thread
FRAME_SECONDS = 0.028


def gradient_picture(network, update):
    """``(edge_values, edge_scale, node_values)`` for the gradient view of ``update``:
    per weight layer each weight's gradient (shaped like ``weights[l]``) and the largest
    size of one; per node layer each node's delta (the batch mean; 0 for the inputs)
    scaled into -1..1."""
    pushes, _ = network.views(np.asarray(update.gradient))
    scale = max((float(np.abs(p).max()) for p in pushes if p.size), default=0.0)
    deltas = [np.zeros(network.layer_sizes[0])] + [d.mean(axis=0) for d in update.backprop.deltas]
    node_scale = max((float(np.abs(d).max()) for d in deltas if d.size), default=0.0)
    node_values = [d / node_scale if node_scale > 0 else d for d in deltas]
    return pushes, (scale if scale > 0 else 1.0), node_values


class FlashOverlay:
    """The lit-up edges of the last update: one line item per lit weight (bright for the
    most changed, softer for the rest), children of one parent whose opacity fades them all.

    One item per line, not one path of all of them: Qt strokes a wide pen along a whole path
    as one outline, and the outline of a few hundred crossing lines took 130 ms a frame
    (measured, 100 lines at width 7); separate lines paint in under a millisecond each frame.
    """

    def __init__(self, scene: QGraphicsScene, positions: list[np.ndarray], parent=None):
        """``parent``: the view (the animation must not outlive the scene's items)."""
        self._ends = []
        for src, dst in zip(positions[:-1], positions[1:]):
            self._ends.append((np.repeat(src, len(dst), axis=0), np.tile(dst, (len(src), 1))))
        self.pens = []
        for width, colour in ((6.0, FLASH_COLOR), (3.0, QColor(255, 220, 120))):
            pen = QPen(colour, width)
            pen.setCosmetic(True)
            pen.setCapStyle(Qt.FlatCap)  # the nodes cover the ends
            self.pens.append(pen)
        self.group = QGraphicsPathItem()  # draws nothing itself: its opacity fades the lines
        self.group.setPen(Qt.NoPen)
        self.group.setAcceptedMouseButtons(Qt.NoButton)
        self.group.setZValue(4)  # over the edges, under the highlights and the nodes
        self.group.hide()
        scene.addItem(self.group)
        self.lines: list[QGraphicsLineItem] = []
        self.animation = QVariantAnimation(parent)
        self.animation.setStartValue(1.0)
        self.animation.setEndValue(0.0)
        self.animation.setDuration(round(FLASH_SECONDS * 1000))
        self.animation.setEasingCurve(QEasingCurve.InQuad)
        self.animation.valueChanged.connect(self._fade)
        self.animation.finished.connect(self._done)
        #: frames drawn by the last flash (the benchmark counts them)
        self.frames = 0
        self._last_frame = 0.0
        #: flat weight-layer indices lit by the last flash, per weight layer (for tests)
        self.lit: list[np.ndarray] = []

    def flash(self, network, update) -> None:
        """Light up the weights ``update`` changed, then let them fade."""
        changes, _ = network.views(np.abs(np.asarray(update.applied)))
        largest = max((float(c.max()) for c in changes if c.size), default=0.0)
        if not largest > 0:
            return
        flat = np.concatenate([c.ravel() for c in changes])
        # the most changed weights only: a threshold at the MAX_FLASHED-th largest change
        floor = max(FLASH_SHARE * largest, np.partition(flat, -MAX_FLASHED)[-MAX_FLASHED] if flat.size > MAX_FLASHED else 0.0)
        segments, lit = [], []
        for (a, b), c in zip(self._ends, changes):
            c = c.ravel()
            keep = np.flatnonzero(c >= floor)
            lit.append(keep)
            for k in keep[np.argsort(c[keep])]:  # the brightest on top
                segments.append((a[k], b[k], c[k] >= 0.5 * largest))
        self.lit = lit
        while len(self.lines) < len(segments):  # reuse the line items of earlier flashes
            line = QGraphicsLineItem(self.group)
            line.setAcceptedMouseButtons(Qt.NoButton)
            self.lines.append(line)
        for line, (a, b, bright) in zip(self.lines, segments):
            line.setLine(float(a[0]), float(a[1]), float(b[0]), float(b[1]))
            line.setPen(self.pens[0 if bright else 1])
            line.show()
        for line in self.lines[len(segments):]:
            line.hide()
        self.group.setOpacity(1.0)
        self.group.show()
        self.frames = 0
        self._last_frame = time.perf_counter()
        self.animation.stop()
        self.animation.start()

    @property
    def active(self) -> bool:
        return self.animation.state() == QVariantAnimation.Running

    def _fade(self, value) -> None:
        now = time.perf_counter()
        if now - self._last_frame < FRAME_SECONDS:
            return
        self._last_frame = now
        self.frames += 1
        self.group.setOpacity(float(value))

    def _done(self) -> None:
        self.group.hide()

    def remove(self) -> None:
        """Before the scene is rebuilt (the items go with it)."""
        self.animation.stop()
        self.animation.deleteLater()
